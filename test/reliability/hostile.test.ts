import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';

/**
 * A table of hostile relay behaviours, each served by a local route, and the row each must become.
 * The whole table runs through the real CLI in one suite: none of them may crash the run.
 */
type Behaviour = (request: IncomingMessage, response: ServerResponse) => void;

const chunk = (text: string, extra: Record<string, unknown> = {}): string =>
  `data: ${JSON.stringify({ candidates: [{ content: { parts: [{ text }], role: 'model' }, index: 0, ...extra }], usageMetadata: { promptTokenCount: 5, candidatesTokenCount: 2, totalTokenCount: 7 }, modelVersion: 'gemini-2.5-flash', responseId: 'r1' })}\r\n\r\n`;

const sse = (response: ServerResponse, status = 200, contentType = 'text/event-stream'): void => {
  response.writeHead(status, { 'content-type': contentType });
  response.flushHeaders();
};

interface Case {
  name: string;
  behaviour: Behaviour;
  /** Relay overrides for this case (YAML flow mapping body). */
  relay?: string;
  expectRow: Record<string, string | RegExp>;
}

const CASES: Case[] = [
  {
    name: 'html-200',
    behaviour: (_q, r) => (sse(r, 200, 'text/html'), r.end('<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>')),
    expectRow: { status: 'error', error_kind: 'stream', error_message: /502 Bad Gateway/ },
  },
  {
    name: 'invalid-json-event',
    behaviour: (_q, r) => (sse(r), r.write('data: {"candidates": [\r\n\r\n'), r.end(chunk('42'))),
    expectRow: { status: 'error', error_kind: 'stream', error_message: /invalid-json/, chunks: '1' },
  },
  {
    name: 'wrong-content-type',
    behaviour: (_q, r) => (sse(r, 200, 'text/plain'), r.end(chunk('42', { finishReason: 'STOP' }))),
    expectRow: { status: 'ok', answer: '42', pass: 'true' },
  },
  {
    name: 'no-candidates',
    behaviour: (_q, r) => (sse(r), r.end('data: {"usageMetadata":{"promptTokenCount":5,"totalTokenCount":5},"modelVersion":"gemini-2.5-flash"}\r\n\r\n')),
    expectRow: { status: 'ok', answer: '', pass: 'false', chunks: '1', prompt_tokens: '5' },
  },
  {
    name: 'unknown-enum-and-fields',
    behaviour: (_q, r) => (sse(r), r.end(chunk('42', { finishReason: 'SOMETHING_NEW', brandNewField: { x: 1 } }))),
    expectRow: { status: 'ok', finish_reason: 'SOMETHING_NEW', pass: 'true' },
  },
  {
    name: 'endless-body',
    relay: 'maxBodyBytes: 100000',
    behaviour: (_q, r) => {
      sse(r);
      const timer = setInterval(() => r.write(chunk('x'.repeat(2000))), 1);
      r.on('close', () => clearInterval(timer));
    },
    expectRow: { status: 'error', error_kind: 'stream', error_message: /exceeded 100000 bytes/ },
  },
  {
    name: 'openai-shaped-401',
    behaviour: (_q, r) => (
      r.writeHead(401, { 'content-type': 'application/json' }), r.end('{"error":{"message":"Incorrect API key provided","type":"invalid_request_error","code":"invalid_api_key"}}')
    ),
    expectRow: { status: 'error', error_kind: 'http', http_status: '401', error_message: /Incorrect API key provided/, attempts: '1' },
  },
  {
    name: 'bare-error-after-200',
    behaviour: (_q, r) => (sse(r), r.write(chunk('4')), r.end('{"error":{"code":503,"message":"overloaded","status":"UNAVAILABLE"}}')),
    expectRow: { status: 'error', error_kind: 'stream', error_message: /503 UNAVAILABLE: overloaded/ },
  },
  {
    name: 'no-headers',
    relay: 'timeouts: { firstByteMs: 300 }, retry: { max: 0 }',
    behaviour: () => undefined,
    expectRow: { status: 'error', error_kind: 'timeout', error_message: /firstByteMs/ },
  },
  {
    name: 'stall-mid-stream',
    relay: 'timeouts: { idleMs: 300 }',
    behaviour: (_q, r) => (sse(r), r.write(chunk('4'))),
    expectRow: { status: 'error', error_kind: 'timeout', error_message: /idleMs.*not retried/, attempts: '1' },
  },
  {
    name: 'slow-drip',
    relay: 'timeouts: { totalMs: 500, idleMs: 5000 }, retry: { max: 0 }',
    behaviour: (_q, r) => {
      sse(r);
      const timer = setInterval(() => r.write(chunk('4')), 100);
      r.on('close', () => clearInterval(timer));
    },
    expectRow: { status: 'error', error_kind: 'timeout', error_message: /totalMs/ },
  },
  {
    name: 'blocked',
    behaviour: (_q, r) => (sse(r), r.end('data: {"promptFeedback": {"blockReason": "SAFETY"}}\r\n\r\n')),
    expectRow: { status: 'error', error_kind: 'blocked', block_reason: 'SAFETY', pass: '' },
  },
  { name: 'empty-200', behaviour: (_q, r) => (sse(r), r.end()), expectRow: { status: 'error', error_kind: 'stream', error_message: /empty/ } },
  {
    name: 'truncated-array',
    relay: 'stream: json-array',
    behaviour: (_q, r) => (sse(r, 200, 'application/json'), r.end('[{"candidates": [{"content": {"parts": [{"text": "4')),
    expectRow: { status: 'error', error_kind: 'stream', error_message: /truncated/ },
  },
  { name: 'dropped-connection', relay: 'retry: { max: 0 }', behaviour: (request) => request.socket.destroy(), expectRow: { status: 'error', error_kind: 'connection' } },
  // CSV formula injection (OWASP): relay text reaches requests.csv neutralised by one apostrophe, NUL bytes as U+FFFD.
  {
    name: 'formula-answer',
    behaviour: (_q, r) => (sse(r), r.end(chunk('=HYPERLINK("http://attacker.example","x")\u0000', { finishReason: '@STOP' }))),
    expectRow: { status: 'ok', answer: `'=HYPERLINK("http://attacker.example","x")\uFFFD`, finish_reason: "'@STOP" },
  },
  {
    name: 'formula-error',
    behaviour: (_q, r) => (
      r.writeHead(400, { 'content-type': 'application/json' }), r.end('{"error":{"code":400,"message":"x","status":"INVALID_ARGUMENT"}}'.replace('"x"', '"=cmd|\' /C calc\'!A0"'))
    ),
    expectRow: { status: 'error', http_status: '400', error_message: /^'?[^=+@-].*=cmd\|/ },
  },
  { name: 'retry-then-ok', behaviour: retryThenOk(), expectRow: { status: 'ok', attempts: '2', pass: 'true', http_status: '200' } },
];

/** 503 with Retry-After: 0 on the first attempt, a good answer on the second. */
function retryThenOk(): Behaviour {
  let calls = 0;
  return (_request, response) => {
    calls += 1;
    if (calls === 1) {
      response.writeHead(503, { 'content-type': 'application/json', 'retry-after': '0' });
      response.end('{"error":{"code":503,"message":"try again","status":"UNAVAILABLE"}}');
      return;
    }
    sse(response);
    response.end(chunk('42', { finishReason: 'STOP' }));
  };
}

let server: Server;
let result: CliResult;
let rows: Array<Record<string, string>>;

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const name = request.url?.split('/')[1] ?? '';
      CASES.find((entry) => entry.name === name)?.behaviour(request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // A closed port: bind, note it, close.
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const closedPort = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));

  const folder = mkdtempSync(join(tmpdir(), 'relaybench-hostile-'));
  const relays = CASES.map(
    (entry) => `  - { name: ${entry.name}, baseUrl: "http://127.0.0.1:${port}/${entry.name}", apiKey: hostile-key-1234${entry.relay ? `, ${entry.relay}` : ''} }`,
  );
  relays.push(`  - { name: refused, baseUrl: "http://127.0.0.1:${closedPort}", apiKey: hostile-key-1234, retry: { max: 0 } }`);
  writeFileSync(
    join(folder, 'suite.yaml'),
    `name: hostile\nmodel: gemini-2.5-flash\nconcurrency: 32\nrelays:\n${relays.join('\n')}\ncases:\n  - { id: q, prompt: "6*7?", expect: { number: 42 } }\n`,
  );
  result = await runCli(['run', join(folder, 'suite.yaml'), '--out', join(folder, 'out')]);
  rows = parse(readFileSync(join(folder, 'out', 'requests.csv')), { columns: true }) as Array<Record<string, string>>;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('hostile relays become rows, never crashes', () => {
  it('finishes the run with one row per relay', () => {
    expect(result.code).toBe(0);
    expect(rows).toHaveLength(CASES.length + 1);
  });

  for (const entry of [...CASES, { name: 'refused', expectRow: { status: 'error', error_kind: 'connection', error_message: /ECONNREFUSED/ } }]) {
    it(`${entry.name} → ${JSON.stringify(entry.expectRow, (_key, value: unknown) => (value instanceof RegExp ? value.source : value))}`, () => {
      const row = rows.find((candidate) => candidate.relay === entry.name);
      expect(row).toBeDefined();
      for (const [column, expected] of Object.entries(entry.expectRow)) {
        if (expected instanceof RegExp) expect(row?.[column]).toMatch(expected);
        else expect(row?.[column]).toBe(expected);
      }
    });
  }
});
