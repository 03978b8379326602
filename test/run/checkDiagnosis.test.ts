import { describe, expect, it } from 'vitest';
import type { RequestFailure } from '../../src/client/types.js';
import { createMetricsFold } from '../../src/metrics/fold.js';
import type { RelayCheck } from '../../src/check/probe.js';
import { diagnoseCheck } from '../../src/check/diagnosis.js';
import { lowestThinking } from '../../src/plan/checkJob.js';

function failed(failure: Partial<RequestFailure> & Pick<RequestFailure, 'kind' | 'message'>, httpStatus?: number): RelayCheck {
  return {
    relay: 'r',
    origin: 'https://relay.example',
    model: 'gemini-2.5-flash',
    httpStatus,
    contentType: undefined,
    metrics: createMetricsFold(0).result(),
    chunkArrivals: 0,
    failure: { httpStatus, shape: 'none', midStream: false, ...failure },
  };
}

describe('diagnoseCheck', () => {
  const connection = (errorCode: string): RelayCheck => failed({ kind: 'connection', message: `connection: ${errorCode}: x`, errorCode });
  it.each<[string, RelayCheck, string, '?' | 'yes' | 'no', RegExp]>([
    ['DNS name not found', connection('ENOTFOUND'), 'no', '?', /^DNS: the host name was not found/],
    ['DNS server silent', connection('EAI_AGAIN'), 'no', '?', /^DNS: the name server did not answer/],
    ['refused', connection('ECONNREFUSED'), 'no', '?', /^connection refused/],
    ['reset', connection('ECONNRESET'), 'no', '?', /closed the connection/],
    ['unreachable network', connection('ENETUNREACH'), 'no', '?', /network is unreachable/],
    ['expired certificate', connection('CERT_HAS_EXPIRED'), 'no', '?', /^TLS: .*expired/],
    ['self-signed', connection('DEPTH_ZERO_SELF_SIGNED_CERT'), 'no', '?', /^TLS: .*self-signed/],
    ['wrong host name in certificate', connection('ERR_TLS_CERT_ALTNAME_INVALID'), 'no', '?', /^TLS: .*another host name/],
    ['https to a plain port', connection('ERR_SSL_WRONG_VERSION_NUMBER'), 'no', '?', /^TLS: .*did not speak TLS/],
    ['unknown code', connection('EWHATEVER'), 'no', '?', /^connection: EWHATEVER/],
    ['connect timeout', failed({ kind: 'timeout', timeout: 'connectMs', message: 't' }), 'no', '?', /no TCP\/TLS connection/],
    ['headers timeout', failed({ kind: 'timeout', timeout: 'firstByteMs', message: 't' }), 'yes', '?', /no response headers/],
    ['401', failed({ kind: 'http', message: 'HTTP 401 UNAUTHENTICATED: no key' }, 401), 'yes', 'no', /^key rejected \(HTTP 401\): "no key"/],
    ['403', failed({ kind: 'http', message: 'HTTP 403: forbidden' }, 403), 'yes', 'no', /^key rejected \(HTTP 403\): "forbidden"/],
    ['Google 400 bad key', failed({ kind: 'http', message: 'HTTP 400 INVALID_ARGUMENT: API key not valid.' }, 400), 'yes', 'no', /^key rejected \(HTTP 400\)/],
    ['400 other', failed({ kind: 'http', message: 'HTTP 400 INVALID_ARGUMENT: bad thinking budget' }, 400), 'yes', '?', /^HTTP 400: "bad thinking budget"/],
    ['404 model', failed({ kind: 'http', message: 'HTTP 404 NOT_FOUND: models/x is not found' }, 404), 'yes', '?', /^model or path not found \(HTTP 404\) for gemini-2\.5-flash/],
    ['404 HTML', failed({ kind: 'http', message: 'HTTP 404: <html>', shape: 'html' }, 404), 'yes', '?', /an HTML page, not the Gemini API/],
    ['429', failed({ kind: 'http', message: 'HTTP 429: slow down' }, 429), 'yes', '?', /^rate limited/],
    ['502', failed({ kind: 'http', message: 'HTTP 502: bad gateway' }, 502), 'yes', '?', /^the relay failed \(HTTP 502\)/],
    ['200 HTML', failed({ kind: 'stream', message: 'html: an HTML page', shape: 'html' }, 200), 'yes', 'yes', /HTML page instead of a stream/],
    ['200 garbage', failed({ kind: 'stream', message: 'invalid-json: Unexpected token' }, 200), 'yes', 'yes', /^wrong framing/],
    ['200 other API', failed({ kind: 'stream', message: 'error in stream after HTTP 200: {"choices":[]}', shape: 'foreign-json' }, 200), 'yes', 'yes', /^wrong framing/],
    [
      '200 Google error',
      failed({ kind: 'stream', message: 'error in stream after HTTP 200: 503 UNAVAILABLE overloaded', shape: 'google', relayErrorCode: 503 }, 200),
      'yes',
      'yes',
      /error inside its 200 stream/,
    ],
    ['blocked', failed({ kind: 'blocked', message: 'prompt blocked: SAFETY' }, 200), 'yes', 'yes', /refused this prompt/],
  ])('%s', (_name, check, reachable, keyAccepted, diagnosis) => {
    const verdict = diagnoseCheck(check);
    expect(verdict.answered).toBe(false);
    expect(verdict.reachable).toBe(reachable);
    expect(verdict.keyAccepted).toBe(keyAccepted);
    expect(verdict.diagnosis).toMatch(diagnosis);
  });

  it('an answer in several chunks at once is answered, with a buffering warning', () => {
    const metrics = { ...createMetricsFold(0).result(), chunks: 5, modelVersion: 'gemini-2.5-flash' };
    const check: RelayCheck = { ...failed({ kind: 'http', message: '' }, 200), failure: undefined, metrics, chunkArrivals: 1 };
    expect(diagnoseCheck(check)).toMatchObject({ answered: true, streamed: 'no (5 chunks at once)', diagnosis: expect.stringMatching(/^not streamed/) });
    expect(diagnoseCheck({ ...check, chunkArrivals: 3 })).toMatchObject({ answered: true, streamed: 'yes (5 chunks)', diagnosis: undefined });
    expect(diagnoseCheck({ ...check, metrics: { ...metrics, chunks: 1 }, chunkArrivals: 1 })).toMatchObject({ answered: true, streamed: '? (1 chunk)', diagnosis: undefined });
  });
});

describe('lowestThinking', () => {
  it.each([
    [
      [
        { kind: 'budget', budget: 1024 },
        { kind: 'budget', budget: 0 },
        { kind: 'budget', budget: -1 },
      ],
      { kind: 'budget', budget: 0 },
    ],
    [[{ kind: 'budget', budget: -1 }], { kind: 'budget', budget: -1 }],
    [
      [
        { kind: 'level', level: 'high' },
        { kind: 'level', level: 'low' },
      ],
      { kind: 'level', level: 'low' },
    ],
    [[{ kind: 'none' }], { kind: 'none' }],
  ] as const)('%j → %j', (settings, lowest) => {
    expect(lowestThinking(settings as never)).toEqual(lowest);
  });
});
