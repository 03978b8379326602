import type { Expectation } from '../suite/types.js';
import { caseFolder, preview, quote } from './text.js';
import type { GradeResult } from './types.js';

export type ContainsExpectation = Extract<Expectation, { contains: string }>;

export function gradeContains(answer: string, expectation: ContainsExpectation): GradeResult {
  const fold = caseFolder(expectation.ignoreCase);
  const pass = fold(answer).includes(fold(expectation.contains));
  const verdict = pass ? 'found in' : 'not in';
  return { pass, score: pass ? 1 : 0, reason: `expected to contain ${quote(expectation.contains)}: ${verdict} ${preview(answer)}` };
}
