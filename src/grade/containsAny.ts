import type { ExpectationOf } from '../suite/types.js';
import { caseFolder, preview, quote, quoteList } from './text.js';
import type { Grader, GradeResult } from './types.js';

/** `expect: { containsAny: [...], ignoreCase? }`. */
export type ContainsAnyExpectation = ExpectationOf<'containsAny'>;

/** Passes when the answer contains at least one of the strings. */
export function gradeContainsAny(answer: string, expectation: ContainsAnyExpectation): GradeResult {
  const fold = caseFolder(expectation.ignoreCase);
  const haystack = fold(answer);
  const found = expectation.containsAny.find((needle) => haystack.includes(fold(needle)));
  const pass = found !== undefined;
  const verdict = pass ? `found ${quote(found)} in` : 'none in';
  return {
    pass,
    score: pass ? 1 : 0,
    reason: `expected to contain any of ${quoteList(expectation.containsAny)}: ${verdict} ${preview(answer)}`,
  };
}

/** The `containsAny` grader's registry entry. */
export const containsAnyGrader: Grader<'containsAny'> = {
  key: 'containsAny',
  summary: 'Passes when the answer contains at least one string of the list; score 1 or 0.',
  example: '{ containsAny: [yes, sure] }',
  grade: gradeContainsAny,
  passingCandidates: (expectation) => expectation.containsAny.slice(0, 1),
  failingCandidates: () => [],
};
