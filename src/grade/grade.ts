import type { Expectation } from '../suite/types.js';
import { graderFor } from './registry.js';
import type { Grade, GradeContext, JudgeVerdicts } from './types.js';

/** No judge decisions at all: every `judge` expectation stays undecided. */
const NO_VERDICTS: JudgeVerdicts = () => undefined;

/**
 * Grades an answer against a case's expectation, with the grader registry.ts lists under the
 * expectation's key. A case without `expect:` has nothing to grade
 * and yields undefined, which becomes empty `pass`/`score` cells rather than a fake pass.
 * `judge` expectations take their decision from `verdicts` (run/ asks the judge model first, see
 * run/judging.ts); without one they are undecided, and so may be an `all`/`any` around them.
 * Throws an Error for an expectation with no grader key (one that skipped suite validation).
 */
export function grade(answer: string, expectation: Expectation | undefined, verdicts: JudgeVerdicts = NO_VERDICTS): Grade | undefined {
  if (expectation === undefined) return undefined;
  const context: GradeContext = {
    verdicts,
    gradeChild: (text, node) => graderFor(node).grade(text, node, context),
  };
  return context.gradeChild(answer, expectation);
}
