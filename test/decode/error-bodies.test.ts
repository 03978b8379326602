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
    const body =
      `data: ${GOOD_CHUNK}\r\n\r\ndata: ${SECOND_CHUNK}\r\n\r\n` +
      `data: ${JSON.stringify(GOOGLE_429)}\r\n\r\n`;
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
    const page =
      '\n<!DOCTYPE html>\r\n<html><head><title>502 Bad Gateway &amp; friends</title></head>' +
      '<body><h1>Bad Gateway</h1></body></html>';
    const outcome = decodeText(page);
    expect(outcome.items).toEqual([{ type: 'error', error: { shape: 'html', message: '502 Bad Gateway & friends' } }]);
    expect(outcome.problems).toEqual([
      { kind: 'html', message: 'the relay answered with an HTML page', sample: page.trim() },
    ]);
  });

  it('uses the first visible text of an HTML page without a title', () => {
    const page = '<html><head><style>h1{color:red}</style></head><body>\n  <h1>Access denied</h1> <p>Error 1020</p></body></html>';
    expect(decodeText(page, 'json-array').items).toEqual([
      { type: 'error', error: { shape: 'html', message: 'Access denied Error 1020' } },
    ]);
  });

  it.each([
    [
      'OpenAI',
      { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key' } },
      { shape: 'foreign-json', status: 'invalid_request_error', message: 'Incorrect API key provided.' },
    ],
    ['{message}', { message: 'quota exceeded' }, { shape: 'foreign-json', message: 'quota exceeded' }],
    ['{detail}', { detail: 'Not authenticated' }, { shape: 'foreign-json', message: 'Not authenticated' }],
    [
      '{detail: [...]}',
      { detail: [{ loc: ['body'], msg: 'field required' }] },
      { shape: 'foreign-json', message: '[{"loc":["body"],"msg":"field required"}]' },
    ],
    ['{code, msg}', { code: 401, msg: 'invalid token' }, { shape: 'foreign-json', httpCode: 401, message: 'invalid token' }],
    ['{error: string}', { error: 'model not found' }, { shape: 'foreign-json', message: 'model not found' }],
  ])('reads a %s error body as foreign-json', (_label, body, expected) => {
    expect(decodeText(JSON.stringify(body))).toEqual({ items: [{ type: 'error', error: expected }], problems: [] });
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
        expect(outcome.problems).toEqual([
          { kind: 'truncated', message: `empty body where ${framing} was expected`, sample: '' },
        ]);
      }
    }
  });
});
