import type { ExpectationOf } from '../suite/types.js';
import { caseFolder, preview, quote } from './text.js';
import type { Grader, GradeResult } from './types.js';

/** `expect: { equals, ignoreCase? }`. */
export type EqualsExpectation = ExpectationOf<'equals'>;

/** Whole-answer equality, ignoring surrounding whitespace (models often end with a newline). */
export function gradeEquals(answer: string, expectation: EqualsExpectation): GradeResult {
  const fold = caseFolder(expectation.ignoreCase);
  const expected = expectation.equals.trim();
  const actual = answer.trim();
  const pass = fold(actual) === fold(expected);
  const caseNote = expectation.ignoreCase === true ? ' (ignoring case)' : '';
  return { pass, score: pass ? 1 : 0, reason: `expected ${quote(expected)}${caseNote}, got ${preview(actual)}` };
}

/** The `equals` grader's registry entry. */
export const equalsGrader: Grader<'equals'> = {
  key: 'equals',
  summary: 'Passes when the whole answer, surrounding whitespace trimmed, equals the text; score 1 or 0.',
  example: '{ equals: Paris, ignoreCase: true }',
  grade: gradeEquals,
  passingCandidates: (expectation) => [expectation.equals],
  failingCandidates: () => [],
};
