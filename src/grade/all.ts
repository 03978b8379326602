import type { Expectation } from '../suite/types.js';
import type { GradeResult } from './types.js';

export type AllExpectation = Extract<Expectation, { all: Expectation[] }>;

/** How a combinator grades its children; injected so combinators do not import the dispatcher that imports them. */
export type ChildGrader = (answer: string, expectation: Expectation) => GradeResult;

/**
 * Passes when every child passes; the score is the mean of the children's scores, so partial
 * credit inside (containsAll, json) carries through. An empty list passes: nothing was required.
 */
export function gradeAll(answer: string, expectation: AllExpectation, gradeChild: ChildGrader): GradeResult {
  const results = expectation.all.map((child) => gradeChild(answer, child));
  if (results.length === 0) return { pass: true, score: 1, reason: 'all of []: nothing required' };
  const failed = results.filter((result) => !result.pass);
  const score = results.reduce((sum, result) => sum + result.score, 0) / results.length;
  const reason = failed.length === 0
    ? `all ${results.length} passed: ${results.map((result) => result.reason).join('; ')}`
    : `${failed.length} of ${results.length} failed: ${failed.map((result) => result.reason).join('; ')}`;
  return { pass: failed.length === 0, score, reason };
}
