import { describe, expect, it } from 'vitest';
import type { RequestFailure } from '../../src/client/types.js';
import { decideRetry } from '../../src/run/retry.js';
import type { RetryPolicy } from '../../src/suite/types.js';

const POLICY: RetryPolicy = { max: 2, statuses: [408, 429, 500, 502, 503, 504], midStream: false };
const half = (): number => 0.5;

function failure(overrides: Partial<RequestFailure>): RequestFailure {
  return { kind: 'http', message: 'x', httpStatus: 503, shape: 'google', midStream: false, ...overrides };
}

describe('decideRetry', () => {
  it('retries a transient status with exponential backoff and full jitter', () => {
    expect(decideRetry(failure({}), 1, POLICY, half)).toEqual({ retry: true, delayMs: 250, reason: 'backoff' });
    expect(decideRetry(failure({}), 2, POLICY, half)).toEqual({ retry: true, delayMs: 500, reason: 'backoff' });
    expect(decideRetry(failure({}), 2, POLICY, () => 0.999).delayMs).toBeLessThan(1000);
  });

  it('honours the server-requested delay (Retry-After or RetryInfo)', () => {
    expect(decideRetry(failure({ httpStatus: 429, retryAfterMs: 2000 }), 1, POLICY, half)).toEqual({ retry: true, delayMs: 2000, reason: 'server-requested delay' });
  });

  it('gives up rather than stall the run when the server asks for minutes', () => {
    expect(decideRetry(failure({ httpStatus: 429, retryAfterMs: 600_000 }), 1, POLICY, half).retry).toBe(false);
  });

  it('stops after retry.max extra attempts, and retry.max 0 disables retries', () => {
    expect(decideRetry(failure({}), 3, POLICY, half)).toMatchObject({ retry: false, reason: 'gave up after 3 attempts' });
    expect(decideRetry(failure({}), 1, { ...POLICY, max: 0 }, half)).toMatchObject({ retry: false, reason: 'gave up after 1 attempt' });
  });

  it('does not retry statuses outside the list, blocked prompts or our own aborts', () => {
    expect(decideRetry(failure({ httpStatus: 400 }), 1, POLICY, half).retry).toBe(false);
    expect(decideRetry(failure({ kind: 'blocked', httpStatus: 200 }), 1, POLICY, half).retry).toBe(false);
    expect(decideRetry(failure({ kind: 'aborted', httpStatus: undefined }), 1, POLICY, half).retry).toBe(false);
  });

  it('retries connection errors and timeouts that happened before any content', () => {
    expect(decideRetry(failure({ kind: 'connection', httpStatus: undefined }), 1, POLICY, half).retry).toBe(true);
    expect(decideRetry(failure({ kind: 'timeout', timeout: 'firstByteMs', httpStatus: undefined }), 1, POLICY, half).retry).toBe(true);
  });

  it('never silently retries after content arrived, unless retry.midStream is set', () => {
    const midStream = failure({ kind: 'timeout', timeout: 'idleMs', httpStatus: 200, midStream: true });
    expect(decideRetry(midStream, 1, POLICY, half)).toMatchObject({ retry: false, reason: expect.stringContaining('retry.midStream') });
    expect(decideRetry(midStream, 1, { ...POLICY, midStream: true }, half).retry).toBe(true);
  });

  it('reads the status inside an error object that came after HTTP 200', () => {
    expect(decideRetry(failure({ kind: 'stream', httpStatus: 200, relayErrorCode: 503 }), 1, POLICY, half).retry).toBe(true);
    expect(decideRetry(failure({ kind: 'stream', httpStatus: 200, relayErrorCode: 400 }), 1, POLICY, half).retry).toBe(false);
    expect(decideRetry(failure({ kind: 'stream', httpStatus: 200 }), 1, POLICY, half).retry).toBe(false);
  });
});
