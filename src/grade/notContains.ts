import type { Expectation } from '../suite/types.js';
import { caseFolder, preview, quoteList } from './text.js';
import type { GradeResult } from './types.js';

export type NotContainsExpectation = Extract<Expectation, { notContains: string | string[] }>;

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
