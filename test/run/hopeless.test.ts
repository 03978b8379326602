import { describe, expect, it } from 'vitest';
import { classifyThrown } from '../../src/client/failures.js';
import type { RequestFailure } from '../../src/client/types.js';
import { createRelayHealth } from '../../src/run/relayHealth.js';
import { decideRetry } from '../../src/run/retry.js';

const TIMEOUTS = { connectMs: 1000, firstByteMs: 1000, idleMs: 1000, totalMs: 5000 };
const context = { aborted: false, totalTimedOut: false, timeouts: TIMEOUTS, httpStatus: undefined, midStream: false, redact: (text: string) => text };
const POLICY = { max: 3, statuses: [429, 500, 502, 503, 504], midStream: false };

/** An error as undici throws it: the code on the error, or on its cause (socket errors are wrapped). */
function thrown(code: string, wrapped: boolean): Error {
  const inner = Object.assign(new Error(`${code} from the socket`), { code });
  return wrapped ? Object.assign(new Error('fetch failed', { cause: inner }), { code: 'UND_ERR_SOCKET' }) : inner;
}

describe('connection failures retrying cannot fix', () => {
  it.each<[string, string, boolean]>([
    ['ENOTFOUND', 'host name not found', false],
    ['EAI_NONAME', 'host name not found', false],
    ['EAI_NODATA', 'host name has no address', false],
    ['ECONNREFUSED', 'connection refused', true],
    ['CERT_HAS_EXPIRED', 'TLS certificate expired', false],
    ['CERT_NOT_YET_VALID', 'TLS certificate not yet valid', false],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed TLS certificate', false],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'self-signed TLS certificate in chain', false],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'TLS certificate cannot be verified', false],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'TLS certificate issuer unknown', false],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'TLS certificate is for another host', false],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'not a TLS server', false],
  ])('%s: hopeless (%s), retried: %s', (code, what, retried) => {
    for (const wrapped of [false, true]) {
      const failure = classifyThrown(thrown(code, wrapped), context);
      expect(failure).toMatchObject({ kind: 'connection', hopeless: code });
      expect(failure.message).toContain(`${code} (${what}`);
      expect(decideRetry(failure, 1, POLICY, () => 0.5).retry).toBe(retried);
    }
  });

  it.each(['ECONNRESET', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'EPIPE', 'UND_ERR_SOCKET'])('%s: may heal, retried and not hopeless', (code) => {
    const failure = classifyThrown(thrown(code, false), context);
    expect(failure.kind).toBe('connection');
    expect(failure.hopeless).toBeUndefined();
    expect(decideRetry(failure, 1, POLICY, () => 0.5).retry).toBe(true);
  });
});

describe('relay health: a run of hopeless failures gives up on the relay', () => {
  const refused: RequestFailure = {
    kind: 'connection',
    message: 'connection: ECONNREFUSED (connection refused): connect ECONNREFUSED 127.0.0.1:9',
    httpStatus: undefined,
    shape: 'none',
    midStream: false,
    hopeless: 'ECONNREFUSED',
  };
  const reset: RequestFailure = { kind: 'connection', message: 'connection: ECONNRESET', httpStatus: undefined, shape: 'none', midStream: false };

  it.each<[string, Array<RequestFailure | undefined>, boolean]>([
    ['three in a row', [refused, refused, refused], true],
    ['two are not enough', [refused, refused], false],
    ['a success resets the run', [refused, refused, undefined, refused, refused], false],
    ['a healable failure resets the run', [refused, refused, reset, refused, refused], false],
    ['after successes too', [undefined, undefined, refused, refused, refused], true],
  ])('%s', (_label, outcomes, down) => {
    const health = createRelayHealth({ maxErrorRate: undefined, minSamples: 20, consecutiveAuthFailures: 20, consecutiveHopelessFailures: 3 });
    for (const outcome of outcomes) health.record('a', outcome);
    if (down)
      expect(health.downReason('a')).toMatch(
        /^3 consecutive connection failures that retrying cannot fix \(last: connection: ECONNREFUSED \(connection refused\).*fix the relay's baseUrl or certificate and resume$/,
      );
    else expect(health.downReason('a')).toBeUndefined();
    expect(health.downReason('b')).toBeUndefined();
  });
});
