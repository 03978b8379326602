/**
 * The run folder's per-job records beside `requests.csv`: `details.jsonl` lines, the error
 * families and shapes they name, and the per-relay and judge records of `run.json`. Types only;
 * docs/run-folder.md describes each field for users.
 */
import type { JudgeSettings } from '../suite/types.js';

/** The error family of a failed request, as written to `error_kind`. */
export type ErrorKind = 'http' | 'timeout' | 'connection' | 'stream' | 'blocked' | 'aborted' | 'skipped';

/**
 * How the relay shaped an error, for the "errors in Google's shape" verdict; each name is a shape
 * met in real relays' bug reports (see `client/decode/errorInfo.ts` for how each is recognised):
 * - `google`: `{"error": {code: integer, message: string, status: a google.rpc.Code name}}`, bare,
 *   in SSE `data:` or as the element of an array (`[{"error": …}]`, Google's own array framing);
 * - `google-wrapped`: Google's error serialised as text inside another envelope or message
 *   (`{"error":{"message":"{\n \"error\": {…}}","status":"Service Unavailable"}}`,
 *   `got status: UNAVAILABLE. {"error":…}`);
 * - `google-lookalike`: an `error` object with code and status where `code` is not an integer or
 *   `status` is not a canonical code (`"Service Unavailable"`, `"unavailable"`);
 * - `google-unenveloped`: Google's fields without the `error` envelope (`{code, message, status}`);
 * - `openai`: `{"error": {message, type, param?, code?}}` (OpenAI; one-api/new-api relays);
 * - `error-code-message`: `{"error": {code, message}}` with neither status nor type;
 * - `error-string`: `{"error": "…"}`;
 * - `fastapi-detail`: `{"detail": …}` (FastAPI's HTTPException and validation errors);
 * - `flat-message`: `{message}` / `{msg}` / `{code, msg}` / `{success: false, message}`;
 * - `other-json`: any other JSON; `html`: a web page; `text`: plain text;
 * - `empty`: an HTTP error status with an empty body;
 * - `none`: no error body at all (timeouts, dropped connections, truncated streams).
 * `foreign-json` is the name older runs wrote for every non-Google JSON shape.
 */
export type ErrorShape =
  | 'google'
  | 'google-wrapped'
  | 'google-lookalike'
  | 'google-unenveloped'
  | 'openai'
  | 'error-code-message'
  | 'error-string'
  | 'fastapi-detail'
  | 'flat-message'
  | 'other-json'
  | 'foreign-json'
  | 'html'
  | 'text'
  | 'empty'
  | 'none';

/** Per-job facts that have no column in requests.csv but feed verdicts and the report. */
export interface JobDetail {
  job_id: string;
  relay: string;
  error_shape: ErrorShape | undefined;
  /** Error shape of every failed attempt, retried ones included (absent when none failed). */
  attempt_error_shapes?: ErrorShape[];
  timeout: string | undefined;
  mid_stream: boolean | undefined;
  retry_wait_ms: number;
  usage_present: boolean;
  thought_text: string | undefined;
  /** Epoch ms of the final attempt's t0; with the *_ms columns it gives absolute times. */
  t0_epoch_ms: number;
  /** Honesty signals of the final attempt (metrics/honestySignals.ts); absent in older runs. */
  text_chunks?: number;
  piece_chars_median?: number | undefined;
  piece_gap_ms_median?: number | undefined;
  usage_static?: boolean;
  restarts?: string[];
  framing_faults?: string[];
  /** Candidates other than 0 (candidateCount > 1), counted; the row describes candidate 0 only. */
  other_candidates?: Array<{ index: number; chunks: number; answer_chars: number; finish_reason: string | undefined }>;
}

/** Per-relay counts of a run, as run.json's `relays` records them. */
export interface RelayRunStats {
  completed: number;
  retryWaitMs: number;
  errorsByKind: Partial<Record<ErrorKind, number>>;
  modelVersions: Record<string, number>;
}

/** What a run's judge did, for run.json and the console; never mixed into a measured row. */
export interface JudgeReport {
  relay: string;
  model: string;
  thinking: JudgeSettings['thinking'];
  repeats: number;
  concurrency: number;
  template: { source: string; sha256: string };
  /** Judge requests sent (each vote of each distinct answer; retries are attempts inside one call). */
  calls: number;
  /** Calls that ended without a verdict, by what happened (`timeout`, `http 429`, `off-schema`…). */
  failedCalls: Record<string, number>;
  tokens: { prompt: number; thought: number; answer: number };
  /** USD of the judge's calls from their usage; null when no price is known for its model. */
  costUsd: number | null;
  /** Judged answers decided (pass or fail) and left undecided (every vote failed, or a tie). */
  decided: number;
  undecided: number;
  /** Judged (rubric, answer) pairs answered from an earlier identical one instead of a new call. */
  reused: number;
  /** Mean share of votes agreeing with the majority, over decisions with more than one vote. */
  meanAgreement: number | null;
}
