import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { redactChunks } from '../client/rawCapture.js';
import type { Redactor } from '../client/redact.js';
import { thinkingKey } from '../plan/thinking.js';
import type { Job } from '../plan/types.js';
import type { CapturePolicy } from '../suite/types.js';
import type { JobOutcome, RawResponse } from './execute.js';
import { RUN_FILES } from '../runfolder/names.js';

/** Where and what to capture; the runner calls `record` once per finished job. */
export interface CaptureSink {
  policy: CapturePolicy;
  /** Writes the job's capture if the policy keeps it; returns the file's path relative to the run folder, or undefined. */
  record(job: Job, outcome: JobOutcome, raw: RawResponse | undefined): string | undefined;
  /** Files written so far. */
  readonly written: number;
}

/** The capture policies (README.md#around-a-run); `failed` is the default. */
export const CAPTURE_POLICIES: readonly CapturePolicy[] = ['none', 'failed', 'all'];

/**
 * Capture files under `<run>/captures/<job_id>.jsonl`. Line 1: the job, the redacted URL, status,
 * content type, epoch t0 and the row's error; then one line per transport chunk
 * (`{"at_ms","bytes","text"}`, see {@link redactChunks}). `failed` keeps every error row and, as a
 * sample of each relay's stream, its first good row per thinking setting; `all` keeps every row.
 */
export function createCaptureSink(outDir: string, policy: CapturePolicy, redact: Redactor): CaptureSink {
  const sampled = new Set<string>();
  let written = 0;
  let folderMade = false;
  return {
    policy,
    get written() {
      return written;
    },
    record(job, outcome, raw) {
      if (policy === 'none' || raw === undefined || outcome.failure?.kind === 'skipped') return undefined;
      const sampleKey = `${job.relay}\u0000${thinkingKey(job.thinking)}`;
      const keep = policy === 'all' || outcome.failure !== undefined || !sampled.has(sampleKey);
      if (!keep) return undefined;
      if (outcome.failure === undefined) sampled.add(sampleKey);
      const folder = join(outDir, RUN_FILES.captures);
      if (!folderMade) {
        mkdirSync(folder, { recursive: true });
        folderMade = true;
      }
      const header = {
        format: 'relaybench-capture/1',
        job_id: job.jobId,
        relay: job.relay,
        case_id: job.caseId,
        model: job.model,
        thinking: thinkingKey(job.thinking),
        repeat: job.repeat,
        attempt: raw.attempt,
        url: redact(raw.url),
        http_status: outcome.httpStatus,
        content_type: raw.contentType,
        headers_at_ms: raw.headersAtMs === undefined ? undefined : Math.round((raw.headersAtMs - raw.t0Ms) * 1000) / 1000,
        t0_epoch_ms: Math.round((performance.timeOrigin + raw.t0Ms) * 1000) / 1000,
        status: outcome.failure === undefined ? 'ok' : 'error',
        error_kind: outcome.failure?.kind,
        error_message: outcome.failure === undefined ? undefined : redact(outcome.failure.message),
      };
      const lines = [header, ...redactChunks(raw.chunks, raw.t0Ms, redact)].map((line) => JSON.stringify(line));
      const file = `captures/${job.jobId}.jsonl`;
      writeFileSync(join(outDir, file), `${redact(lines.join('\n'))}\n`);
      written += 1;
      return file;
    },
  };
}
