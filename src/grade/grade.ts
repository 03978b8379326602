import type { Expectation } from '../suite/types.js';
import { gradeAll } from './all.js';
import { gradeAny } from './any.js';
import { gradeContainsAll } from './contains-all.js';
import { gradeContainsAny } from './contains-any.js';
import { gradeContains } from './contains.js';
import { gradeEquals } from './equals.js';
import { gradeJson } from './json.js';
import { gradeNotContains } from './not-contains.js';
import { gradeNumber } from './number.js';
import { gradeOneOf } from './one-of.js';
import { gradeRegex } from './regex.js';
import type { GradeResult } from './types.js';

/**
 * Grades an answer against a case's expectation. A case without `expect:` has nothing to grade
 * and yields undefined, which becomes empty `pass`/`score` cells rather than a fake pass.
 */
export function grade(answer: string, expectation: Expectation | undefined): GradeResult | undefined {
  return expectation === undefined ? undefined : gradeExpectation(answer, expectation);
}

function gradeExpectation(answer: string, expectation: Expectation): GradeResult {
  if ('equals' in expectation) return gradeEquals(answer, expectation);
  if ('contains' in expectation) return gradeContains(answer, expectation);
  if ('containsAll' in expectation) return gradeContainsAll(answer, expectation);
  if ('containsAny' in expectation) return gradeContainsAny(answer, expectation);
  if ('notContains' in expectation) return gradeNotContains(answer, expectation);
  if ('regex' in expectation) return gradeRegex(answer, expectation);
  if ('number' in expectation) return gradeNumber(answer, expectation);
  if ('oneOf' in expectation) return gradeOneOf(answer, expectation);
  if ('json' in expectation) return gradeJson(answer, expectation);
  if ('all' in expectation) return gradeAll(answer, expectation, gradeExpectation);
  return gradeAny(answer, expectation, gradeExpectation);
}
