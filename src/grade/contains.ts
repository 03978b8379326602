import type { ExpectationOf } from '../suite/types.js';
import { caseFolder, preview, quote } from './text.js';
import type { Grader, GradeResult } from './types.js';

/** `expect: { contains, ignoreCase? }`. */
export type ContainsExpectation = ExpectationOf<'contains'>;

/** Passes when the answer contains the text anywhere. */
export function gradeContains(answer: string, expectation: ContainsExpectation): GradeResult {
  const fold = caseFolder(expectation.ignoreCase);
  const pass = fold(answer).includes(fold(expectation.contains));
  const verdict = pass ? 'found in' : 'not in';
  return { pass, score: pass ? 1 : 0, reason: `expected to contain ${quote(expectation.contains)}: ${verdict} ${preview(answer)}` };
}

/** The `contains` grader's registry entry. */
export const containsGrader: Grader<'contains'> = {
  key: 'contains',
  summary: 'Passes when the answer contains the text; score 1 or 0.',
  example: '{ contains: "499500" }',
  grade: gradeContains,
  passingCandidates: (expectation) => [expectation.contains],
  failingCandidates: () => [],
};
