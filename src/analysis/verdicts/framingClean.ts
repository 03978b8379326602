import { countValues, formatCounts } from '../../format/index.js';
import { judged, notApplicable, type RelayEvidence, type VerdictResult } from '../types.js';
import { exampleJobs } from './baseline.js';

/**
 * Framing clean: only Gemini's JSON events in the framing asked for? OpenAI-compatible relay code
 * appends `data: [DONE]`, sends HTTP 102 keep-alives, or answers SSE when the JSON array was
 * asked for (no `alt=sse`). Google's SDKs break on each (a JSON parse of `[DONE]`, a client that
 * reads the first status line as final), so one such response fails the relay. Every response
 * with a body is judged, failed ones too: the framing is the relay's whatever the outcome.
 */
export function framingCleanVerdict({ rows, detailOf }: RelayEvidence): VerdictResult {
  const seen = rows.flatMap((row) => {
    const faults = detailOf(row)?.framing_faults;
    return faults === undefined ? [] : [{ row, faults }];
  });
  if (seen.length === 0) return notApplicable('no response with framing signals in details.jsonl');
  const drifted = seen.filter((entry) => entry.faults.length > 0);
  if (drifted.length === 0) return judged(false, `all ${seen.length} responses were Gemini JSON events in the framing asked for`);
  const faults = formatCounts(countValues(drifted.flatMap((entry) => entry.faults)));
  return judged(true, `${drifted.length} of ${seen.length} responses were not clean Gemini framing: ${faults}${exampleJobs(drifted.map((entry) => entry.row))}`);
}
