import { describe, expect, it } from 'vitest';
import { decodeInPieces, decodeText, randomCuts } from './harness.js';
import { GOOD_CHUNK, GOOGLE_429, GOOGLE_429_INFO, SECOND_CHUNK } from './samples.js';

describe('errors sent after status 200', () => {
  it.each([
    ['one-line', JSON.stringify(GOOGLE_429)],
    ['pretty-printed', JSON.stringify(GOOGLE_429, null, 2)],
    ['pretty-printed with CRLF', JSON.stringify(GOOGLE_429, null, 2).replaceAll('\n', '\r\n')],
  ])('reads a bare %s Google error as a google-shaped error item', (_label, body) => {
    for (const framing of ['sse', 'json-array'] as const) {
      expect(decodeText(`${body}\n`, framing)).toEqual({ items: [{ type: 'error', error: GOOGLE_429_INFO }], problems: [] });
    }
  });

  it('reads the array framing of a Google error', () => {
    const body = `[${JSON.stringify(GOOGLE_429, null, 2)}\n]`;
    expect(decodeText(body, 'json-array')).toEqual({ items: [{ type: 'error', error: GOOGLE_429_INFO }], problems: [] });
  });

  it('parses fractional RetryInfo delays', () => {
    const body = JSON.stringify({
      error: {
        code: 503,
        message: 'The model is overloaded.',
        status: 'UNAVAILABLE',
        details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '1.5s' }],
      },
    });
    expect(decodeText(body).items).toEqual([
      {
        type: 'error',
        error: { shape: 'google', httpCode: 503, status: 'UNAVAILABLE', message: 'The model is overloaded.', retryAfterMs: 1500 },
      },
    ]);
  });

  it('keeps the chunks before an error event in the middle of an SSE stream, in order', () => {
    const body = `data: ${GOOD_CHUNK}\r\n\r\ndata: ${SECOND_CHUNK}\r\n\r\n` + `data: ${JSON.stringify(GOOGLE_429)}\r\n\r\n`;
    const outcome = decodeText(body);
    expect(outcome.problems).toEqual([]);
    expect(outcome.items.map((item) => item.type)).toEqual(['chunk', 'chunk', 'error']);
    expect(outcome.items[2]).toEqual({ type: 'error', error: GOOGLE_429_INFO });
  });

  it('collects a pretty-printed error that arrives without data: after good events', () => {
    const body = `data: ${GOOD_CHUNK}\r\n\r\n${JSON.stringify(GOOGLE_429, null, 2)}\n`;
    const bytes = new TextEncoder().encode(body);
    for (const cuts of [[], randomCuts(bytes, 3), randomCuts(bytes, 4)]) {
      const outcome = decodeInPieces(bytes, 'sse', cuts);
      expect(outcome.problems).toEqual([]);
      expect(outcome.items).toEqual([
        { type: 'chunk', chunk: JSON.parse(GOOD_CHUNK) },
        { type: 'error', error: GOOGLE_429_INFO },
      ]);
    }
  });

  it('hands on non-SSE lines at the next event, before that event', () => {
    const body = `data: ${GOOD_CHUNK}\n\nupstream hiccup\n\ndata: ${SECOND_CHUNK}\n\n`;
    expect(decodeText(body).items).toEqual([
      { type: 'chunk', chunk: JSON.parse(GOOD_CHUNK) },
      { type: 'error', error: { shape: 'text', message: 'upstream hiccup' } },
      { type: 'chunk', chunk: JSON.parse(SECOND_CHUNK) },
    ]);
  });
});

describe('bodies that are not Gemini at all', () => {
  it('reports an HTML page as a problem and an error item titled from the page', () => {
    const page = '\n<!DOCTYPE html>\r\n<html><head><title>502 Bad Gateway &amp; friends</title></head>' + '<body><h1>Bad Gateway</h1></body></html>';
    const outcome = decodeText(page);
    expect(outcome.items).toEqual([{ type: 'error', error: { shape: 'html', message: '502 Bad Gateway & friends' } }]);
    expect(outcome.problems).toEqual([{ kind: 'html', message: 'the relay answered with an HTML page', sample: page.trim() }]);
  });

  it('uses the first visible text of an HTML page without a title', () => {
    const page = '<html><head><style>h1{color:red}</style></head><body>\n  <h1>Access denied</h1> <p>Error 1020</p></body></html>';
    expect(decodeText(page, 'json-array').items).toEqual([{ type: 'error', error: { shape: 'html', message: 'Access denied Error 1020' } }]);
  });

  const GOOGLE_503 = { error: { code: 503, message: 'This model is currently experiencing high demand.', status: 'UNAVAILABLE' } };
  const WRAPPED_INFO = { shape: 'google-wrapped', httpCode: 503, status: 'UNAVAILABLE', message: 'This model is currently experiencing high demand.' };
  it.each<[string, unknown, Record<string, unknown>]>([
    ['Google', GOOGLE_503, { shape: 'google', httpCode: 503, status: 'UNAVAILABLE', message: 'This model is currently experiencing high demand.' }],
    [
      'Google, status DEADLINE_EXCEEDED',
      { error: { code: 504, message: 'Deadline expired before operation could complete.', status: 'DEADLINE_EXCEEDED' } },
      { shape: 'google', httpCode: 504, status: 'DEADLINE_EXCEEDED' },
    ],
    // gemini-cli #15745: Google's error serialised as a string inside another envelope.
    ['Google wrapped as a pretty-printed string', { error: { message: `${JSON.stringify(GOOGLE_503, null, 2)}\n`, code: 503, status: 'Service Unavailable' } }, WRAPPED_INFO],
    ['Google wrapped after a prefix', { error: { message: `got status: UNAVAILABLE. ${JSON.stringify(GOOGLE_503)}`, code: 500 } }, WRAPPED_INFO],
    ['Google wrapped in {error: string}', { error: JSON.stringify(GOOGLE_503) }, WRAPPED_INFO],
    ['Google wrapped in {message}', { message: JSON.stringify([GOOGLE_503]) }, WRAPPED_INFO],
    ['Google wrapped in {detail}', { detail: `upstream: ${JSON.stringify(GOOGLE_503)}` }, WRAPPED_INFO],
    ['Google wrapped twice', { error: { message: JSON.stringify({ error: { message: JSON.stringify(GOOGLE_503), code: 503 } }), type: 'upstream_error' } }, WRAPPED_INFO],
    // Type checks that only looked at the type of status took these for Google's.
    [
      'status not canonical',
      { error: { code: 503, message: 'busy', status: 'Service Unavailable' } },
      { shape: 'google-lookalike', httpCode: 503, status: 'Service Unavailable', message: 'busy' },
    ],
    ['status lower-case', { error: { code: 429, message: 'quota', status: 'resource_exhausted' } }, { shape: 'google-lookalike', httpCode: 429 }],
    ['code as a string', { error: { code: '503', message: 'busy', status: 'UNAVAILABLE' } }, { shape: 'google-lookalike', httpCode: 503, status: 'UNAVAILABLE' }],
    ['message missing', { error: { code: 503, status: 'UNAVAILABLE' } }, { shape: 'google-lookalike', httpCode: 503 }],
    [
      'OpenAI',
      { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } },
      { shape: 'openai', status: 'invalid_request_error', message: 'Incorrect API key provided.' },
    ],
    [
      'new-api',
      { error: { message: 'No available channel for model gemini-2.5-pro under group default', type: 'new_api_error', param: '', code: 'model_not_found' } },
      { shape: 'openai', status: 'new_api_error', message: 'No available channel for model gemini-2.5-pro under group default' },
    ],
    ['one-api', { error: { message: '当前分组上游负载已饱和，请稍后再试', type: 'one_api_error', param: '', code: null } }, { shape: 'openai', status: 'one_api_error' }],
    // gemini-balance #327
    [
      '{error: {code, message}}',
      { error: { code: 'http_error', message: 'Internal server error during gemini_generate_content' } },
      { shape: 'error-code-message', status: 'http_error', message: 'Internal server error during gemini_generate_content' },
    ],
    ['{error: {code: number, message}}', { error: { code: 429, message: 'Too many requests' } }, { shape: 'error-code-message', httpCode: 429, message: 'Too many requests' }],
    ['{error: string}', { error: 'model not found' }, { shape: 'error-string', message: 'model not found' }],
    ['{error: {message}}', { error: { message: 'upstream failed' } }, { shape: 'other-json', message: 'upstream failed' }],
    ['{detail}', { detail: 'Not authenticated' }, { shape: 'fastapi-detail', message: 'Not authenticated' }],
    ['{detail: [...]}', { detail: [{ loc: ['body'], msg: 'field required' }] }, { shape: 'fastapi-detail', message: '[{"loc":["body"],"msg":"field required"}]' }],
    ['{message}', { message: 'quota exceeded' }, { shape: 'flat-message', message: 'quota exceeded' }],
    ['{code, msg}', { code: 401, msg: 'invalid token' }, { shape: 'flat-message', httpCode: 401, message: 'invalid token' }],
    ['{success: false, message}', { success: false, message: '无可用渠道' }, { shape: 'flat-message', message: '无可用渠道' }],
    // opik #1138: Google's fields without the envelope.
    [
      '{code, message, details}',
      { code: 429, message: 'Resource has been exhausted (e.g. check quota).', details: 'RESOURCE_EXHAUSTED' },
      { shape: 'flat-message', httpCode: 429, status: 'RESOURCE_EXHAUSTED' },
    ],
    [
      '{code, message, status}',
      { code: 503, message: 'overloaded', status: 'UNAVAILABLE' },
      { shape: 'google-unenveloped', httpCode: 503, status: 'UNAVAILABLE', message: 'overloaded' },
    ],
  ])('names a %s error body, bare, in SSE data: and in an array', (_label, body, expected) => {
    const json = JSON.stringify(body);
    for (const text of [json, JSON.stringify(body, null, 2), `data: ${json}\r\n\r\n`, `[${json}]`]) {
      const outcome = decodeText(text);
      expect(outcome.problems).toEqual([]);
      expect(outcome.items).toHaveLength(1);
      expect(outcome.items[0]).toMatchObject({ type: 'error', error: expected });
    }
  });

  it.each([
    ['plain text', 'Service Unavailable', { shape: 'text', message: 'Service Unavailable' }],
    [
      'text quoting Google',
      `upstream error: ${JSON.stringify({ error: { code: 429, message: 'Quota exceeded.', status: 'RESOURCE_EXHAUSTED' } })}`,
      { shape: 'google-wrapped', httpCode: 429, status: 'RESOURCE_EXHAUSTED', message: 'Quota exceeded.' },
    ],
    ['binary bytes', '\u001f\uFFFD\b\u0000\uFFFD\uFFFDxyz', { shape: 'text', message: '<15 bytes of binary data>' }],
  ])('names a %s body', (_label, body, expected) => {
    expect(decodeText(body).items).toEqual([{ type: 'error', error: expected }]);
  });

  it('reads a plain-text body as a text error', () => {
    expect(decodeText('Service Unavailable\r\nplease retry later')).toEqual({
      items: [{ type: 'error', error: { shape: 'text', message: 'Service Unavailable\nplease retry later' } }],
      problems: [],
    });
  });

  it('reports an empty or blank body as truncated, with nothing decoded', () => {
    for (const body of ['', ' \r\n\r\n']) {
      for (const framing of ['sse', 'json-array'] as const) {
        const outcome = decodeText(body, framing);
        expect(outcome.items).toEqual([]);
        expect(outcome.problems).toEqual([{ kind: 'truncated', message: `empty body where ${framing} was expected`, sample: '' }]);
      }
    }
  });
});
