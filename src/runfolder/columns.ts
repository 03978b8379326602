/**
 * How a `requests.csv` cell is stored and read back:
 * - `id`: unique per row (job_id); `label`: few distinct values, shared between rows when read;
 * - `text`: free text, possibly long (answers, messages); `bool`: `true`/`false`;
 * - `number`: a number with few distinct values (a budget, a status, a repeat); `count`: an integer
 *   count (chunks, tokens);
 * - measures, with many distinct values, kept as 64-bit floats by the run table: `ms`
 *   (milliseconds; a measured one is written rounded to 0.001 ms), `rate` (per second; a measured
 *   one rounded to 0.1), `usd` (US dollars).
 */
export type ColumnKind = 'id' | 'label' | 'text' | 'bool' | 'number' | 'count' | 'ms' | 'rate' | 'usd';

/** The kinds the run table keeps as 64-bit floats: continuous measures, nearly every value distinct. */
export const MEASURE_KINDS: ReadonlySet<ColumnKind> = new Set<ColumnKind>(['ms', 'rate', 'usd']);

/** One `requests.csv` column: its name, kind, and for a measured column the `StreamMetrics` field it is written from. */
export interface ColumnSpec {
  readonly name: string;
  readonly kind: ColumnKind;
  /** The field of `metrics/types.ts` `StreamMetrics` this column copies (run/toRow.ts writes it); absent for columns the run fills itself. */
  readonly metric?: string;
}

/**
 * `requests.csv`'s columns, in the order the file has them (docs/run-folder.md). Adding a measured
 * column is one line here naming its `StreamMetrics` field, plus that field in the metric fold
 * (src/metrics/): the row writer, readers, run table and `relaybench report` follow from this list.
 * Never reorder: readers of older files match columns by name, but people's spreadsheets do not.
 */
export const REQUEST_COLUMN_SPECS = [
  { name: 'run_id', kind: 'label' }, // The run this row belongs to (one id per run; a resume keeps it).
  { name: 'job_id', kind: 'id' }, // Stable id of the planned job: the same suite plans the same ids.
  { name: 'suite', kind: 'label' }, // Suite name.
  { name: 'case_id', kind: 'label' }, // Case id from the suite.
  { name: 'relay', kind: 'label' }, // Relay name from the suite.
  { name: 'model', kind: 'label' }, // Model asked for.
  { name: 'thinking_budget', kind: 'number' }, // thinkingBudget sent, tokens (-1 = dynamic); empty for a level or no setting.
  { name: 'thinking_level', kind: 'label' }, // thinkingLevel sent (minimal/low/medium/high); empty otherwise.
  { name: 'repeat', kind: 'number' }, // Repeat index, from 1.
  { name: 'started_at', kind: 'text' }, // ISO 8601 UTC time the final attempt was sent.
  { name: 'load_rate', kind: 'rate' }, // Load mode: offered rate of the step, requests/s.
  { name: 'start_lag_ms', kind: 'ms' }, // Load mode: send time minus scheduled arrival time, ms.
  { name: 'status', kind: 'label' }, // `ok` or `error`.
  { name: 'http_status', kind: 'number' }, // HTTP status of the final attempt.
  { name: 'error_kind', kind: 'label' }, // http, timeout, connection, stream, blocked, aborted or skipped.
  { name: 'error_message', kind: 'text' }, // What went wrong, redacted.
  { name: 'attempts', kind: 'number' }, // Attempts made, retries included.
  { name: 'connect_ms', kind: 'ms' }, // TCP (+TLS) set-up of a new connection, ms; empty when one was reused.
  { name: 'headers_ms', kind: 'ms', metric: 'headersMs' },
  { name: 'ttft_ms', kind: 'ms', metric: 'ttftMs' },
  { name: 'first_thought_ms', kind: 'ms', metric: 'firstThoughtMs' },
  { name: 'first_answer_ms', kind: 'ms', metric: 'firstAnswerMs' },
  { name: 'thinking_ms', kind: 'ms', metric: 'thinkingMs' },
  { name: 'total_ms', kind: 'ms', metric: 'totalMs' },
  { name: 'answer_stream_ms', kind: 'ms', metric: 'answerStreamMs' },
  { name: 'chunks', kind: 'count', metric: 'chunks' },
  { name: 'thought_chunks', kind: 'count', metric: 'thoughtChunks' },
  { name: 'answer_chunks', kind: 'count', metric: 'answerChunks' },
  { name: 'max_gap_ms', kind: 'ms', metric: 'maxGapMs' },
  { name: 'prompt_tokens', kind: 'count', metric: 'promptTokens' },
  { name: 'thought_tokens', kind: 'count', metric: 'thoughtTokens' },
  { name: 'answer_tokens', kind: 'count', metric: 'answerTokens' },
  { name: 'total_tokens', kind: 'count', metric: 'totalTokens' },
  { name: 'cached_tokens', kind: 'count', metric: 'cachedTokens' },
  { name: 'answer_tokens_per_s', kind: 'rate', metric: 'answerTokensPerS' },
  { name: 'cost_usd', kind: 'usd' }, // USD of the request (docs/metrics.md, "Cost"); empty without a price, usage or on a failure.
  { name: 'finish_reason', kind: 'label', metric: 'finishReason' },
  { name: 'block_reason', kind: 'label', metric: 'blockReason' },
  { name: 'model_version', kind: 'label', metric: 'modelVersion' },
  { name: 'response_id', kind: 'text', metric: 'responseId' },
  { name: 'pass', kind: 'bool' }, // Grader verdict; empty when ungraded or undecided.
  { name: 'score', kind: 'number' }, // Grader score 0..1, when the grader gives one.
  { name: 'grader_reason', kind: 'text' }, // Why the grader decided, with expected and actual.
  { name: 'answer', kind: 'text', metric: 'answerText' },
] as const satisfies readonly ColumnSpec[];

/** One `requests.csv` column name. */
export type RequestColumn = (typeof REQUEST_COLUMN_SPECS)[number]['name'];

/** `requests.csv` column names in file order. */
export const REQUEST_COLUMNS: readonly RequestColumn[] = REQUEST_COLUMN_SPECS.map((spec) => spec.name);

/** Kind of each column by name. */
export const COLUMN_KIND: Readonly<Record<RequestColumn, ColumnKind>> = Object.fromEntries(REQUEST_COLUMN_SPECS.map((spec) => [spec.name, spec.kind])) as Record<
  RequestColumn,
  ColumnKind
>;

/** The columns holding a measure (kind `ms`, `rate` or `usd`): the run table keeps them as 64-bit floats. */
export type MeasureColumn = Extract<(typeof REQUEST_COLUMN_SPECS)[number], { kind: 'ms' | 'rate' | 'usd' }>['name'];
/** The columns of free text (kind `text`): the run table keeps them only for the rows it is asked to. */
export type TextColumn = Extract<(typeof REQUEST_COLUMN_SPECS)[number], { kind: 'text' }>['name'];

/** The measured columns: each written from one `StreamMetrics` field. */
export type MetricColumnSpec = Extract<(typeof REQUEST_COLUMN_SPECS)[number], { metric: string }>;
/** The measured columns, in file order. */
export const METRIC_COLUMNS: readonly MetricColumnSpec[] = REQUEST_COLUMN_SPECS.filter((spec): spec is MetricColumnSpec => 'metric' in spec);

/** One `requests.csv` row as strings-or-numbers; `undefined` is an empty cell. */
export type RequestRow = { [K in RequestColumn]: string | number | boolean | undefined };

/** `summary.csv` columns: one row per (relay, model, thinking setting). */
export const SUMMARY_COLUMNS = [
  'relay',
  'model',
  'thinking_budget',
  'thinking_level',
  'n',
  'ok',
  'errors',
  'error_rate',
  'pass_rate',
  'pass_ci_low',
  'pass_ci_high',
  'pass_all_repeats_rate',
  'ttft_ms_p50',
  'ttft_ms_p90',
  'ttft_ms_p99',
  'first_answer_ms_p50',
  'first_answer_ms_p90',
  'first_answer_ms_p99',
  'total_ms_p50',
  'total_ms_p90',
  'total_ms_p99',
  'thought_tokens_mean',
  'answer_tokens_mean',
  'answer_tokens_per_s_p50',
  'cost_usd_mean',
  'cost_usd_total',
  'cost_per_pass_usd',
] as const;

/**
 * One column name of summary.csv, in file order (SUMMARY_COLUMNS; units and meanings in docs/run-folder.md#summarycsv).
 */
export type SummaryColumn = (typeof SUMMARY_COLUMNS)[number];
/**
 * One summary.csv row keyed by column: a number (ms, tokens, USD, shares in [0,1] as each column's
 * unit says in docs/run-folder.md#summarycsv), a string (relay, model, thinking cells) or undefined
 * for an empty cell (no `ok` rows to measure, no price).
 */
export type SummaryRow = { [K in SummaryColumn]: string | number | undefined };
