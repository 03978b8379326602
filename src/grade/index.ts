/** The grading stage: pure functions from an answer and a case's expectation to a GradeResult. */
export { grade } from './grade.js';
export { exemplarAnswer, wrongAnswer } from './exemplar.js';
export type { GradeResult } from './types.js';
