import { childExpectations } from '../../suite/expectationSchema.js';
import type { Expectation, JudgeRubric } from '../../suite/types.js';
import type { Grade, Grader, JudgeExpectation, JudgeVerdicts } from '../types.js';
import { answerMissingAFact, answerWithFacts } from './facts.js';

/** The rubric of a judge expectation, in its mapping form (a bare string is the rubric alone). */
export function rubricOf(node: JudgeExpectation): JudgeRubric {
  return typeof node.judge === 'string' ? { rubric: node.judge } : node.judge;
}

/** Every `judge` expectation in an expectation tree, depth first (inside `all` / `any` and any other combinator too). */
export function judgeNodesOf(expectation: Expectation | undefined): JudgeExpectation[] {
  if (expectation === undefined) return [];
  if ('judge' in expectation) return [expectation];
  return childExpectations(expectation).flatMap(judgeNodesOf);
}

/**
 * The `judge` grader: the decision `verdicts` holds for this rubric and answer, labelled as the
 * judge's. Without one the expectation is undecided (empty pass), never a silent fail.
 */
export function gradeJudge(answer: string, node: JudgeExpectation, verdicts: JudgeVerdicts): Grade {
  const decision = verdicts(node, answer);
  if (decision === undefined) return { pass: undefined, score: undefined, reason: 'judge: no verdict' };
  return decision;
}

/**
 * The `judge` grader's registry entry. Its candidates serve the emulator's facts judge: an answer
 * naming every fact of the rubric passes, one leaving a fact out fails; without facts, none.
 */
export const judgeGrader: Grader<'judge'> = {
  key: 'judge',
  summary:
    "A model grades the answer against the rubric (the suite's `judge:` block names it); `threshold` turns its score into pass/fail instead of its own verdict. An undecided judge leaves pass and score empty.",
  example: '{ judge: { rubric: "Explains SYN, SYN-ACK and ACK", threshold: 0.7 } }',
  grade: (answer, expectation, context) => gradeJudge(answer, expectation, context.verdicts),
  passingCandidates: (expectation) => {
    const facts = rubricOf(expectation).facts;
    return facts === undefined ? [] : [answerWithFacts(facts)];
  },
  failingCandidates: (expectation, seed) => {
    const facts = rubricOf(expectation).facts;
    return facts === undefined ? [] : [answerMissingAFact(facts, seed)];
  },
};
