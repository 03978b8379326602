import { countValues, formatCounts } from '../../format/index.js';
import { judged, notApplicable, type RelayEvidence, type VerdictResult } from '../types.js';

/**
 * Errors in Google's shape: when the relay answers with an error body, is it Google's
 * `{"error": {code, message, status}}`? A client written against Google's API (retry on 429 with
 * RetryInfo, surface the message) breaks on an HTML page or another vendor's JSON, so one such
 * body fails the relay. Errors without a body (timeouts, dropped connections) say nothing about
 * shape and are left out; an error status with an empty body counts (`empty`), since a Google
 * client gets no message from it. The evidence counts bodies by shape name (`ErrorShape`:
 * `google`, `google-wrapped`, `openai`, `html`, …). Attempts that failed and were retried count too: a relay whose 502
 * pages are hidden by a successful retry still sends 502 pages.
 */
export function errorsInGoogleShapeVerdict({ rows, detailOf }: RelayEvidence): VerdictResult {
  const attemptShapes = rows.flatMap((row) => {
    const detail = detailOf(row);
    return detail?.attempt_error_shapes ?? (row.status === 'error' && detail?.error_shape !== undefined ? [detail.error_shape] : []);
  });
  if (attemptShapes.length === 0) return notApplicable('no errors seen');
  const shapes = attemptShapes.filter((shape) => shape !== 'none');
  if (shapes.length === 0) return notApplicable(`${attemptShapes.length} failed attempts, none with a body (timeouts or dropped connections)`);
  const foreign = shapes.filter((shape) => shape !== 'google').length;
  return judged(foreign > 0, `${foreign} of ${shapes.length} error bodies were not Google's JSON: ${formatCounts(countValues(shapes))}`);
}
