import { countValues, formatCounts } from '../../format/index.js';
import { okRows } from '../rowValues.js';
import { judged, notApplicable, type RelayEvidence, type VerdictResult } from '../types.js';
import { exampleJobs } from './baseline.js';

/**
 * Single attempt: does each response carry one answer, or does the answer start again inside it?
 * A relay that hides an upstream failure by retrying on another key streams the new attempt after
 * the old one's first pieces: the client sees a second `responseId`, cumulative usage counts that
 * fall back, thought parts after the answer began (src/metrics/honestySignals.ts). Google never does any of
 * these within one response, so one such response fails the relay: the client was billed and
 * shown two answers as one.
 */
export function singleAttemptVerdict({ rows, detailOf }: RelayEvidence): VerdictResult {
  const seen = okRows(rows).flatMap((row) => {
    const restarts = detailOf(row)?.restarts;
    return restarts === undefined ? [] : [{ row, restarts }];
  });
  if (seen.length === 0) return notApplicable('no successful response with restart signals in details.jsonl');
  const restarted = seen.filter((entry) => entry.restarts.length > 0);
  if (restarted.length === 0) return judged(false, `all ${seen.length} responses carried one attempt (one responseId, usage only growing, answer never restarted)`);
  const reasons = formatCounts(countValues(restarted.flatMap((entry) => entry.restarts)));
  return judged(true, `${restarted.length} of ${seen.length} responses started over inside the stream (${reasons})${exampleJobs(restarted.map((entry) => entry.row))}`);
}
