/**
 * What a finished job leaves besides its measurements: its requests.csv row with every string cell
 * redacted, and its details.jsonl record. Shared by the closed-loop runner and load mode.
 */
import type { Redactor } from '../client/redact.js';
import type { Job } from '../plan/types.js';
import { REQUEST_COLUMNS, type RequestRow } from '../runfolder/columns.js';
import type { JobDetail } from '../runfolder/details.js';
import type { JobOutcome } from './execute.js';

/** Relays echo keys back (in answers too): every string cell passes through the redactor. */
export function redactRow(row: RequestRow, redact: Redactor): RequestRow {
  const clean = { ...row };
  for (const column of REQUEST_COLUMNS) {
    const value = clean[column];
    if (typeof value === 'string') clean[column] = redact(value);
  }
  return clean;
}

/** The details.jsonl record of a finished job (load mode writes the same). */
export function detailOf(job: Job, outcome: JobOutcome, redact: Redactor): JobDetail {
  return {
    job_id: job.jobId,
    relay: job.relay,
    error_shape: outcome.failure?.shape,
    ...(outcome.attemptErrorShapes.length === 0 ? {} : { attempt_error_shapes: outcome.attemptErrorShapes }),
    timeout: outcome.failure?.timeout,
    mid_stream: outcome.failure?.midStream,
    retry_wait_ms: Math.round(outcome.retryWaitMs),
    usage_present: outcome.metrics.usagePresent,
    thought_text: outcome.metrics.thoughtText === '' ? undefined : redact(outcome.metrics.thoughtText),
    t0_epoch_ms: Math.round(outcome.t0EpochMs * 1000) / 1000,
    ...(outcome.metrics.otherCandidates.length === 0
      ? {}
      : {
          other_candidates: outcome.metrics.otherCandidates.map((other) => ({
            index: other.index,
            chunks: other.chunks,
            answer_chars: other.answerChars,
            finish_reason: other.finishReason,
          })),
        }),
    ...honestyDetail(outcome),
  };
}

/** The honesty signals as details.jsonl fields; nothing for a job that never got a response. */
function honestyDetail(outcome: JobOutcome): Partial<JobDetail> {
  const signals = outcome.honesty;
  if (signals === undefined) return {};
  return {
    text_chunks: signals.textChunks,
    piece_chars_median: signals.pieceCharsMedian,
    piece_gap_ms_median: signals.pieceGapMsMedian === undefined ? undefined : Math.round(signals.pieceGapMsMedian * 10) / 10,
    usage_static: signals.usageStatic,
    restarts: signals.restarts,
    framing_faults: signals.framingFaults,
  };
}
