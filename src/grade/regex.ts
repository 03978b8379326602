import type { Expectation } from '../suite/types.js';
import { preview } from './text.js';
import type { GradeResult } from './types.js';

export type RegexExpectation = Extract<Expectation, { regex: string }>;

/**
 * A fresh RegExp per call, so a `g` or `y` flag cannot leak `lastIndex` between answers. An invalid
 * pattern fails the answer with the engine's message rather than throwing mid-run (suite
 * validation is expected to have rejected it already).
 */
export function gradeRegex(answer: string, expectation: RegexExpectation): GradeResult {
  const shown = `/${expectation.regex}/${expectation.flags ?? ''}`;
  let pattern: RegExp;
  try {
    pattern = new RegExp(expectation.regex, expectation.flags);
  } catch (error) {
    return { pass: false, score: 0, reason: `invalid regex ${shown}: ${(error as Error).message}` };
  }
  const pass = pattern.test(answer);
  return { pass, score: pass ? 1 : 0, reason: `expected to match ${shown}: ${pass ? 'matched' : 'no match in'} ${preview(answer)}` };
}
