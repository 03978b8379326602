import type { Expectation, ExpectationOf } from '../suite/types.js';
import { defined, rotate } from './candidates.js';
import type { Grade, Grader } from './types.js';

/** `expect: { all: [...] }`. */
export type AllExpectation = ExpectationOf<'all'>;

/** How a combinator grades its children; injected so combinators do not import the dispatcher that imports them. */
export type ChildGrader = (answer: string, expectation: Expectation) => Grade;

/**
 * Passes when every child passes; the score is the mean of the children's scores, so partial
 * credit inside (containsAll, json) carries through. An empty list passes: nothing was required.
 * A child without a decision (a failed judge) is Kleene's "unknown": one failed child still fails
 * the whole, otherwise the whole is undecided (empty pass and score).
 */
export function gradeAll(answer: string, expectation: AllExpectation, gradeChild: ChildGrader): Grade {
  const results = expectation.all.map((child) => gradeChild(answer, child));
  if (results.length === 0) return { pass: true, score: 1, reason: 'all of []: nothing required' };
  const failed = results.filter((result) => result.pass === false);
  const undecided = results.filter((result) => result.pass === undefined);
  const decided = results.filter((result) => result.pass !== undefined);
  const score = decided.reduce((sum, result) => sum + result.score, 0) / Math.max(1, decided.length);
  if (failed.length === 0 && undecided.length > 0) {
    return { pass: undefined, score: undefined, reason: `${undecided.length} of ${results.length} undecided: ${undecided.map((result) => result.reason).join('; ')}` };
  }
  const reason =
    failed.length === 0
      ? `all ${results.length} passed: ${results.map((result) => result.reason).join('; ')}`
      : `${failed.length} of ${results.length} failed: ${failed.map((result) => result.reason).join('; ')}`;
  return { pass: failed.length === 0, score, reason };
}

/** The `all` grader's registry entry; a passing answer joins the children's exemplars. */
export const allGrader: Grader<'all'> = {
  key: 'all',
  summary:
    "Passes when every child expectation passes; the score is the mean of the children's. An undecided child (a failed judge) leaves the whole undecided unless another child fails.",
  example: '{ all: [{ number: 12 }, { contains: apples }] }',
  grade: (answer, expectation, context) => gradeAll(answer, expectation, context.gradeChild),
  passingCandidates: (expectation, context) => {
    const parts = defined(expectation.all.map(context.exemplarAnswer));
    return [...parts, parts.join(' '), parts.join('\n')];
  },
  failingCandidates: (expectation, seed, context) => rotate(expectation.all, seed).map((child) => context.wrongAnswer(child, seed)),
};
