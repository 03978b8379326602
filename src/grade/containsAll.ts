import type { Expectation } from '../suite/types.js';
import { caseFolder, preview, quoteList } from './text.js';
import type { GradeResult } from './types.js';

export type ContainsAllExpectation = Extract<Expectation, { containsAll: string[] }>;

/** Partial credit: the score is the fraction of required strings present, so near-misses rank above misses. */
export function gradeContainsAll(answer: string, expectation: ContainsAllExpectation): GradeResult {
  const fold = caseFolder(expectation.ignoreCase);
  const haystack = fold(answer);
  const required = expectation.containsAll;
  const missing = required.filter((needle) => !haystack.includes(fold(needle)));
  const pass = missing.length === 0;
  const score = required.length === 0 ? 1 : (required.length - missing.length) / required.length;
  const verdict = pass ? `all ${required.length} found in` : `missing ${quoteList(missing)} in`;
  return { pass, score, reason: `expected to contain all of ${quoteList(required)}: ${verdict} ${preview(answer)}` };
}
