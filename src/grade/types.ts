/** What every grader returns: pass, a score in [0, 1], and a reason that shows expected and actual. */
export interface GradeResult {
  pass: boolean;
  score: number;
  reason: string;
}

/**
 * A grade that could not be decided: a judge that timed out, errored, refused or answered outside
 * its schema. `pass` and `score` stay empty in requests.csv; the reason names what happened.
 */
export interface Ungraded {
  pass: undefined;
  score: undefined;
  reason: string;
}

/** A pure grader's result, or — once a judge takes part — possibly no decision at all. */
export type Grade = GradeResult | Ungraded;

/** One `judge` expectation as written (a bare rubric string, or the mapping form). */
export type JudgeExpectation = { judge: string | { rubric: string; threshold?: number; facts?: string[] } };

/**
 * The judge's decision on one rubric for one answer, after the majority vote (grade/judge/vote.ts):
 * decided (pass, score, reason) or not (`pass` undefined, reason says why).
 */
export type JudgeDecision = Grade;

/**
 * Where a judge expectation finds its decision: run/ fills it from the judge's calls, the
 * emulator's answer key from the rubric's facts. Undefined means no decision was made.
 */
export type JudgeVerdicts = (node: JudgeExpectation, answer: string) => JudgeDecision | undefined;
