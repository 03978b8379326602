import type { ExpectationOf } from '../suite/types.js';
import { extractChoice, isLetterChoice, normalizeChoice } from './extractChoice.js';
import { rotate } from './candidates.js';
import { preview, quoteList } from './text.js';
import type { Grader, GradeResult } from './types.js';

/** `expect: { oneOf: [...] }`. */
export type OneOfExpectation = ExpectationOf<'oneOf'>;

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

/** Letters A–E plus any beyond them in use, minus the accepted ones: plausible wrong picks. */
function otherLetters(options: readonly string[]): string[] {
  const accepted = new Set(options.map((option) => normalizeChoice(option).toUpperCase()));
  const highest = Math.max(...[...accepted].map((letter) => letter.charCodeAt(0)), 'E'.charCodeAt(0));
  const letters = Array.from({ length: highest - 'A'.charCodeAt(0) + 2 }, (_, index) => String.fromCharCode(65 + index));
  return letters.filter((letter) => letter <= 'Z' && !accepted.has(letter));
}

/** The `oneOf` grader's registry entry; for letter choices a wrong answer picks another letter. */
export const oneOfGrader: Grader<'oneOf'> = {
  key: 'oneOf',
  summary: 'Passes when the choice the answer settles on (`B`, `(B)`, `The answer is B.`, `Paris.`) is one of the options, case-insensitively; score 1 or 0.',
  example: '{ oneOf: [B] }',
  grade: gradeOneOf,
  passingCandidates: (expectation) => expectation.oneOf.slice(0, 1),
  failingCandidates: (expectation, seed) => (isLetterChoice(expectation.oneOf) ? rotate(otherLetters(expectation.oneOf), seed) : []),
};
