import type { Expectation } from '../suite/types.js';
import type { GradeResult } from './types.js';
import { gradeAll } from './all.js';
import { gradeAny } from './any.js';
import { gradeContainsAll } from './containsAll.js';
import { gradeContainsAny } from './containsAny.js';
import { gradeContains } from './contains.js';
import { gradeEquals } from './equals.js';
import { gradeJson } from './json.js';
import { gradeNotContains } from './notContains.js';
import { gradeNumber } from './number.js';
import { gradeOneOf } from './oneOf.js';
import { gradeRegex } from './regex.js';
import { gradeJudge } from './judge/judge.js';
import type { Grade, JudgeVerdicts } from './types.js';

/** No judge decisions at all: every `judge` expectation stays undecided. */
const NO_VERDICTS: JudgeVerdicts = () => undefined;

/**
 * Grades an answer against a case's expectation. A case without `expect:` has nothing to grade
 * and yields undefined, which becomes empty `pass`/`score` cells rather than a fake pass.
 * `judge` expectations take their decision from `verdicts` (run/ asks the judge model first, see
 * run/judging.ts); without one they are undecided, and so may be an `all`/`any` around them.
 */
export function grade(answer: string, expectation: Expectation | undefined, verdicts: JudgeVerdicts = NO_VERDICTS): Grade | undefined {
  if (expectation === undefined) return undefined;
  const gradeExpectation = (text: string, node: Expectation): Grade => {
    if ('judge' in node) return gradeJudge(text, node, verdicts);
    if ('all' in node) return gradeAll(text, node, gradeExpectation);
    if ('any' in node) return gradeAny(text, node, gradeExpectation);
    return gradePure(text, node);
  };
  return gradeExpectation(answer, expectation);
}

type PureExpectation = Exclude<Expectation, { judge: unknown } | { all: unknown } | { any: unknown }>;

function gradePure(answer: string, expectation: PureExpectation): GradeResult {
  if ('equals' in expectation) return gradeEquals(answer, expectation);
  if ('contains' in expectation) return gradeContains(answer, expectation);
  if ('containsAll' in expectation) return gradeContainsAll(answer, expectation);
  if ('containsAny' in expectation) return gradeContainsAny(answer, expectation);
  if ('notContains' in expectation) return gradeNotContains(answer, expectation);
  if ('regex' in expectation) return gradeRegex(answer, expectation);
  if ('number' in expectation) return gradeNumber(answer, expectation);
  if ('oneOf' in expectation) return gradeOneOf(answer, expectation);
  return gradeJson(answer, expectation);
}
