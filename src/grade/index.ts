/** The grading stage: pure functions from an answer and a case's expectation to a GradeResult. */
export { grade } from './grade.js';
export { exemplarAnswer, wrongAnswer } from './exemplar.js';
export { GRADERS, graderKeyOf } from './registry.js';
export { renderGraderDocs } from './graderDocs.js';
export type { GradeResult } from './types.js';
export type { ExemplarContext, Grade, GradeContext, Grader, JudgeExpectation, JudgeVerdicts, Ungraded } from './types.js';
export { judgeNodesOf, rubricOf } from './judge/judge.js';
export { parseJudgeVerdict, type JudgeVerdict } from './judge/verdict.js';
export { decideByVote, type JudgeCallResult, type VoteOutcome } from './judge/vote.js';
export { renderJudgePrompt, JUDGE_RESPONSE_SCHEMA, JUDGE_PLACEHOLDERS } from './judge/prompt.js';
export { factsVerdict } from './judge/facts.js';
