import { numberCell } from '../../runfolder/cells.js';
import { msAdaptive, percentAdaptive } from '../../format/index.js';
import { medianOf, okRows } from '../rowValues.js';
import { judged, notApplicable, type RelayEvidence, type VerdictResult } from '../types.js';

/**
 * Only a response of at least three chunks has gaps worth judging: with one or two, an honest
 * short answer looks exactly like a burst.
 */
const MIN_CHUNKS = 3;
/**
 * Google streams about 25 tokens per chunk at model speed (a few hundred tokens/s), so chunks of
 * an honest stream are tens to hundreds of milliseconds apart; a buffered answer flushed at once
 * crosses the network back to back, well under this.
 */
const BURST_MAX_GAP_MS = 20;
/**
 * A burst also arrives at the very end: (total − ttft) is a sliver of the total. The gap alone
 * is not enough: an honest stream of a few small chunks after long hidden thinking has a small
 * share too, but its chunks are still spread out.
 */
const BURST_MAX_SPREAD_SHARE = 0.05;

/**
 * Streams: does content really arrive over time? A fake streamer generates the whole answer, then
 * sends every chunk in one burst: its time to first token is close to its total and its gaps
 * collapse. It fails when more than half of its multi-chunk responses are bursts, so a few
 * responses that happened to arrive together (a proxy flushing late) do not condemn a relay.
 */
export function streamsVerdict({ rows }: RelayEvidence): VerdictResult {
  const judgedRows = okRows(rows).filter((row) => (numberCell(row.chunks) ?? 0) >= MIN_CHUNKS);
  const measured = judgedRows.flatMap((row) => {
    const ttftMs = numberCell(row.ttft_ms);
    const totalMs = numberCell(row.total_ms);
    if (ttftMs === undefined || totalMs === undefined || totalMs <= 0) return [];
    return [{ spreadShare: (totalMs - ttftMs) / totalMs, maxGapMs: numberCell(row.max_gap_ms) ?? 0 }];
  });
  if (measured.length === 0) return notApplicable(`no successful response came in ${MIN_CHUNKS} or more chunks, so there is no spread to judge`);
  const bursts = measured.filter((row) => row.maxGapMs < BURST_MAX_GAP_MS && row.spreadShare < BURST_MAX_SPREAD_SHARE).length;
  const spread = percentAdaptive(medianOf(measured.map((row) => row.spreadShare)));
  const gap = msAdaptive(medianOf(measured.map((row) => row.maxGapMs)));
  return judged(
    bursts * 2 > measured.length,
    `${bursts} of ${measured.length} multi-chunk responses arrived in one burst (longest gap < ${BURST_MAX_GAP_MS} ms, (total − ttft)/total < ${percentAdaptive(BURST_MAX_SPREAD_SHARE)}); medians: (total − ttft)/total ${spread}, longest gap ${gap}`,
  );
}
