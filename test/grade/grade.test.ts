import { describe, expect, it } from 'vitest';
import { grade } from '../../src/grade/index.js';
import type { Expectation } from '../../src/suite/types.js';

describe('grade', () => {
  it('has nothing to grade without an expectation', () => {
    expect(grade('anything', undefined)).toBeUndefined();
  });

  it.each<[string, Expectation, boolean]>([
    ['Paris', { equals: 'Paris' }, true],
    ['in Paris', { contains: 'Paris' }, true],
    ['a b', { containsAll: ['a', 'b'] }, true],
    ['b', { containsAny: ['a', 'b'] }, true],
    ['a', { notContains: 'a' }, false],
    ['abc', { regex: '^a' }, true],
    ['499,500', { number: 499500 }, true],
    ['(B)', { oneOf: ['B'] }, true],
    ['{"a": 1}', { json: { a: 1 } }, true],
  ])('dispatches %j vs %j', (answer, expectation, pass) => {
    expect(grade(answer, expectation)?.pass).toBe(pass);
  });
});

describe('all / any', () => {
  it('all passes when every child passes, scoring the mean', () => {
    const expectation: Expectation = { all: [{ number: 12 }, { contains: 'apples' }, { containsAll: ['red', 'green'] }] };
    const passing = grade('12 red and green apples', expectation)!;
    expect(passing).toMatchObject({ pass: true, score: 1 });
    expect(passing.reason).toMatch(/^all 3 passed: expected 12, got 12/);
    const failing = grade('12 red pears', expectation)!;
    expect(failing.pass).toBe(false);
    expect(failing.score).toBeCloseTo((1 + 0 + 0.5) / 3, 12);
    expect(failing.reason).toBe(
      '2 of 3 failed: expected to contain "apples": not in "12 red pears"; expected to contain all of ["red", "green"]: missing ["green"] in "12 red pears"',
    );
  });

  it('any passes when one child passes, scoring the best', () => {
    const expectation: Expectation = { any: [{ containsAll: ['x', 'y'] }, { oneOf: ['Paris'] }] };
    const passing = grade('Paris', expectation)!;
    expect(passing).toMatchObject({ pass: true, score: 1 });
    expect(passing.reason).toBe('passed 1 of 2 alternatives: expected one of ["Paris"], got "Paris" (whole answer)');
    const failing = grade('x and Rome', expectation)!;
    expect(failing).toMatchObject({ pass: false, score: 0.5 });
    expect(failing.reason).toMatch(/^none of 2 alternatives passed: .*missing \["y"\].*; expected one of \["Paris"\]/);
  });

  it('nests', () => {
    const expectation: Expectation = {
      all: [{ any: [{ number: 4 }, { contains: 'four' }] }, { notContains: ['five', '5'] }],
    };
    expect(grade('four', expectation)?.pass).toBe(true);
    expect(grade('2 + 2 = 4', expectation)?.pass).toBe(true);
    expect(grade('four, or 5', expectation)).toMatchObject({ pass: false, score: 0.75 });
    expect(grade('three', expectation)).toMatchObject({ pass: false, score: 0.5 });
  });

  it('treats empty lists as vacuous: all passes, any fails', () => {
    expect(grade('x', { all: [] })).toMatchObject({ pass: true, score: 1 });
    expect(grade('x', { any: [] })).toMatchObject({ pass: false, score: 0 });
  });
});
