import type { ExpectationOf } from '../suite/types.js';
import { preview } from './text.js';
import { defined } from './candidates.js';
import { exampleMatching } from './regexExample.js';
import type { Grader, GradeResult } from './types.js';

/** `expect: { regex, flags? }`. */
export type RegexExpectation = ExpectationOf<'regex'>;

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

/** The `regex` grader's registry entry; its passing answer is the pattern's simplest match (regexExample.ts). */
export const regexGrader: Grader<'regex'> = {
  key: 'regex',
  summary: 'Passes when the JavaScript regular expression matches somewhere in the answer (`flags` as in RegExp, e.g. `i`); score 1 or 0.',
  example: "{ regex: '^\\d{3}-\\d{4}$' }",
  grade: gradeRegex,
  passingCandidates: (expectation) => defined([exampleMatching(expectation.regex, expectation.flags)]),
  failingCandidates: () => [],
};
