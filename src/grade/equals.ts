import type { Expectation } from '../suite/types.js';
import { caseFolder, preview, quote } from './text.js';
import type { GradeResult } from './types.js';

export type EqualsExpectation = Extract<Expectation, { equals: string }>;

/** Whole-answer equality, ignoring surrounding whitespace (models often end with a newline). */
export function gradeEquals(answer: string, expectation: EqualsExpectation): GradeResult {
  const fold = caseFolder(expectation.ignoreCase);
  const expected = expectation.equals.trim();
  const actual = answer.trim();
  const pass = fold(actual) === fold(expected);
  const caseNote = expectation.ignoreCase === true ? ' (ignoring case)' : '';
  return { pass, score: pass ? 1 : 0, reason: `expected ${quote(expected)}${caseNote}, got ${preview(actual)}` };
}
