import type { ExpectationOf } from '../suite/types.js';
import { caseFolder, preview, quoteList } from './text.js';
import { rotate } from './candidates.js';
import type { Grader, GradeResult } from './types.js';

/** `expect: { containsAll: [...], ignoreCase? }`. */
export type ContainsAllExpectation = ExpectationOf<'containsAll'>;

/** Partial credit: the score is the fraction of required strings present, so near-misses rank above misses. */
export function gradeContainsAll(answer: string, expectation: ContainsAllExpectation): GradeResult {
  const fold = caseFolder(expectation.ignoreCase);
  const haystack = fold(answer);
  const required = expectation.containsAll;
  const missing = required.filter((needle) => !haystack.includes(fold(needle)));
  const pass = missing.length === 0;
  const score = required.length === 0 ? 1 : (required.length - missing.length) / required.length;
  const verdict = pass ? `all ${required.length} found in` : `missing ${quoteList(missing)} in`;
  return { pass, score, reason: `expected to contain all of ${quoteList(required)}: ${verdict} ${preview(answer)}` };
}

/** The `containsAll` grader's registry entry; a wrong answer drops one of the required strings. */
export const containsAllGrader: Grader<'containsAll'> = {
  key: 'containsAll',
  summary: 'Passes when the answer contains every string of the list; the score is the fraction found, so near-misses rank above misses.',
  example: '{ containsAll: [red, green, blue] }',
  grade: gradeContainsAll,
  passingCandidates: (expectation) => [expectation.containsAll.join(' ')],
  failingCandidates: (expectation, seed) => {
    const required = expectation.containsAll;
    return rotate(
      required.map((_, dropped) => required.filter((__, index) => index !== dropped).join(' ')),
      seed,
    );
  },
};
