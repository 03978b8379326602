import type { JudgeDecision } from '../types.js';
import type { JudgeVerdict } from './verdict.js';

/** One judge call's result: a verdict, or what went wrong (timeout, HTTP error, refusal, off-schema). */
export type JudgeCallResult = { ok: true; verdict: JudgeVerdict } | { ok: false; problem: string };

/** A decision with the agreement among the votes that produced it. */
export interface VoteOutcome {
  decision: JudgeDecision;
  /** Share of valid votes that agree with the majority (1 = unanimous); undefined without a majority. */
  agreement: number | undefined;
  /** Valid votes counted (calls that failed are not votes). */
  votes: number;
}

/**
 * Majority vote over `repeats` judge calls on one (rubric, answer), the self-consistency scheme
 * of Wang et al. 2023 ("Self-Consistency Improves Chain of Thought Reasoning") applied to
 * grading. With `threshold`, a vote passes when its score ≥ threshold (the judge's own `pass`
 * is ignored); else the judge's `pass` is the vote. Calls that failed are not votes. The
 * decision is the majority of valid votes, its score their mean; no valid vote, or a tie, leaves
 * it undecided with a reason naming what happened.
 */
export function decideByVote(results: readonly JudgeCallResult[], threshold: number | undefined): VoteOutcome {
  const valid = results.flatMap((result) => (result.ok ? [result.verdict] : []));
  const failures = results.flatMap((result) => (result.ok ? [] : [result.problem]));
  const failedNote = failures.length === 0 ? '' : ` (${failures.length} of ${results.length} calls failed: ${unique(failures).join('; ')})`;
  if (valid.length === 0) {
    return { decision: { pass: undefined, score: undefined, reason: `judge ${unique(failures).join('; ')}` }, agreement: undefined, votes: 0 };
  }
  const passOf = (verdict: JudgeVerdict): boolean => (threshold === undefined ? verdict.pass : verdict.score >= threshold);
  const passes = valid.filter(passOf).length;
  const fails = valid.length - passes;
  const score = valid.reduce((sum, verdict) => sum + verdict.score, 0) / valid.length;
  const rule = threshold === undefined ? '' : `, pass at score ≥ ${threshold}`;
  if (passes === fails) {
    return {
      decision: { pass: undefined, score: undefined, reason: `judge split ${passes}–${fails}${rule}: ${valid.map((verdict) => verdict.reason).join(' | ')}${failedNote}` },
      agreement: undefined,
      votes: valid.length,
    };
  }
  const pass = passes > fails;
  const majority = valid.filter((verdict) => passOf(verdict) === pass);
  const agreement = majority.length / valid.length;
  const tally = valid.length === 1 ? '' : ` (${majority.length}/${valid.length} agree)`;
  const first = majority[0] as JudgeVerdict;
  return {
    decision: { pass, score, reason: `judge ${pass ? 'pass' : 'fail'}, score ${round(score)}${rule}${tally}: ${first.reason}${failedNote}` },
    agreement,
    votes: valid.length,
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
