import type { ExpectationOf } from '../suite/types.js';
import { extractFinalNumber } from './extractNumber.js';
import { preview } from './text.js';
import { createRandom } from '../stats/random.js';
import type { Grader, GradeResult } from './types.js';

/** `expect: { number, tolerance? }`. */
export type NumberExpectation = ExpectationOf<'number'>;

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

/** Numbers off by a seeded multiple of a step larger than the tolerance, on either side. */
function wrongNumbers(expected: number, tolerance: number, seed: number): string[] {
  const random = createRandom(seed);
  const offset = (Math.floor(tolerance) + 1) * (1 + Math.floor(random() * 9));
  const sign = random() < 0.5 ? -1 : 1;
  return [String(expected + sign * offset), String(expected - sign * offset)];
}

/** The `number` grader's registry entry; a wrong answer is off by more than the tolerance. */
export const numberGrader: Grader<'number'> = {
  key: 'number',
  summary:
    'Passes when the final number in the answer (`\\boxed{}` first, else the last one; `499,500`, `-$1,716.96`, `**42**`) is within the absolute `tolerance` of the value, exactly equal without one; score 1 or 0.',
  example: '{ number: 499500, tolerance: 0.5 }',
  grade: gradeNumber,
  passingCandidates: (expectation) => [String(expectation.number)],
  failingCandidates: (expectation, seed) => wrongNumbers(expectation.number, expectation.tolerance ?? 0, seed),
};
