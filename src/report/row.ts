import type { Grade } from '../grade/types.js';
import type { StreamMetrics } from '../metrics/types.js';
import type { Job } from '../plan/types.js';
import type { RequestFailure } from '../client/types.js';
import { roundUsd } from '../cost/costUsd.js';
import type { RequestRow } from './columns.js';

export interface RowInput {
  runId: string;
  suite: string;
  job: Job;
  startedAtIso: string;
  metrics: StreamMetrics;
  failure: RequestFailure | undefined;
  httpStatus: number | undefined;
  attempts: number;
  /** Appended to the error message, e.g. why a mid-stream failure was not retried. */
  retryNote: string | undefined;
  /** Undefined: nothing to grade; an undecided grade (a failed judge) leaves pass and score empty. */
  grade: Grade | undefined;
  /** USD of this request (docs/metrics.md#cost_usd); undefined leaves `cost_usd` empty (no price, no usage, or a failure). */
  costUsd?: number | undefined;
  /** TCP (+TLS) set-up ms of a connection opened for this request; undefined when one was reused. */
  connectMs?: number | undefined;
}

/** Milliseconds keep 0.1 ms resolution; more digits would be noise, fewer would hide sub-ms effects. */
function ms(value: number | undefined): number | undefined {
  return value === undefined ? undefined : Math.round(value * 1000) / 1000;
}

function rate(value: number | undefined): number | undefined {
  return value === undefined ? undefined : Math.round(value * 10) / 10;
}

/** Joins a job, its measurements and its grade into one `requests.csv` row. Pure. */
export function toRequestRow(input: RowInput): RequestRow {
  const { job, metrics, failure } = input;
  const ok = failure === undefined;
  const message = failure === undefined ? undefined : [failure.message, input.retryNote].filter(Boolean).join(' — ');
  return {
    run_id: input.runId,
    job_id: job.jobId,
    suite: input.suite,
    case_id: job.caseId,
    relay: job.relay,
    model: job.model,
    thinking_budget: job.thinking.kind === 'budget' ? job.thinking.budget : undefined,
    thinking_level: job.thinking.kind === 'level' ? job.thinking.level : undefined,
    repeat: job.repeat,
    started_at: input.startedAtIso,
    load_rate: undefined,
    start_lag_ms: undefined,
    status: ok ? 'ok' : 'error',
    http_status: input.httpStatus,
    error_kind: failure?.kind,
    error_message: message,
    attempts: input.attempts,
    connect_ms: ms(input.connectMs),
    headers_ms: ms(metrics.headersMs),
    ttft_ms: ms(metrics.ttftMs),
    first_thought_ms: ms(metrics.firstThoughtMs),
    first_answer_ms: ms(metrics.firstAnswerMs),
    thinking_ms: ms(metrics.thinkingMs),
    total_ms: ms(metrics.totalMs),
    answer_stream_ms: ms(metrics.answerStreamMs),
    chunks: metrics.chunks,
    thought_chunks: metrics.thoughtChunks,
    answer_chunks: metrics.answerChunks,
    max_gap_ms: ms(metrics.maxGapMs),
    prompt_tokens: metrics.promptTokens,
    thought_tokens: metrics.thoughtTokens,
    answer_tokens: metrics.answerTokens,
    total_tokens: metrics.totalTokens,
    cached_tokens: metrics.cachedTokens,
    answer_tokens_per_s: rate(metrics.answerTokensPerS),
    cost_usd: ok && input.costUsd !== undefined ? roundUsd(input.costUsd) : undefined,
    finish_reason: metrics.finishReason,
    block_reason: metrics.blockReason,
    model_version: metrics.modelVersion,
    response_id: metrics.responseId,
    pass: ok && input.grade !== undefined ? input.grade.pass : undefined,
    score: ok && input.grade?.score !== undefined ? Math.round(input.grade.score * 1000) / 1000 : undefined,
    grader_reason: ok ? input.grade?.reason : undefined,
    answer: metrics.answerText === '' ? undefined : metrics.answerText,
  };
}
