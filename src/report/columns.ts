/** `requests.csv` columns, in the order docs/run-folder.md#requestscsv fixes. */
export const REQUEST_COLUMNS = [
  'run_id', 'job_id', 'suite', 'case_id', 'relay', 'model', 'thinking_budget', 'thinking_level',
  'repeat', 'started_at', 'load_rate', 'start_lag_ms', 'status', 'http_status', 'error_kind',
  'error_message', 'attempts', 'connect_ms', 'headers_ms', 'ttft_ms', 'first_thought_ms', 'first_answer_ms', 'thinking_ms', 'total_ms',
  'answer_stream_ms', 'chunks', 'thought_chunks', 'answer_chunks', 'max_gap_ms', 'prompt_tokens',
  'thought_tokens', 'answer_tokens', 'total_tokens', 'cached_tokens', 'answer_tokens_per_s', 'cost_usd',
  'finish_reason',
  'block_reason', 'model_version', 'response_id', 'pass', 'score', 'grader_reason', 'answer',
] as const;

export type RequestColumn = (typeof REQUEST_COLUMNS)[number];

/** One `requests.csv` row as strings-or-numbers; `undefined` is an empty cell. */
export type RequestRow = { [K in RequestColumn]: string | number | boolean | undefined };

/** `summary.csv` columns: one row per (relay, model, thinking setting). */
export const SUMMARY_COLUMNS = [
  'relay', 'model', 'thinking_budget', 'thinking_level', 'n', 'ok', 'errors', 'error_rate',
  'pass_rate', 'pass_ci_low', 'pass_ci_high', 'pass_all_repeats_rate',
  'ttft_ms_p50', 'ttft_ms_p90', 'ttft_ms_p99',
  'first_answer_ms_p50', 'first_answer_ms_p90', 'first_answer_ms_p99',
  'total_ms_p50', 'total_ms_p90', 'total_ms_p99',
  'thought_tokens_mean', 'answer_tokens_mean', 'answer_tokens_per_s_p50',
  'cost_usd_mean', 'cost_usd_total', 'cost_per_pass_usd',
] as const;

export type SummaryColumn = (typeof SUMMARY_COLUMNS)[number];
export type SummaryRow = { [K in SummaryColumn]: string | number | undefined };
