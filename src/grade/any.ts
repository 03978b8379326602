import type { ExpectationOf } from '../suite/types.js';
import type { ChildGrader } from './all.js';
import { defined } from './candidates.js';
import type { Grade, Grader } from './types.js';

/** `expect: { any: [...] }`. */
export type AnyExpectation = ExpectationOf<'any'>;

/**
 * Passes when at least one child passes; the score is the best child's score. An empty list
 * fails: no alternative was offered that could be met. A child without a decision (a failed
 * judge) is Kleene's "unknown": a passing child still passes the whole, otherwise it is undecided.
 */
export function gradeAny(answer: string, expectation: AnyExpectation, gradeChild: ChildGrader): Grade {
  const results = expectation.any.map((child) => gradeChild(answer, child));
  if (results.length === 0) return { pass: false, score: 0, reason: 'any of []: no alternative to meet' };
  const passed = results.find((result) => result.pass === true);
  const undecided = results.filter((result) => result.pass === undefined);
  const scores = results.flatMap((result) => (result.score === undefined ? [] : [result.score]));
  if (passed !== undefined) return { pass: true, score: Math.max(...scores), reason: `passed 1 of ${results.length} alternatives: ${passed.reason}` };
  if (undecided.length > 0) {
    return {
      pass: undefined,
      score: undefined,
      reason: `none of ${results.length} alternatives passed, ${undecided.length} undecided: ${results.map((result) => result.reason).join('; ')}`,
    };
  }
  return { pass: false, score: Math.max(...scores), reason: `none of ${results.length} alternatives passed: ${results.map((result) => result.reason).join('; ')}` };
}

/** The `any` grader's registry entry. */
export const anyGrader: Grader<'any'> = {
  key: 'any',
  summary: "Passes when at least one child expectation passes; the score is the best child's. An undecided child leaves the whole undecided unless another child passes.",
  example: '{ any: [{ equals: four }, { contains: vier }] }',
  grade: (answer, expectation, context) => gradeAny(answer, expectation, context.gradeChild),
  passingCandidates: (expectation, context) => defined(expectation.any.map(context.exemplarAnswer)),
  failingCandidates: (expectation, seed, context) => expectation.any.map((child) => context.wrongAnswer(child, seed)),
};
