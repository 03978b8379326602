import { describe, expect, it } from 'vitest';
import type { RequestFailure } from '../../src/client/types.js';
import { createRelayHealth } from '../../src/run/relayHealth.js';

const auth: RequestFailure = { kind: 'http', message: 'HTTP 401 UNAUTHENTICATED: bad key', httpStatus: 401, shape: 'google', midStream: false };
const server: RequestFailure = { ...auth, message: 'HTTP 500', httpStatus: 500 };

describe('relay health', () => {
  it('gives up on a relay after 20 consecutive auth failures, whatever the rate setting', () => {
    const health = createRelayHealth({ maxErrorRate: undefined, minSamples: 20, consecutiveAuthFailures: 20 });
    for (let index = 0; index < 19; index++) health.record('a', auth);
    expect(health.downReason('a')).toBeUndefined();
    health.record('a', auth);
    expect(health.downReason('a')).toMatch(/20 consecutive auth failures .*bad key.*fix the key and resume/);
    expect(health.downReason('b')).toBeUndefined();
  });

  it('resets the streak on any other outcome', () => {
    const health = createRelayHealth({ maxErrorRate: undefined, minSamples: 20, consecutiveAuthFailures: 3 });
    health.record('a', auth);
    health.record('a', auth);
    health.record('a', undefined);
    health.record('a', auth);
    expect(health.downReason('a')).toBeUndefined();
  });

  it('applies --max-error-rate only after minSamples jobs', () => {
    const health = createRelayHealth({ maxErrorRate: 0.5, minSamples: 10, consecutiveAuthFailures: 20 });
    for (let index = 0; index < 9; index++) health.record('a', server);
    expect(health.downReason('a')).toBeUndefined();
    health.record('a', server);
    expect(health.downReason('a')).toMatch(/error rate 1\.00 over 10 jobs exceeded --max-error-rate 0\.5/);
  });

  it('does not count our own aborts against the relay', () => {
    const health = createRelayHealth({ maxErrorRate: 0, minSamples: 1, consecutiveAuthFailures: 1 });
    health.record('a', { ...server, kind: 'aborted' });
    expect(health.downReason('a')).toBeUndefined();
  });
});
