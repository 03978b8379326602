import { textTable } from '../plan/textTable.js';
import type { RelayCheck } from './probe.js';
import { diagnoseCheck } from './diagnosis.js';
import { isSameModel } from '../analysis/verdicts/modelName.js';

/**
 * `relaybench check`'s console output: one line per relay (reachable, HTTP status, key accepted,
 * model answered, streamed, time to first token in ms), then one diagnosis line per relay that
 * failed or warned (another model than the one asked for included), then the count. Every string is redacted by the caller's redactor.
 */
export function formatCheckTable(checks: readonly RelayCheck[], redact: (text: string) => string): { text: string; failed: number } {
  // A judge that answers, but not with a verdict, fails every vote of a run: it fails here too.
  const verdicts = checks.map((check) => {
    const verdict = diagnoseCheck(check);
    return {
      check,
      verdict:
        check.judgeProblem === undefined
          ? verdict
          : { ...verdict, answered: false, diagnosis: [verdict.diagnosis, `the judge ${check.judgeProblem}`].filter((text) => text !== undefined).join('; ') },
    };
  });
  const header = ['relay', 'reachable', 'http', 'key accepted', 'model answered', 'streamed', 'ttft ms', 'result'];
  const rows = verdicts.map(({ check, verdict }) => [
    check.relay,
    verdict.reachable,
    check.httpStatus === undefined ? '-' : String(check.httpStatus),
    verdict.keyAccepted,
    check.metrics.modelVersion ?? (check.metrics.chunks > 0 ? 'yes (no modelVersion)' : 'no'),
    verdict.streamed,
    check.metrics.ttftMs === undefined ? '-' : String(Math.round(check.metrics.ttftMs)),
    verdict.answered ? 'OK' : 'FAIL',
  ]);
  const notes = verdicts.flatMap(({ check, verdict }) => {
    const served = check.metrics.modelVersion;
    // An answer from another model is still an answer, but the run's "model as asked" verdict will fail it.
    const swapped =
      verdict.answered && served !== undefined && !isSameModel(check.model, served)
        ? `answered as ${served}, not the ${check.model} asked for (the run's "model as asked" verdict would fail)`
        : undefined;
    const said = [verdict.diagnosis, swapped].filter((text) => text !== undefined).join('; ');
    return said === '' ? [] : [`  ${check.relay}: ${said}`];
  });
  const failed = verdicts.filter(({ verdict }) => !verdict.answered).length;
  const summary =
    failed === 0
      ? checks.length === 1
        ? 'The relay answered.'
        : `All ${checks.length} relays answered.`
      : `${failed} of ${checks.length} relay${checks.length === 1 ? '' : 's'} did not answer; fix ${failed === 1 ? 'it' : 'them'} before a run.`;
  const text = [textTable([header, ...rows]), ...(notes.length === 0 ? [] : ['', ...notes]), '', summary].join('\n');
  return { text: redact(text), failed };
}
