import type { Timeouts } from '../suite/types.js';
import type { DecodeProblem, RelayErrorInfo } from './decode/index.js';
import { binaryNote, looksBinary } from './decode/sample.js';
import type { Redactor } from './redact.js';
import type { RequestFailure } from './types.js';

/** Turns a non-2xx response into a failure; the message leads with what a user searches for. */
export function httpFailure(status: number, error: RelayErrorInfo, retryAfterMs: number | undefined, redact: Redactor): RequestFailure {
  const label = error.status ? `${status} ${error.status}` : String(status);
  const delay = retryAfterMs ?? error.retryAfterMs;
  return {
    kind: 'http',
    message: redact(`HTTP ${label}: ${error.message}`),
    httpStatus: status,
    shape: error.shape,
    ...(delay === undefined ? {} : { retryAfterMs: delay }),
    midStream: false,
  };
}

/** An error object that arrived inside a 200 stream: the relay failed after promising success. */
export function failureFromRelayError(error: RelayErrorInfo, httpStatus: number | undefined, midStream: boolean, redact: Redactor): RequestFailure {
  const label = [error.httpCode, error.status].filter((part) => part !== undefined).join(' ');
  return {
    kind: 'stream',
    message: redact(`error in stream after HTTP ${httpStatus ?? '?'}: ${label === '' ? '' : `${label}: `}${error.message}`.trim()),
    httpStatus,
    shape: error.shape,
    ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
    ...(error.httpCode === undefined ? {} : { relayErrorCode: error.httpCode }),
    midStream,
  };
}

/**
 * A body that could not be decoded (invalid JSON, an HTML page, a non-Gemini object, a truncated
 * body) as a `stream` failure; binary text is never quoted, and the message passes `redact`.
 * `midStream`: Gemini content had already arrived.
 */
export function failureFromProblem(problem: DecodeProblem, httpStatus: number | undefined, midStream: boolean, redact: Redactor): RequestFailure {
  return {
    kind: 'stream',
    // JSON.parse quotes the text it choked on: never let binary bytes through that way.
    message: redact(`${problem.kind}: ${looksBinary(problem.message) ? `${binaryNote(Buffer.byteLength(problem.message))} where text was expected` : problem.message}`),
    httpStatus,
    shape: problem.kind === 'html' ? 'html' : 'none',
    midStream,
  };
}

interface ThrownContext {
  aborted: boolean;
  totalTimedOut: boolean;
  timeouts: Timeouts;
  httpStatus: number | undefined;
  midStream: boolean;
  redact: Redactor;
}

/** undici error codes that say which of our timeouts fired. */
const TIMEOUT_CODES: Record<string, keyof Timeouts> = {
  UND_ERR_CONNECT_TIMEOUT: 'connectMs',
  UND_ERR_HEADERS_TIMEOUT: 'firstByteMs',
  UND_ERR_BODY_TIMEOUT: 'idleMs',
};

/** Classifies anything thrown by undici or the body stream into the error family. */
export function classifyThrown(error: unknown, context: ThrownContext): RequestFailure {
  const base = { httpStatus: context.httpStatus, shape: 'none' as const, midStream: context.midStream };
  if (context.aborted) return { ...base, kind: 'aborted', message: 'aborted: the run was interrupted' };
  if (context.totalTimedOut) {
    return { ...base, kind: 'timeout', timeout: 'totalMs', message: `timeout: totalMs (${context.timeouts.totalMs} ms) exceeded` };
  }
  const code = errorCode(error);
  const which = code === undefined ? undefined : TIMEOUT_CODES[code];
  if (which !== undefined) {
    const what = which === 'idleMs' ? 'silence between chunks' : which === 'firstByteMs' ? 'waiting for response headers' : 'connecting';
    return { ...base, kind: 'timeout', timeout: which, message: `timeout: ${which} (${context.timeouts[which]} ms) exceeded ${what}` };
  }
  const detail = error instanceof Error ? error.message : String(error);
  const hopeless = code === undefined ? undefined : HOPELESS_CONNECTION_CODES[code];
  const cause = code === undefined ? '' : hopeless === undefined ? `${code}: ` : `${code} (${hopeless.what}): `;
  return {
    ...base,
    kind: 'connection',
    message: context.redact(`connection: ${cause}${detail}`),
    ...(code === undefined ? {} : { errorCode: code }),
    ...(hopeless === undefined || code === undefined ? {} : { hopeless: code }),
  };
}

/**
 * Connection failures that retrying the same request cannot fix, with what each means and whether
 * even one retry is worth it. Names not found (getaddrinfo's ENOTFOUND / EAI_NONAME / EAI_NODATA;
 * EAI_AGAIN is a temporary failure and is not here) and certificate errors (OpenSSL's
 * X509_V_ERR_* names as Node reports them, and Node's ERR_TLS_CERT_ALTNAME_INVALID) do not change
 * from one second to the next; a refused connection may be a server restarting, so it is retried,
 * but a run of them still gives up on the relay.
 */
export const HOPELESS_CONNECTION_CODES: Readonly<Record<string, { what: string; retry: boolean }>> = {
  ENOTFOUND: { what: 'host name not found', retry: false },
  EAI_NONAME: { what: 'host name not found', retry: false },
  EAI_NODATA: { what: 'host name has no address', retry: false },
  ECONNREFUSED: { what: 'connection refused', retry: true },
  CERT_HAS_EXPIRED: { what: 'TLS certificate expired', retry: false },
  CERT_NOT_YET_VALID: { what: 'TLS certificate not yet valid', retry: false },
  CERT_REVOKED: { what: 'TLS certificate revoked', retry: false },
  CERT_UNTRUSTED: { what: 'TLS certificate not trusted', retry: false },
  CERT_REJECTED: { what: 'TLS certificate rejected', retry: false },
  DEPTH_ZERO_SELF_SIGNED_CERT: { what: 'self-signed TLS certificate', retry: false },
  SELF_SIGNED_CERT_IN_CHAIN: { what: 'self-signed TLS certificate in chain', retry: false },
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: { what: 'TLS certificate cannot be verified', retry: false },
  UNABLE_TO_GET_ISSUER_CERT: { what: 'TLS certificate issuer unknown', retry: false },
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: { what: 'TLS certificate issuer unknown', retry: false },
  ERR_TLS_CERT_ALTNAME_INVALID: { what: 'TLS certificate is for another host', retry: false },
  HOSTNAME_MISMATCH: { what: 'TLS certificate is for another host', retry: false },
  ERR_SSL_WRONG_VERSION_NUMBER: { what: 'not a TLS server: https:// to an http:// port?', retry: false },
};

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  // undici wraps socket errors; the useful code (ECONNREFUSED, ECONNRESET…) may sit on the cause.
  for (let depth = 0; depth < 3 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_SOCKET') return code;
    if (typeof code === 'string' && !(current.cause instanceof Error)) return code;
    current = current.cause;
  }
  return undefined;
}

/** `Retry-After` is either delta-seconds or an HTTP date. */
export function parseRetryAfterMs(value: string | undefined, nowEpochMs: number = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowEpochMs);
}
