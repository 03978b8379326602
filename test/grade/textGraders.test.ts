import { describe, expect, it } from 'vitest';
import { gradeContainsAll } from '../../src/grade/containsAll.js';
import { gradeContainsAny } from '../../src/grade/containsAny.js';
import { gradeContains } from '../../src/grade/contains.js';
import { gradeEquals } from '../../src/grade/equals.js';
import { gradeNotContains } from '../../src/grade/notContains.js';
import { gradeRegex } from '../../src/grade/regex.js';
import { preview } from '../../src/grade/text.js';

describe('preview', () => {
  it('keeps short answers whole and one line', () => {
    expect(preview('a\nb')).toBe('"a\\nb"');
  });

  it('cuts long answers to 120 characters with an ellipsis', () => {
    const shown = preview('x'.repeat(500));
    expect(shown).toBe(`"${'x'.repeat(120)}…"`);
  });
});

describe('equals', () => {
  it.each([
    ['Paris', { equals: 'Paris' }, true, 'expected "Paris", got "Paris"'],
    ['  Paris\n', { equals: 'Paris' }, true, 'got "Paris"'],
    ['paris', { equals: 'Paris' }, false, 'expected "Paris", got "paris"'],
    ['paris', { equals: 'Paris', ignoreCase: true }, true, '(ignoring case)'],
    ['Paris.', { equals: 'Paris' }, false, 'got "Paris."'],
  ])('%j vs %j → pass %s', (answer, expectation, pass, reason) => {
    const result = gradeEquals(answer, expectation);
    expect(result.pass).toBe(pass);
    expect(result.score).toBe(pass ? 1 : 0);
    expect(result.reason).toContain(reason);
  });
});

describe('contains', () => {
  it.each([
    ['The capital is Paris.', { contains: 'Paris' }, true, 'expected to contain "Paris": found in "The capital is Paris."'],
    ['The capital is paris.', { contains: 'Paris' }, false, 'expected to contain "Paris": not in "The capital is paris."'],
    ['The capital is paris.', { contains: 'PARIS', ignoreCase: true }, true, 'found in'],
  ])('%j vs %j → pass %s', (answer, expectation, pass, reason) => {
    const result = gradeContains(answer, expectation);
    expect(result.pass).toBe(pass);
    expect(result.reason).toContain(reason);
  });
});

describe('containsAll', () => {
  it('scores the fraction found and names the missing ones', () => {
    const result = gradeContainsAll('red and green', { containsAll: ['red', 'green', 'blue', 'cyan'] });
    expect(result).toMatchObject({ pass: false, score: 0.5 });
    expect(result.reason).toBe('expected to contain all of ["red", "green", "blue", "cyan"]: missing ["blue", "cyan"] in "red and green"');
  });

  it('passes when all are present, with ignoreCase', () => {
    const result = gradeContainsAll('RED, Green', { containsAll: ['red', 'green'], ignoreCase: true });
    expect(result).toMatchObject({ pass: true, score: 1 });
    expect(result.reason).toContain('all 2 found');
  });
});

describe('containsAny', () => {
  it.each([
    ['It is blue.', ['red', 'blue'], true, 'found "blue"'],
    ['It is grey.', ['red', 'blue'], false, 'none in "It is grey."'],
    ['anything', [], false, 'none in'],
  ])('%j vs %j → pass %s', (answer, needles, pass, reason) => {
    const result = gradeContainsAny(answer, { containsAny: needles });
    expect(result.pass).toBe(pass);
    expect(result.score).toBe(pass ? 1 : 0);
    expect(result.reason).toContain(reason);
  });
});

describe('notContains', () => {
  it('accepts a single string', () => {
    expect(gradeNotContains('All good.', { notContains: 'error' })).toMatchObject({ pass: true, score: 1 });
    const leaked = gradeNotContains('An Error occurred', { notContains: 'error', ignoreCase: true });
    expect(leaked).toMatchObject({ pass: false, score: 0 });
    expect(leaked.reason).toBe('expected not to contain ["error"]: found ["error"] in "An Error occurred"');
  });

  it('scores the fraction of forbidden strings absent from a list', () => {
    const result = gradeNotContains('as an AI language model', { notContains: ['AI', 'sorry', 'model', 'cannot'] });
    expect(result).toMatchObject({ pass: false, score: 0.5 });
    expect(result.reason).toContain('found ["AI", "model"]');
  });
});

describe('regex', () => {
  it.each([
    ['Order #12345 shipped', { regex: '#\\d{5}\\b' }, true, 'expected to match /#\\d{5}\\b/: matched'],
    ['order #12 shipped', { regex: '#\\d{5}\\b' }, false, 'no match in "order #12 shipped"'],
    ['YES', { regex: '^yes$', flags: 'i' }, true, '/^yes$/i'],
    ['YES', { regex: '^yes$' }, false, 'no match'],
  ])('%j vs %j → pass %s', (answer, expectation, pass, reason) => {
    const result = gradeRegex(answer, expectation);
    expect(result.pass).toBe(pass);
    expect(result.reason).toContain(reason);
  });

  it('does not carry lastIndex between answers with the g flag', () => {
    const expectation = { regex: 'a', flags: 'g' };
    expect(gradeRegex('a', expectation).pass).toBe(true);
    expect(gradeRegex('a', expectation).pass).toBe(true);
  });

  it('fails an invalid pattern with a reason instead of throwing', () => {
    const result = gradeRegex('x', { regex: '(' });
    expect(result.pass).toBe(false);
    expect(result.reason).toMatch(/^invalid regex \/\(\/: /);
  });
});
