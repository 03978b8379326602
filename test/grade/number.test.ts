import { describe, expect, it } from 'vitest';
import { extractFinalNumber } from '../../src/grade/extractNumber.js';
import { gradeNumber } from '../../src/grade/number.js';

describe('extractFinalNumber', () => {
  it.each([
    ['499500', 499500],
    ['499,500', 499500],
    ['499500.', 499500],
    ['The sum is 499,500.', 499500],
    ['\\boxed{499500}', 499500],
    ['= 499500.', 499500],
    ['**499500**', 499500],
    ['499500 apples', 499500],
    ['-3.5', -3.5],
    ['it drops to −3.5 degrees', -3.5],
    ['about 1e6', 1e6],
    ['2.5E-3 seconds', 0.0025],
    ['+7', 7],
    ['1,234,567.25', 1234567.25],
    ['$1,299.99', 1299.99],
    ['50%', 50],
    ['1\u202F234\u202F567', 1234567],
    ['1\u00A0234', 1234],
    ['499{,}500', 499500],
    ['499\\,500', 499500],
    // Documented choices: a plain space is not a thousands separator, a decimal comma is not a decimal point.
    ['1 234 567', 567],
    ['3,5', 5],
    // Subtraction and hyphens are not signs.
    ['5-3', 3],
    ['pages 10-12', 12],
    ['1 - 2 = -1', -1],
    // Names with digits are not answers.
    ['499500, computed in Python3', 499500],
    ['v1.2.3', undefined],
    ['n(n+1)/2 with n = 999 gives 499500. Done (H2O).', 499500],
    // The last \boxed{} wins over numbers after it.
    ['\\boxed{499500} (that is 999·1000/2)', 499500],
    // The rule is "last number": a trailing explanation wins, so suites should ask for the number last or boxed.
    ['Answer: 42 (from 6×7)', 7],
    ['no digits here', undefined],
    ['1,2,3', 3],
  ])('%j → %s', (answer, expected) => {
    expect(extractFinalNumber(answer)?.value).toBe(expected);
  });

  it('says where the number came from', () => {
    expect(extractFinalNumber('x \\boxed{\\frac{10}{2}} y 9')).toMatchObject({ value: 2, source: 'boxed' });
    expect(extractFinalNumber('\\boxed{none} then 9')).toMatchObject({ value: 9, source: 'last' });
    expect(extractFinalNumber('total: 1,000')).toMatchObject({ text: '1,000', source: 'last' });
  });
});

describe('extractFinalNumber: spellings of a negative number', () => {
  it.each([
    // A minus before a currency symbol, with or without escapes.
    ['The amount due is -$1,716.96.', -1716.96],
    ['The amount due is $-1,716.96.', -1716.96],
    ['\\-\\$1,716.96', -1716.96],
    ['-\\$1{,}716.96', -1716.96],
    ['$-\\$1{,}716.96$', -1716.96],
    ['\\boxed{-\\$1{,}716.96}', -1716.96],
    ['\\boxed{-42}', -42],
    ['\\(-42\\)', -42],
    ['\u2212$1,716.96', -1716.96],
    ['\u2212\u20AC12', -12],
    ['-\u00A35.50', -5.5],
    ['-\u00A5100', -100],
    ['-\u20B91,000', -1000],
    ['-US$5', -5],
    ['-R$ 12', -12],
    ['USD -5', -5],
    ['-USD 5', -5],
    ['EUR \u22125', -5],
    // Unicode minus-like characters.
    ['\u22125', -5],
    ['it fell \u20133 points', -3],
    ['\uFF0D7', -7],
    ['\uFE638', -8],
    ['\u20119 degrees', -9],
    ['\u20104', -4],
    ['\u20126', -6],
    ['\\boxed{\u221242}', -42],
    // Accounting parentheses, only with a currency.
    ['($1,716.96)', -1716.96],
    ['Net loss: ($1,716.96).', -1716.96],
    ['(USD 1,716.96)', -1716.96],
    ['(1,716.96 EUR)', -1716.96],
    ['(\u20AC12)', -12],
    ['the answer (5)', 5],
    ['(1,716.96)', 1716.96],
    // Not signs: ranges, subtraction, hyphenated words, spaced dashes.
    ['range 3\u20135', 5],
    ['pages 10\u201112', 12],
    ['COVID-19', 19],
    ['3 \u2013 5', 5],
    ['the total \u2014 5', 5],
    ['$5-$3', 3],
    ['price: $1,716.96', 1716.96],
    ['+$5', 5],
  ])('%j → %s', (answer, expected) => {
    expect(extractFinalNumber(answer)?.value).toBe(expected);
  });

  it("grades the issue's example", () => {
    expect(gradeNumber('The amount due is -$1,716.96.', { number: -1716.96 })).toMatchObject({ pass: true, reason: 'expected -1716.96, got -1716.96 (last number in answer)' });
  });
});

describe('gradeNumber', () => {
  it('passes on the final number and shows it', () => {
    expect(gradeNumber('So the sum is **499,500**.', { number: 499500 })).toEqual({
      pass: true,
      score: 1,
      reason: 'expected 499500, got 499500 (last number in answer)',
    });
  });

  it('fails an off-by-one answer with expected and actual in the reason', () => {
    expect(gradeNumber('499499', { number: 499500 })).toEqual({
      pass: false,
      score: 0,
      reason: 'expected 499500, got 499499 (last number in answer)',
    });
  });

  it('names \\boxed{} as the source', () => {
    expect(gradeNumber('\\boxed{12} since 3×4', { number: 12 }).reason).toBe('expected 12, got 12 (in \\boxed{})');
  });

  it('reports an answer without a number, quoting it', () => {
    const result = gradeNumber('I cannot compute that.', { number: 499500 });
    expect(result).toMatchObject({ pass: false, score: 0 });
    expect(result.reason).toBe('expected 499500, no number in answer: "I cannot compute that."');
  });

  it('applies an absolute tolerance', () => {
    expect(gradeNumber('3.14', { number: Math.PI, tolerance: 0.01 }).pass).toBe(true);
    expect(gradeNumber('3.1', { number: Math.PI, tolerance: 0.01 }).pass).toBe(false);
    expect(gradeNumber('101', { number: 100, tolerance: 1 }).reason).toBe('expected 100 ± 1, got 101 (last number in answer)');
    expect(gradeNumber('100.0', { number: 100 }).pass).toBe(true);
  });
});
