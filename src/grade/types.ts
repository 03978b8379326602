import type { Expectation, ExpectationOf, GraderKey } from '../suite/types.js';

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
export type JudgeExpectation = ExpectationOf<'judge'>;

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

/**
 * What dispatch hands a grader besides the answer and its expectation: how to grade a child
 * expectation (the combinators `all` / `any`), and where `judge` expectations find their decisions.
 */
export interface GradeContext {
  /** Grades one child expectation with the same verdicts (registry.ts's dispatch). */
  gradeChild: (answer: string, expectation: Expectation) => Grade;
  /** The judge's decisions (run/judging.ts), or the emulator's facts judge (exemplar.ts). */
  verdicts: JudgeVerdicts;
}

/** What exemplar.ts hands a grader's candidate builders, so combinators can recurse into their children. */
export interface ExemplarContext {
  /** An answer that passes `expectation`, or undefined when none could be built. */
  exemplarAnswer: (expectation: Expectation) => string | undefined;
  /** An answer that fails `expectation`, varying with `seed` (may pass when nothing fails). */
  wrongAnswer: (expectation: Expectation, seed: number) => string;
}

/**
 * One grader, as registered in registry.ts under its expectation key `K`: how it grades, how the
 * emulator builds answers that pass or fail it, and what the docs say about it.
 * Candidates are guesses: exemplar.ts checks each with the real grader before using it.
 */
export interface Grader<K extends GraderKey> {
  /** The `expect:` key that selects this grader (`equals`, `containsAll`, `judge`, …). */
  key: K;
  /** One sentence for docs/graders.md: what passes, and how the score in [0, 1] is computed. */
  summary: string;
  /** An `expect:` value in YAML flow style for docs/graders.md, e.g. `{ number: 42, tolerance: 0.5 }`. */
  example: string;
  /** Grades `answer` against `expectation`; pure (a judge's decision comes in through the context). */
  grade: (answer: string, expectation: ExpectationOf<K>, context: GradeContext) => Grade;
  /** Answers that may pass `expectation`, most likely first. */
  passingCandidates: (expectation: ExpectationOf<K>, context: ExemplarContext) => string[];
  /** Answers that may fail `expectation`, varying with `seed`; generic wrong answers are tried after these. */
  failingCandidates: (expectation: ExpectationOf<K>, seed: number, context: ExemplarContext) => string[];
}
