import type { Expectation } from '../suite/types.js';
import type { ChildGrader } from './all.js';
import type { GradeResult } from './types.js';

export type AnyExpectation = Extract<Expectation, { any: Expectation[] }>;

/**
 * Passes when at least one child passes; the score is the best child's score. An empty list
 * fails: no alternative was offered that could be met.
 */
export function gradeAny(answer: string, expectation: AnyExpectation, gradeChild: ChildGrader): GradeResult {
  const results = expectation.any.map((child) => gradeChild(answer, child));
  if (results.length === 0) return { pass: false, score: 0, reason: 'any of []: no alternative to meet' };
  const passed = results.find((result) => result.pass);
  const score = Math.max(...results.map((result) => result.score));
  const reason = passed !== undefined
    ? `passed 1 of ${results.length} alternatives: ${passed.reason}`
    : `none of ${results.length} alternatives passed: ${results.map((result) => result.reason).join('; ')}`;
  return { pass: passed !== undefined, score, reason };
}
