import type { Grade } from '../grade/types.js';
import type { StreamMetrics } from '../metrics/types.js';
import type { Job } from '../plan/types.js';
import type { RequestFailure } from '../client/types.js';
import { roundUsd } from '../cost/costUsd.js';
import { METRIC_COLUMNS, type ColumnKind, type MetricColumnSpec, type RequestRow } from '../runfolder/columns.js';

/**
 * Everything one requests.csv row is made of (docs/run-folder.md#requestscsv): run id, suite name,
 * the job, its start time (ISO 8601 UTC), the stream metrics (ms, tokens, chunks), the failure if
 * any, the HTTP status, attempts made, a retry note, the grade, the cost in USD
 * (docs/metrics.md#cost_usd) and the connection set-up time in ms.
 */
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

/** Milliseconds keep 0.001 ms in the file: more digits would be noise, fewer would hide sub-ms effects. */
function ms(value: number | undefined): number | undefined {
  return value === undefined ? undefined : Math.round(value * 1000) / 1000;
}

/** The cell a measured column holds: ms and rates rounded, empty text left empty. */
function metricCell(kind: ColumnKind, value: unknown): string | number | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'number') {
    if (kind === 'ms') return ms(value);
    if (kind === 'rate') return Math.round(value * 10) / 10;
    return value;
  }
  return typeof value === 'string' ? value : undefined;
}

/** Every measured column names a `StreamMetrics` field: a typo or a renamed field fails to compile here. */
type MetricField = MetricColumnSpec['metric'];
const CHECKED_METRIC_FIELDS: readonly (keyof StreamMetrics)[] = METRIC_COLUMNS.map((spec) => spec.metric satisfies MetricField & keyof StreamMetrics);

/** The measured cells of a row, one per `METRIC_COLUMNS` entry (runfolder/columns.ts). */
function metricCells(metrics: StreamMetrics): Pick<RequestRow, MetricColumnSpec['name']> {
  const cells: Partial<Record<string, string | number | undefined>> = {};
  for (let index = 0; index < METRIC_COLUMNS.length; index++) {
    const spec = METRIC_COLUMNS[index] as MetricColumnSpec;
    cells[spec.name] = metricCell(spec.kind, metrics[CHECKED_METRIC_FIELDS[index] as keyof StreamMetrics]);
  }
  return cells as Pick<RequestRow, MetricColumnSpec['name']>;
}

/** Joins a job, its measurements and its grade into one `requests.csv` row. Pure. */
export function toRequestRow(input: RowInput): RequestRow {
  const { job, metrics, failure } = input;
  const ok = failure === undefined;
  const message = failure === undefined ? undefined : [failure.message, input.retryNote].filter(Boolean).join(' — ');
  return {
    ...metricCells(metrics),
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
    cost_usd: ok && input.costUsd !== undefined ? roundUsd(input.costUsd) : undefined,
    pass: ok && input.grade !== undefined ? input.grade.pass : undefined,
    score: ok && input.grade?.score !== undefined ? Math.round(input.grade.score * 1000) / 1000 : undefined,
    grader_reason: ok ? input.grade?.reason : undefined,
  };
}
