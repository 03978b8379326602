import { sampleOf } from './sample.js';
import type { RelayErrorInfo } from './types.js';

/**
 * Turns an error body into a {@link RelayErrorInfo}. Google's shape is told apart from look-alikes
 * (OpenAI's `{"error":{"message","type","code"}}` also has an `error` object) by its numeric
 * `code` and canonical `status`, because "does the relay answer errors like Google" is a verdict.
 */

const RETRY_INFO_TYPE = 'type.googleapis.com/google.rpc.RetryInfo';
const DURATION_SECONDS = /^\s*(\d+(?:\.\d+)?)s\s*$/;

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

function firstNumber(...candidates: unknown[]): number | undefined {
  for (const candidate of candidates) {
    if (typeof candidate === 'number' && Number.isFinite(candidate)) return candidate;
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
    const seconds = Number(duration['seconds'] ?? 0);
    const nanos = Number(duration['nanos'] ?? 0);
    return Number.isFinite(seconds) && Number.isFinite(nanos) ? seconds * 1000 + nanos / 1e6 : undefined;
  }
  return undefined;
}

function retryDelayMs(details: unknown): number | undefined {
  if (!Array.isArray(details)) return undefined;
  for (const detail of details) {
    if (isObject(detail) && detail['@type'] === RETRY_INFO_TYPE) return durationToMs(detail['retryDelay']);
  }
  return undefined;
}

function isGoogleError(error: JsonObject): boolean {
  return typeof error['code'] === 'number' && typeof error['status'] === 'string';
}

function compactJson(value: unknown): string {
  return sampleOf(JSON.stringify(value) ?? String(value));
}

/** An object with an `error` member: Google's error envelope or a look-alike. */
export function errorFromEnvelope(body: JsonObject): RelayErrorInfo {
  const error = body['error'];
  if (!isObject(error)) {
    return { shape: 'foreign-json', message: firstString(error, body['message']) ?? compactJson(body) };
  }
  const info: RelayErrorInfo = {
    shape: isGoogleError(error) ? 'google' : 'foreign-json',
    message: firstString(error['message'], error['msg']) ?? compactJson(error),
  };
  const httpCode = firstNumber(error['code'], body['code']);
  if (httpCode !== undefined) info.httpCode = httpCode;
  const status = firstString(error['status'], error['type'], error['code']);
  if (status !== undefined) info.status = status;
  const retryAfterMs = retryDelayMs(error['details']);
  if (retryAfterMs !== undefined) info.retryAfterMs = retryAfterMs;
  return info;
}

/**
 * Any other JSON sent where a stream was expected (`{"message"}`, `{"detail"}`, `{"code","msg"}`):
 * the relay's own error format.
 */
export function errorFromForeignJson(body: unknown): RelayErrorInfo {
  if (!isObject(body)) return { shape: 'foreign-json', message: compactJson(body) };
  const detail = body['detail'];
  const info: RelayErrorInfo = {
    shape: 'foreign-json',
    message: firstString(body['message'], body['msg'], body['error_msg'], detail) ?? compactJson(detail ?? body),
  };
  const httpCode = firstNumber(body['code'], body['status'], body['statusCode']);
  if (httpCode !== undefined) info.httpCode = httpCode;
  const status = firstString(body['status'], body['type'], body['code']);
  if (status !== undefined) info.status = status;
  return info;
}

/** A body that is neither JSON nor HTML. */
export function errorFromText(text: string): RelayErrorInfo {
  return { shape: 'text', message: sampleOf(text.trim()) };
}
