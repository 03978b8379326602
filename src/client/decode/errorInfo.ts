import type { ErrorShape } from '../../runfolder/details.js';
import { sampleOf } from './sample.js';
import type { RelayErrorInfo } from './types.js';

/**
 * Turns an error body into a {@link RelayErrorInfo} and names its shape (see {@link ErrorShape}).
 * Google's shape is exact: an `error` object with an integer `code`, a `status` that is one of the
 * canonical google.rpc.Code names, and a string `message` (Google AIP-193 "Errors"; the names are
 * those of google/rpc/code.proto). Relays that pass Google's error on as text inside their own
 * envelope are unwrapped, so the message reads `503 UNAVAILABLE: This model is … high demand.`
 * instead of escaped JSON.
 */

const RETRY_INFO_TYPE = 'type.googleapis.com/google.rpc.RetryInfo';
const DURATION_SECONDS = /^\s*(\d+(?:\.\d+)?)s\s*$/;

/** google.rpc.Code names (googleapis, google/rpc/code.proto), as `status` carries them. */
export const GOOGLE_CANONICAL_CODES: ReadonlySet<string> = new Set([
  'OK',
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'UNAUTHENTICATED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
]);

/** How deep wrapped errors are unwrapped: a relay of a relay of Google is two; more is a loop. */
const MAX_UNWRAP_DEPTH = 3;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function firstString(...candidates: unknown[]): string | undefined {
  for (const candidate of candidates) {
    if (typeof candidate === 'string' && candidate.trim() !== '') return candidate.trim();
  }
  return undefined;
}

/** A numeric code, also when a relay sent it as a string of digits (`"503"`). */
function firstNumber(...candidates: unknown[]): number | undefined {
  for (const candidate of candidates) {
    if (typeof candidate === 'number' && Number.isFinite(candidate)) return candidate;
    if (typeof candidate === 'string' && /^\d{3}$/.test(candidate.trim())) return Number(candidate);
  }
  return undefined;
}

/** `"12s"` / `"1.5s"` (proto3 JSON Duration), or `{seconds, nanos}` from a non-JSON-mapped proxy. */
function durationToMs(duration: unknown): number | undefined {
  if (typeof duration === 'string') {
    const match = DURATION_SECONDS.exec(duration);
    return match?.[1] === undefined ? undefined : Number(match[1]) * 1000;
  }
  if (isObject(duration)) {
    const seconds = Number(duration.seconds ?? 0);
    const nanos = Number(duration.nanos ?? 0);
    return Number.isFinite(seconds) && Number.isFinite(nanos) ? seconds * 1000 + nanos / 1e6 : undefined;
  }
  return undefined;
}

function retryDelayMs(details: unknown): number | undefined {
  if (!Array.isArray(details)) return undefined;
  for (const detail of details) {
    if (isObject(detail) && detail['@type'] === RETRY_INFO_TYPE) return durationToMs(detail.retryDelay);
  }
  return undefined;
}

/** Google's error object exactly: integer code, canonical status, string message. */
function isGoogleError(error: JsonObject): boolean {
  return Number.isInteger(error.code) && typeof error.status === 'string' && GOOGLE_CANONICAL_CODES.has(error.status) && typeof error.message === 'string';
}

function compactJson(value: unknown): string {
  return sampleOf(JSON.stringify(value) ?? String(value));
}

/**
 * A Google error serialised inside some text: the whole text, or the JSON object that starts at
 * the first `{` (`got status: UNAVAILABLE. {"error":…}`). Only Google's own shape counts, so an
 * ordinary message that happens to hold braces is left alone.
 */
function embeddedGoogleError(text: unknown, depth: number): RelayErrorInfo | undefined {
  if (typeof text !== 'string' || depth >= MAX_UNWRAP_DEPTH) return undefined;
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.slice(start, end + 1));
  } catch {
    return undefined;
  }
  if (Array.isArray(parsed)) parsed = parsed[0];
  if (!isObject(parsed) || !('error' in parsed)) return undefined;
  const inner = envelopeAt(parsed, depth + 1);
  return inner.shape === 'google' || inner.shape === 'google-wrapped' ? { ...inner, shape: 'google-wrapped' } : undefined;
}

function withRetry(info: RelayErrorInfo, details: unknown): RelayErrorInfo {
  const retryAfterMs = retryDelayMs(details);
  return retryAfterMs === undefined ? info : { ...info, retryAfterMs };
}

function envelopeAt(body: JsonObject, depth: number): RelayErrorInfo {
  const error = body.error;
  if (typeof error === 'string') {
    return embeddedGoogleError(error, depth) ?? { shape: 'error-string', message: sampleOf(error.trim()) || '(empty error)' };
  }
  if (!isObject(error)) {
    return { shape: 'other-json', message: firstString(body.message) ?? compactJson(body) };
  }
  const message = firstString(error.message, error.msg);
  const wrapped = embeddedGoogleError(error.message, depth);
  if (wrapped !== undefined) return withRetry(wrapped, error.details);
  const shape: ErrorShape = isGoogleError(error)
    ? 'google'
    : typeof error.type === 'string'
      ? 'openai'
      : 'status' in error && 'code' in error
        ? 'google-lookalike'
        : 'code' in error
          ? 'error-code-message'
          : 'other-json';
  const info: RelayErrorInfo = { shape, message: message ?? compactJson(error) };
  const httpCode = firstNumber(error.code, body.code);
  if (httpCode !== undefined) info.httpCode = httpCode;
  const status = firstString(error.status, error.type, typeof error.code === 'string' ? error.code : undefined);
  if (status !== undefined) info.status = status;
  return withRetry(info, error.details);
}

/** An object with an `error` member: Google's error envelope or a look-alike. */
export function errorFromEnvelope(body: JsonObject): RelayErrorInfo {
  return envelopeAt(body, 0);
}

/**
 * Any other JSON sent where a stream was expected (`{"message"}`, `{"detail"}`, `{"code","msg"}`,
 * Google's fields without their envelope): the relay's own error format.
 */
export function errorFromForeignJson(body: unknown): RelayErrorInfo {
  if (Array.isArray(body) && isObject(body[0]) && 'error' in body[0]) return errorFromEnvelope(body[0]);
  if (!isObject(body)) return { shape: 'other-json', message: compactJson(body) };
  const wrapped = embeddedGoogleError(body.message, 0) ?? embeddedGoogleError(body.detail, 0);
  if (wrapped !== undefined) return wrapped;
  const detail = body.detail;
  const message = firstString(body.message, body.msg, body.error_msg, body.errorMessage, detail);
  const shape: ErrorShape =
    detail !== undefined
      ? 'fastapi-detail'
      : Number.isInteger(body.code) && typeof body.status === 'string' && GOOGLE_CANONICAL_CODES.has(body.status) && message !== undefined
        ? 'google-unenveloped'
        : message !== undefined
          ? 'flat-message'
          : 'other-json';
  const info: RelayErrorInfo = { shape, message: message ?? compactJson(detail ?? body) };
  const httpCode = firstNumber(body.code, body.status, body.statusCode);
  if (httpCode !== undefined) info.httpCode = httpCode;
  const status = firstString(body.status, body.type, typeof body.code === 'string' ? body.code : undefined, typeof body.details === 'string' ? body.details : undefined);
  if (status !== undefined && firstNumber(status) === undefined) info.status = status;
  return info;
}

/** A body that is neither JSON nor HTML; Google's error quoted inside it is unwrapped. */
export function errorFromText(text: string): RelayErrorInfo {
  return embeddedGoogleError(text, 0) ?? { shape: 'text', message: sampleOf(text.trim()) };
}
