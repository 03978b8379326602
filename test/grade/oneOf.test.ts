import { describe, expect, it } from 'vitest';
import { extractChoice } from '../../src/grade/extractChoice.js';
import { gradeOneOf } from '../../src/grade/oneOf.js';

describe('oneOf with letter choices', () => {
  it.each([
    ['B', true],
    ['b', true],
    ['(B)', true],
    ['B)', true],
    ['**B**', true],
    ['B.', true],
    ['The answer is B.', true],
    ['Answer: B', true],
    ['**Answer:** (B)', true],
    ['Final answer: b', true],
    ['The correct option is **B** because the others are wrong.', true],
    ['Answer:\n\n**B**', true],
    ['\\boxed{B}', true],
    ['答案是 B', true],
    // The article "A" in prose is not a choice when a clearer one exists.
    ['A good way to see it: the answer is B.', true],
    ['B is correct. A careful reading confirms it.', true],
    ['A careful reading shows B.', true],
    ['I think it is B.', true],
    // Reasoning first, conclusion last.
    ['A looks tempting, but C is wrong too, so B.', true],
    ['B looks tempting, but the answer is C.', false],
    ['The answer is B, not C.', true],
    ['The answer is C, not B.', false],
    ['Answer: B. This answer is consistent with the data.', true],
    // Letters inside words, abbreviations and contractions are not choices.
    ['Based on the data, C.', false],
    ['Because of the U.S. rules: D', false],
    ["I'm sure it's (b)", true],
    ['C', false],
    ['The answer is a.', false],
    ['None of them.', false],
  ])('%j → pass %s', (answer, pass) => {
    expect(gradeOneOf(answer, { oneOf: ['B'] }).pass).toBe(pass);
  });

  it('accepts the article-like letter A when it is the choice', () => {
    expect(gradeOneOf('A', { oneOf: ['A'] }).pass).toBe(true);
    expect(gradeOneOf('A is correct.', { oneOf: ['A'] }).pass).toBe(true);
    expect(gradeOneOf('The answer is A.', { oneOf: ['A'] }).pass).toBe(true);
    expect(gradeOneOf('A careful look rules out the rest: D', { oneOf: ['A'] }).pass).toBe(false);
    expect(gradeOneOf('A reasonable guess would be C', { oneOf: ['A'] }).pass).toBe(false);
  });

  it('reports the choice it found and how', () => {
    expect(gradeOneOf('B looks tempting, but the answer is C.', { oneOf: ['B'] })).toEqual({
      pass: false,
      score: 0,
      reason: 'expected one of ["B"], got "C" (after "answer is")',
    });
    expect(gradeOneOf('Probably C', { oneOf: ['B'] }).reason).toBe('expected one of ["B"], got "C" (last choice in answer)');
    expect(gradeOneOf('(b)', { oneOf: ['B'] }).reason).toBe('expected one of ["B"], got "(b)" (whole answer)');
    expect(gradeOneOf('none of them', { oneOf: ['B'] }).reason).toBe('expected one of ["B"], no choice found in answer: "none of them"');
  });
});

describe('oneOf with short answers', () => {
  it.each([
    ['Paris', true],
    ['Paris.', true],
    ['paris', true],
    ['**Paris**', true],
    ['The capital of France is Paris.', true],
    ['Answer: Paris, of course', true],
    ['Parisian food is great, the capital is Lyon.', false],
    ['Lyon', false],
  ])('%j → pass %s', (answer, pass) => {
    expect(gradeOneOf(answer, { oneOf: ['Paris'] }).pass).toBe(pass);
  });

  it('accepts any listed spelling, including multi-word ones and symbols', () => {
    expect(gradeOneOf('It is New  York City.', { oneOf: ['New York', 'NYC'] }).pass).toBe(true);
    expect(gradeOneOf('Use C++ here.', { oneOf: ['C++'] }).pass).toBe(true);
    expect(gradeOneOf('Use C here.', { oneOf: ['C++'] }).pass).toBe(false);
  });

  it('quotes what followed the marker when no option is found', () => {
    expect(gradeOneOf('Answer: Lyon.', { oneOf: ['Paris'] }).reason).toBe('expected one of ["Paris"], got "Lyon" (after "Answer:")');
    expect(gradeOneOf('Lyon', { oneOf: ['Paris'] }).reason).toBe('expected one of ["Paris"], no choice found in answer: "Lyon"');
  });

  it('returns the accepted option as written in the suite', () => {
    expect(extractChoice('answer: PARIS', ['Paris'])).toMatchObject({ option: 'Paris', said: 'PARIS' });
  });

  it('never passes an empty option list', () => {
    expect(gradeOneOf('Paris', { oneOf: [] }).pass).toBe(false);
  });
});
