import { describe, expect, it } from 'vitest';
import { exemplarAnswer, grade, wrongAnswer } from '../../src/grade/index.js';
import { exampleMatching } from '../../src/grade/regexExample.js';
import type { Expectation } from '../../src/suite/types.js';

const SEEDS = [0, 1, 2, 7, 42, 1234567];

const EXPECTATIONS: Expectation[] = [
  { equals: 'Paris' },
  { equals: 'paris', ignoreCase: true },
  { contains: 'Paris' },
  { contains: 'o' },
  { containsAll: ['red', 'green', 'blue'] },
  { containsAny: ['yes', 'sure'] },
  { notContains: 'sorry' },
  { notContains: ['O', 'K', 'D', '-'] },
  { regex: '^\\d{3}-\\d{4}$' },
  { regex: '^(?:yes|no)\\b', flags: 'i' },
  { regex: '^[A-F][^a-z]\\s*$' },
  { regex: '(\\w+) \\1' },
  { number: 499500 },
  { number: -3.5 },
  { number: 100, tolerance: 2.5 },
  { number: 1e21 },
  { oneOf: ['B'] },
  { oneOf: ['A', 'C'] },
  { oneOf: ['(e)'] },
  { oneOf: ['Paris', 'Paris, France'] },
  { json: { answer: 42 } },
  { json: { name: 'Ada', 'address.city': 'London', tags: ['a'], ok: true, spouse: null, meta: { v: 1 } } },
  { all: [{ number: 12 }, { contains: 'apples' }] },
  { all: [{ oneOf: ['B'] }, { notContains: 'C' }] },
  { any: [{ regex: '^zzz' }, { number: 7 }] },
  { all: [{ any: [{ equals: 'four' }, { contains: 'vier' }] }, { notContains: ['five'] }] },
  { any: [{ all: [{ contains: 'x' }, { contains: 'y' }] }, { oneOf: ['D'] }] },
];

describe('exemplarAnswer and wrongAnswer', () => {
  it.each(EXPECTATIONS.map((expectation) => [JSON.stringify(expectation), expectation] as const))('%s: the exemplar passes and wrong answers fail', (_, expectation) => {
    const exemplar = exemplarAnswer(expectation);
    expect(exemplar).toBeTypeOf('string');
    expect(grade(exemplar!, expectation)?.pass).toBe(true);
    for (const seed of SEEDS) {
      const wrong = wrongAnswer(expectation, seed);
      expect(grade(wrong, expectation)?.pass, `seed ${seed}: ${JSON.stringify(wrong)}`).toBe(false);
    }
  });

  it('varies wrong answers with the seed and repeats them for the same seed', () => {
    const wrongs = new Set(SEEDS.map((seed) => wrongAnswer({ number: 499500 }, seed)));
    expect(wrongs.size).toBeGreaterThan(2);
    expect(wrongAnswer({ oneOf: ['B'] }, 3)).toBe(wrongAnswer({ oneOf: ['B'] }, 3));
    expect(wrongAnswer({ oneOf: ['B'] }, 3)).toMatch(/^[ACDEF]$/);
  });

  it('makes plausible wrong answers: a nearby number, a dropped keyword', () => {
    const number = Number(wrongAnswer({ number: 100, tolerance: 2.5 }, 5));
    expect(Math.abs(number - 100)).toBeGreaterThan(2.5);
    expect(Math.abs(number - 100)).toBeLessThanOrEqual(27);
    expect(wrongAnswer({ containsAll: ['red', 'green', 'blue'] }, 1)).toBe('red blue');
  });

  it('gives up, with undefined, when no passing answer can be built', () => {
    expect(exemplarAnswer({ regex: '^(?=.*\\d)[a-z]+$' })).toBeUndefined();
    expect(exemplarAnswer({ containsAny: [] })).toBeUndefined();
    expect(exemplarAnswer({ any: [] })).toBeUndefined();
    expect(exemplarAnswer({ all: [{ equals: 'yes' }, { equals: 'no' }] })).toBeUndefined();
    expect(exemplarAnswer({ number: Number.NaN })).toBeUndefined();
    expect(exemplarAnswer({ json: { a: 1, 'a.b': 2 } })).toBeUndefined();
  });

  it('still returns text when every answer passes', () => {
    expect(wrongAnswer({ contains: '' }, 1)).toBeTypeOf('string');
    expect(wrongAnswer({ all: [] }, 1)).toBeTypeOf('string');
  });
});

describe('exampleMatching', () => {
  it.each([
    ['hello', '', 'hello'],
    ['^\\d{3}-\\d{2,4}$', '', '000-00'],
    ['colou?r', '', 'color'],
    ['^(?:cat|dog)s*$', '', 'cat'],
    ['[xyz]+', '', 'x'],
    ['[^a-z0-9]', '', '-'],
    ['\\p{Lu}\\p{Nd}', 'u', 'A0'],
    ['(?<word>ab)-\\k<word>', '', 'ab-ab'],
    ['\\u0041\\x42\\u{1F600}\\cJ\\.', 'u', 'AB😀\n.'],
    ['a{2}b{1,}', '', 'aab'],
    ['(?!x)y', '', 'y'],
    ['\\bok\\b', '', 'ok'],
  ])('/%s/%s → %j', (pattern, flags, example) => {
    expect(exampleMatching(pattern, flags)).toBe(example);
    expect(new RegExp(pattern, flags).test(example)).toBe(true);
  });

  it('answers undefined for syntax it cannot follow', () => {
    expect(exampleMatching('(unclosed')).toBeUndefined();
    expect(exampleMatching('x)')).toBeUndefined();
  });
});
