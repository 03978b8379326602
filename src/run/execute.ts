import type { Dispatcher } from 'undici';
import type { RawChunk } from '../client/rawCapture.js';
import { sendAttempt } from '../client/attempt.js';
import type { Redactor } from '../client/redact.js';
import type { Clock, RequestFailure } from '../client/types.js';
import type { ErrorShape } from '../runfolder/details.js';
import { createMetricsFold, type MetricsFold } from '../metrics/fold.js';
import { createHonestySignals, type HonestySignals, type HonestySignalsFold } from '../metrics/honestySignals.js';
import type { StreamMetrics } from '../metrics/types.js';
import { buildHttpRequest } from '../plan/request.js';
import type { Job } from '../plan/types.js';
import type { ResolvedRelay } from '../suite/types.js';
import { decideRetry } from './retry.js';

/** The raw response of a job's final attempt, as `executeJob` collected it. */
export interface RawResponse {
  /** The request URL, still holding any `?key=`: redacted before it is written. */
  url: string;
  attempt: number;
  t0Ms: number;
  contentType: string | undefined;
  /** `performance.now()` ms when the status and headers arrived. */
  headersAtMs?: number;
  chunks: RawChunk[];
}

/**
 * What `executeJob` needs to send one job to one relay: the resolved relay, the undici Dispatcher
 * (connection pool, proxy), the injected monotonic `clock` (ms) and `random` (retry jitter, [0,1)),
 * the key redactor, the abort signal of Ctrl-C's second stage, an abortable `sleep(ms)` for retry
 * waits, the emulator's per-sample headers, and whether to keep the raw response for captures.
 * A request failure is returned as the outcome's `failure` (a row with its error_kind), never thrown.
 */
export interface ExecuteContext {
  relay: ResolvedRelay;
  dispatcher: Dispatcher;
  clock: Clock;
  random: () => number;
  redact: Redactor;
  /** Aborts in-flight requests (second stage of Ctrl-C). */
  signal: AbortSignal;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Extra headers for this relay's requests (the emulator's per-sample seed header). */
  sampleHeader: ((job: Job, attempt: number) => Record<string, string>) | undefined;
  /** Keep the final attempt's raw response (JobOutcome.raw), for captures. */
  captureRaw?: boolean;
}

/** What one job produced, over all its attempts; timings are the final attempt's only. */
export interface JobOutcome {
  metrics: StreamMetrics;
  failure: RequestFailure | undefined;
  httpStatus: number | undefined;
  attempts: number;
  retryWaitMs: number;
  /** Why the last failure was not retried (e.g. mid-stream), for the row's message. */
  retryNote: string | undefined;
  /** Epoch ms of the final attempt's t0, so absolute times can be compared with a server's log. */
  t0EpochMs: number;
  /** TCP (+TLS) set-up time of the final attempt's connection when it was opened for it; undefined when reused. */
  connectMs?: number;
  /** The final attempt's raw response, when `captureRaw` was asked for. */
  raw?: RawResponse;
  /** Shape of every failed attempt's error, retried ones included: the evidence for "errors in Google's shape". */
  attemptErrorShapes: ErrorShape[];
  /** The final attempt's honesty signals (pacing, usage, restarts, framing), for the verdicts. */
  honesty?: HonestySignals;
}

/** Runs one job: attempts, retries with backoff, and the metrics fold of the final attempt. */
export async function executeJob(job: Job, context: ExecuteContext): Promise<JobOutcome> {
  let attempts = 0;
  let retryWaitMs = 0;
  const attemptErrorShapes: ErrorShape[] = [];
  for (;;) {
    attempts += 1;
    const base = buildHttpRequest(context.relay, job);
    const extra = context.sampleHeader?.(job, attempts);
    const httpRequest = extra === undefined ? base : { ...base, headers: { ...base.headers, ...extra } };
    let fold: MetricsFold | undefined;
    const honesty: HonestySignalsFold = createHonestySignals(context.relay.stream);
    let connectMs: number | undefined;
    const raw: RawResponse | undefined = context.captureRaw === true ? { url: httpRequest.url, attempt: attempts, t0Ms: 0, contentType: undefined, chunks: [] } : undefined;
    const outcome = await sendAttempt(httpRequest, {
      framing: context.relay.stream,
      timeouts: context.relay.timeouts,
      maxBodyBytes: context.relay.maxBodyBytes,
      dispatcher: context.dispatcher,
      clock: context.clock,
      signal: context.signal,
      redact: context.redact,
      onStart: (t0Ms) => {
        fold = createMetricsFold(t0Ms);
        if (raw !== undefined) raw.t0Ms = t0Ms;
      },
      onEvent: (event) => {
        if (raw !== undefined && event.type === 'headers') {
          raw.contentType = event.contentType;
          raw.headersAtMs = event.atMs;
        }
        fold?.add(event);
        honesty.add(event);
      },
      ...(raw === undefined ? {} : { onRaw: (bytes: Uint8Array, atMs: number) => raw.chunks.push({ bytes, atMs }) }),
      onConnect: (ms) => {
        connectMs = ms;
      },
      onRawBytes: (bytes) => honesty.addBytes(bytes),
      onInfoStatus: (status) => honesty.addInfoStatus(status),
    });
    const metrics = (fold ?? createMetricsFold(outcome.t0Ms)).result();
    const t0EpochMs = performance.timeOrigin + outcome.t0Ms;
    const failure = outcome.failure ?? blockedFailure(metrics, outcome.httpStatus);
    if (failure !== undefined) attemptErrorShapes.push(failure.shape);
    const result = {
      metrics,
      failure,
      httpStatus: outcome.httpStatus,
      attempts,
      retryWaitMs,
      t0EpochMs,
      attemptErrorShapes,
      honesty: honesty.result(),
      ...(connectMs === undefined ? {} : { connectMs }),
      ...(raw === undefined ? {} : { raw }),
    };
    if (failure === undefined) return { ...result, retryNote: undefined };
    const decision = decideRetry(failure, attempts, context.relay.retry, context.random);
    if (!decision.retry || context.signal.aborted) {
      return { ...result, retryNote: attempts > 1 || failure.midStream ? decision.reason : undefined };
    }
    retryWaitMs += decision.delayMs;
    await context.sleep(decision.delayMs, context.signal);
    if (context.signal.aborted) return { ...result, retryNote: 'interrupted while waiting to retry' };
  }
}

/** A prompt the relay refused to answer (promptFeedback.blockReason) is an error row, not a wrong answer. */
function blockedFailure(metrics: StreamMetrics, httpStatus: number | undefined): RequestFailure | undefined {
  if (metrics.blockReason === undefined || metrics.answerText !== '') return undefined;
  return { kind: 'blocked', message: `prompt blocked: ${metrics.blockReason}`, httpStatus, shape: 'none', midStream: false };
}
