import type { Expectation } from '../suite/types.js';
import { extractFinalNumber } from './extractNumber.js';
import { preview } from './text.js';
import type { GradeResult } from './types.js';

export type NumberExpectation = Extract<Expectation, { number: number }>;

const SOURCE_NOTE = { boxed: 'in \\boxed{}', last: 'last number in answer' } as const;

/**
 * Compares the answer's final number (see extractNumber.ts for the formats) with the expected
 * value. `tolerance` is absolute: |got − expected| ≤ tolerance; without it the match is exact.
 */
export function gradeNumber(answer: string, expectation: NumberExpectation): GradeResult {
  const tolerance = expectation.tolerance ?? 0;
  const expected = tolerance > 0 ? `${expectation.number} ± ${tolerance}` : `${expectation.number}`;
  const found = extractFinalNumber(answer);
  if (found === undefined) {
    return { pass: false, score: 0, reason: `expected ${expected}, no number in answer: ${preview(answer)}` };
  }
  const pass = Math.abs(found.value - expectation.number) <= tolerance;
  return { pass, score: pass ? 1 : 0, reason: `expected ${expected}, got ${found.value} (${SOURCE_NOTE[found.source]})` };
}
