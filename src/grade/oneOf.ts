import type { Expectation } from '../suite/types.js';
import { extractChoice } from './extractChoice.js';
import { preview, quoteList } from './text.js';
import type { GradeResult } from './types.js';

export type OneOfExpectation = Extract<Expectation, { oneOf: string[] }>;

/**
 * Passes when the choice the answer settled on (see extractChoice.ts) is one of the accepted
 * options, case-insensitively. List every acceptable spelling ("Paris", "Paris, France").
 */
export function gradeOneOf(answer: string, expectation: OneOfExpectation): GradeResult {
  const expected = `expected one of ${quoteList(expectation.oneOf)}`;
  const choice = extractChoice(answer, expectation.oneOf);
  if (choice === undefined) {
    return { pass: false, score: 0, reason: `${expected}, no choice found in answer: ${preview(answer)}` };
  }
  const pass = choice.option !== undefined;
  return { pass, score: pass ? 1 : 0, reason: `${expected}, got ${preview(choice.said)} (${choice.via})` };
}
