import type { RetryPolicy } from '../suite/types.js';
import { HOPELESS_CONNECTION_CODES } from '../client/failures.js';
import type { RequestFailure } from '../client/types.js';

/**
 * The result of `decideRetry`: whether to try again, the wait before the next attempt in ms (full
 * jitter backoff or the server's `Retry-After`/`RetryInfo.retryDelay`), and the reason, kept in the
 * row's error message when a failure is deliberately not retried.
 */
export interface RetryDecision {
  retry: boolean;
  /** How long to wait before the next attempt. */
  delayMs: number;
  /** Why not, when not: recorded so a row can say a mid-stream failure was deliberately not retried. */
  reason: string;
}

const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;
/** A server asking for more than this is treated as "not now": better an error row than a stalled run. */
const MAX_SERVER_DELAY_MS = 120_000;

/**
 * Decides whether a failed attempt is tried again. Pure: `random` is injected.
 * Transient statuses and connection errors before any body byte are retried with exponential
 * backoff and full jitter (AWS architecture blog, "Exponential Backoff And Jitter"), or after the
 * server's own `Retry-After` / `RetryInfo.retryDelay` when it gave one.
 */
export function decideRetry(failure: RequestFailure, attemptsSoFar: number, policy: RetryPolicy, random: () => number): RetryDecision {
  if (attemptsSoFar > policy.max) return { retry: false, delayMs: 0, reason: `gave up after ${attemptsSoFar} attempt${attemptsSoFar === 1 ? '' : 's'}` };
  if (failure.kind === 'aborted' || failure.kind === 'blocked' || failure.kind === 'skipped') {
    return { retry: false, delayMs: 0, reason: 'not retryable' };
  }
  const hopeless = failure.hopeless === undefined ? undefined : HOPELESS_CONNECTION_CODES[failure.hopeless];
  if (hopeless !== undefined && !hopeless.retry) return { retry: false, delayMs: 0, reason: `not retried: ${hopeless.what}` };
  if (failure.midStream && !policy.midStream) {
    return { retry: false, delayMs: 0, reason: 'failed mid-stream; not retried (set retry.midStream: true to allow)' };
  }
  // An error object after status 200 carries the real status inside: a 503 there is as transient as a 503 header.
  const status = failure.kind === 'http' ? failure.httpStatus : failure.kind === 'stream' ? failure.relayErrorCode : undefined;
  const retryableStatus = status !== undefined && policy.statuses.includes(status);
  const retryableKind = failure.kind === 'connection' || failure.kind === 'timeout' || (failure.kind === 'stream' && policy.midStream);
  if (!retryableStatus && !retryableKind) return { retry: false, delayMs: 0, reason: 'not retryable' };
  if (failure.retryAfterMs !== undefined) {
    if (failure.retryAfterMs > MAX_SERVER_DELAY_MS) {
      return { retry: false, delayMs: 0, reason: `server asked to wait ${Math.round(failure.retryAfterMs / 1000)} s` };
    }
    return { retry: true, delayMs: failure.retryAfterMs, reason: 'server-requested delay' };
  }
  const ceilingMs = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attemptsSoFar - 1));
  return { retry: true, delayMs: random() * ceilingMs, reason: 'backoff' };
}
