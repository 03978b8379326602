import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/**
 * Each relay's documented request (test/fixtures/seed-requests/*.json) is reproduced by a suite
 * (test/fixtures/seed-requests/suites/*.yaml): `relaybench run` sends it to a local server,
 * which keeps the bytes; the parsed body must equal the fixture, and the URL, query and headers
 * the relay's documented endpoint and auth.
 */
const SEEDS = fileURLToPath(new URL('../fixtures/seed-requests/', import.meta.url));
const KEY = 'sk-seed-0123456789';

interface Captured {
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: string;
}

let server: Server;
let baseUrl: string;
const captured: Captured[] = [];

const ANSWER = { candidates: [{ content: { parts: [{ text: '499500' }], role: 'model' }, finishReason: 'STOP' }], modelVersion: 'gemini-2.5-pro' };

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (data: Buffer) => (body += data.toString()));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      captured.push({ path: url.pathname, query: Object.fromEntries(url.searchParams), headers: request.headers, body });
      if (url.searchParams.get('alt') === 'sse') {
        response.writeHead(200, { 'content-type': 'text/event-stream' }).end(`data: ${JSON.stringify(ANSWER)}\r\n\r\n`);
      } else {
        response.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' }).end(`[${JSON.stringify(ANSWER)}\n]`);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Runs the seed suite of `relay` through the CLI and returns what the server received. */
async function send(relay: string): Promise<Captured> {
  const out = join(mkdtempSync(join(tmpdir(), `relaybench-seed-${relay}-`)), 'out');
  const before = captured.length;
  const result = await runCli(['run', join(SEEDS, 'suites', `${relay}.yaml`), '--out', out], {
    env: { SEED_BASE_URL: baseUrl, SEED_API_KEY: KEY },
  });
  expect(result.stderr).not.toContain('Error');
  expect(result.code).toBe(0);
  const rows = parse(readFileSync(join(out, 'requests.csv')), { columns: true }) as Array<Record<string, string>>;
  expect(rows.map((row) => row.status)).toEqual(['ok']);
  const received = captured.slice(before);
  expect(received).toHaveLength(1);
  return received[0]!;
}

const fixture = (relay: string): unknown => JSON.parse(readFileSync(join(SEEDS, `${relay}.json`), 'utf8'));

/** The documented endpoint, past the test's per-relay path prefix. */
const pathOf = (relay: string, model: string): string => `/${relay}/v1beta/models/${model}:streamGenerateContent`;

describe('the relays’ documented requests, sent byte for byte', () => {
  it.each(['gptplus5', 'quickrouter', 'kkiai'])('%s: its example body, Bearer and ?key=, alt=sse', async (relay) => {
    const request = await send(relay);
    expect(JSON.parse(request.body)).toEqual(fixture(relay));
    expect(request.path).toBe(pathOf(relay, 'gemini-2.5-pro'));
    expect(request.query).toEqual({ alt: 'sse', key: KEY });
    expect(request.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers).not.toHaveProperty('x-goog-api-key');
  });

  it('gptproto: its snake_case example exactly (stream: false and its nulls via body:), ?key= only, JSON-array framing', async () => {
    const request = await send('gptproto');
    // Compared exactly, the null-valued fields included: the suite sends them through body:.
    expect(JSON.parse(request.body)).toEqual(fixture('gptproto'));
    // The page's URL leaves the model segment empty: the model is named in the body only.
    expect(request.path).toBe(pathOf('gptproto', ''));
    expect(request.query).toEqual({ key: KEY });
    expect(request.headers).not.toHaveProperty('authorization');
    expect(request.headers).not.toHaveProperty('x-goog-api-key');
  });

  it('apigo: its template with every placeholder filled, x-goog-api-key, alt=sse', async () => {
    const request = await send('apigo');
    const sent: unknown = JSON.parse(request.body);
    expect(sent).toEqual(fillPlaceholders(fixture('apigo'), sent));
    expect(request.path).toBe(pathOf('apigo', 'gemini-2.5-flash'));
    expect(request.query).toEqual({ alt: 'sse' });
    expect(request.headers['x-goog-api-key']).toBe(KEY);
    expect(request.headers).not.toHaveProperty('authorization');
  });
});

/**
 * apigo's page shows a template: `"<string>"` stands for any non-empty text and `123` for any
 * number. Returns the template with each placeholder replaced by the value `actual` has at the
 * same place when that value has the placeholder's type; everything else is kept, so a missing,
 * extra or different field still fails the comparison.
 */
function fillPlaceholders(template: unknown, actual: unknown): unknown {
  if (template === '<string>') return typeof actual === 'string' && actual !== '' ? actual : template;
  if (template === 123) return typeof actual === 'number' ? actual : template;
  if (Array.isArray(template)) {
    return template.map((item, index) => fillPlaceholders(item, Array.isArray(actual) ? actual[index] : undefined));
  }
  if (template !== null && typeof template === 'object') {
    const actualObject = actual !== null && typeof actual === 'object' ? (actual as Record<string, unknown>) : {};
    return Object.fromEntries(Object.entries(template).map(([key, value]) => [key, fillPlaceholders(value, actualObject[key])]));
  }
  return template;
}
