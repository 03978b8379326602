import type { Expectation } from '../suite/types.js';
import { caseFolder, preview, quote, quoteList } from './text.js';
import type { GradeResult } from './types.js';

export type ContainsAnyExpectation = Extract<Expectation, { containsAny: string[] }>;

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
