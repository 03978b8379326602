/**
 * What the client hands downstream: decoded Gemini chunks and failures, each stamped with the
 * monotonic clock. Times are absolute `performance.now()` milliseconds; `metrics/` subtracts t0.
 */

/** One `Part` of Gemini content (https://ai.google.dev/api/caching#Part): text, a thought flag, a thought signature, or a tool field. */
export interface GeminiPart {
  text?: string;
  thought?: boolean;
  thoughtSignature?: string;
  [key: string]: unknown;
}

/** One `Candidate` of a `GenerateContentResponse` (https://ai.google.dev/api/generate-content#candidate); `index` absent means 0. */
export interface GeminiCandidate {
  content?: { parts?: GeminiPart[]; role?: string };
  finishReason?: string;
  index?: number;
  [key: string]: unknown;
}

/**
 * `usageMetadata` of a response chunk (https://ai.google.dev/api/generate-content#UsageMetadata),
 * token counts, cumulative over the stream: the last chunk's is authoritative.
 */
export interface GeminiUsage {
  promptTokenCount?: number;
  candidatesTokenCount?: number;
  thoughtsTokenCount?: number;
  totalTokenCount?: number;
  [key: string]: unknown;
}

/** One `GenerateContentResponse` chunk of a stream, normalised to camelCase keys. */
export interface GeminiChunk {
  candidates?: GeminiCandidate[];
  promptFeedback?: { blockReason?: string; [key: string]: unknown };
  usageMetadata?: GeminiUsage;
  modelVersion?: string;
  responseId?: string;
  [key: string]: unknown;
}

import type { ErrorKind, ErrorShape } from '../runfolder/details.js';

/** Why a request failed, as it becomes the row's `status` `error`, `error_kind` and `error_message`. */
export interface RequestFailure {
  kind: ErrorKind;
  /** Human-readable, already redacted of secrets. */
  message: string;
  httpStatus: number | undefined;
  shape: ErrorShape;
  /** For `timeout`: which limit fired. */
  timeout?: 'connectMs' | 'firstByteMs' | 'idleMs' | 'totalMs';
  /** Server-requested delay before a retry (Retry-After or RetryInfo.retryDelay), in ms. */
  retryAfterMs?: number;
  /** The code inside an error object that arrived after status 200 (e.g. 503): what decides a retry. */
  relayErrorCode?: number;
  /** True when Gemini content had arrived before the failure (a retry could bill twice). */
  midStream: boolean;
  /** For `connection`: the system or undici error code (`ENOTFOUND`, `ECONNREFUSED`, `CERT_HAS_EXPIRED`…). */
  errorCode?: string;
  /**
   * For `connection`: the error code when it is one that retrying cannot fix (`ENOTFOUND`,
   * `ECONNREFUSED`, a TLS certificate error): a run of these gives up on the relay.
   */
  hopeless?: string;
}

/**
 * One timestamped thing that happened to a request, `atMs` in absolute `performance.now()` ms:
 * the headers arrived, a chunk was decoded, the body ended, or the request failed (the last two end it).
 */
export type StreamEvent =
  | { type: 'headers'; atMs: number; status: number; contentType: string | undefined }
  | { type: 'chunk'; atMs: number; chunk: GeminiChunk }
  | { type: 'end'; atMs: number }
  | { type: 'failure'; atMs: number; failure: RequestFailure };

/** Injected monotonic clock, so timing tests are exact. */
export type Clock = () => number;
