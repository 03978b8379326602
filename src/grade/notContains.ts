import type { ExpectationOf } from '../suite/types.js';
import { caseFolder, preview, quoteList } from './text.js';
import { rotate } from './candidates.js';
import type { Grader, GradeResult } from './types.js';

/** `expect: { notContains: text or [...], ignoreCase? }`. */
export type NotContainsExpectation = ExpectationOf<'notContains'>;

/** Answers that mention nothing in particular: what passes a `notContains`. */
const NEUTRAL_ANSWERS = ['OK.', 'Done.', '-', ''];

/** Score is the fraction of forbidden strings that are absent, so one leak ranks above several. */
export function gradeNotContains(answer: string, expectation: NotContainsExpectation): GradeResult {
  const fold = caseFolder(expectation.ignoreCase);
  const haystack = fold(answer);
  const forbidden = typeof expectation.notContains === 'string' ? [expectation.notContains] : expectation.notContains;
  const present = forbidden.filter((needle) => haystack.includes(fold(needle)));
  const pass = present.length === 0;
  const score = forbidden.length === 0 ? 1 : (forbidden.length - present.length) / forbidden.length;
  const verdict = pass ? 'none in' : `found ${quoteList(present)} in`;
  return { pass, score, reason: `expected not to contain ${quoteList(forbidden)}: ${verdict} ${preview(answer)}` };
}

/** The `notContains` grader's registry entry; a wrong answer mentions one forbidden string. */
export const notContainsGrader: Grader<'notContains'> = {
  key: 'notContains',
  summary: 'Passes when the answer contains none of the strings (one string or a list); the score is the fraction absent.',
  example: '{ notContains: [sorry, "as an AI"] }',
  grade: gradeNotContains,
  passingCandidates: () => NEUTRAL_ANSWERS,
  failingCandidates: (expectation, seed) => {
    const forbidden = typeof expectation.notContains === 'string' ? [expectation.notContains] : expectation.notContains;
    return rotate(forbidden, seed).map((needle) => `It is ${needle}.`);
  },
};
