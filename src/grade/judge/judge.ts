import type { Expectation } from '../../suite/types.js';
import type { Grade, JudgeExpectation, JudgeVerdicts } from '../types.js';

/** The rubric of a judge expectation, in its mapping form (a bare string is the rubric alone). */
export function rubricOf(node: JudgeExpectation): { rubric: string; threshold?: number; facts?: string[] } {
  return typeof node.judge === 'string' ? { rubric: node.judge } : node.judge;
}

/** Every `judge` expectation in an expectation tree, depth first (inside `all` / `any` too). */
export function judgeNodesOf(expectation: Expectation | undefined): JudgeExpectation[] {
  if (expectation === undefined) return [];
  if ('judge' in expectation) return [expectation];
  if ('all' in expectation) return expectation.all.flatMap(judgeNodesOf);
  if ('any' in expectation) return expectation.any.flatMap(judgeNodesOf);
  return [];
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
