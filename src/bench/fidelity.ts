import { max, min } from '../stats/descriptive.js';
import { quantiles } from '../stats/percentile.js';

/**
 * Measurement error of the harness: its absolute time of an event minus the emulator's logged
 * send time of the same event, per request. Pure: the bench reads the files, this joins them.
 */

/** What the harness recorded for one job (requests.csv joined with details.jsonl). */
export interface HarnessTiming {
  jobId: string;
  /** The final attempt's number: with the job id it names the emulator's sample. */
  attempts: number;
  /** Epoch ms of the final attempt's t0. */
  t0EpochMs: number;
  ttftMs: number | undefined;
  totalMs: number | undefined;
  /** Decoded chunks of the final attempt. */
  chunks: number | undefined;
  ok: boolean;
}

/** The emulator's ground-truth line for one request (the fields the join needs). */
export interface TruthTiming {
  /** `<job_id>/<attempt>`, the `x-relaybench-sample` header the harness sent. */
  sample: string | null;
  chunkEpochUs: readonly number[];
  endEpochUs: number;
}

/**
 * Harness-minus-truth errors in ms, one per matched request (positive: the harness saw the event
 * after the emulator sent it), plus the rows left out and why.
 */
export interface TimingErrors {
  ttftErrMs: number[];
  totalErrMs: number[];
  /** Harness rows with no ground-truth line for their sample. */
  unmatched: number;
  /** Rows whose decoded chunk count differs from the chunks the emulator sent: left out. */
  chunkMismatches: number;
}

/**
 * Joins harness rows with ground truth by sample. The first-token truth is the send time of
 * chunk `firstTextChunk` (the caller picks a suite in which that chunk always carries text);
 * the total truth is the end of the response. Rows that failed count only for TTFT.
 */
export function joinWithTruth(harness: Iterable<HarnessTiming>, truth: Iterable<TruthTiming>, firstTextChunk = 0): TimingErrors {
  const bySample = new Map<string, TruthTiming>();
  for (const record of truth) if (record.sample !== null) bySample.set(record.sample, record);
  const errors: TimingErrors = { ttftErrMs: [], totalErrMs: [], unmatched: 0, chunkMismatches: 0 };
  for (const row of harness) {
    const record = bySample.get(`${row.jobId}/${row.attempts}`);
    if (record === undefined) {
      errors.unmatched += 1;
      continue;
    }
    if (row.chunks !== undefined && row.chunks !== record.chunkEpochUs.length) {
      errors.chunkMismatches += 1;
      continue;
    }
    const firstTextUs = record.chunkEpochUs[firstTextChunk];
    if (row.ttftMs !== undefined && firstTextUs !== undefined) errors.ttftErrMs.push(row.t0EpochMs + row.ttftMs - firstTextUs / 1000);
    if (row.ok && row.totalMs !== undefined) errors.totalErrMs.push(row.t0EpochMs + row.totalMs - record.endEpochUs / 1000);
  }
  return errors;
}

/** Summary of timing errors, ms: count, p50, p99, min and max. */
export interface ErrorStats {
  count: number;
  p50Ms: number;
  p99Ms: number;
  /** The most negative error: below zero means the harness saw an event before it was sent (clock offset). */
  minMs: number;
  maxMs: number;
}

/** p50, p99 (numpy's linear method, as everywhere in relaybench), min and max; undefined when empty. */
export function errorStats(errorsMs: readonly number[]): ErrorStats | undefined {
  const [p50Ms, p99Ms] = quantiles(errorsMs, [50, 99]) ?? [];
  const minMs = min(errorsMs);
  const maxMs = max(errorsMs);
  if (p50Ms === undefined || p99Ms === undefined || minMs === undefined || maxMs === undefined) return undefined;
  return { count: errorsMs.length, p50Ms, p99Ms, minMs, maxMs };
}
