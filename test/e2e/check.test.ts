import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';

/**
 * `relaybench check` against one emulated relay and a local server whose paths play the ways a
 * relay is misconfigured, plus a closed port and a name that does not resolve (`.invalid`, RFC 6761).
 */
const GOOD_KEY = 'good-key-1234567890';
const BAD_KEY = 'wrong-key-0987654321';
let server: Server;
let base: string;
let closedPort: number;

const sse = (chunk: unknown): string => `data: ${JSON.stringify(chunk)}\r\n\r\n`;
const text = (value: string): unknown => ({ candidates: [{ content: { role: 'model', parts: [{ text: value }] } }], modelVersion: 'gemini-2.5-flash' });

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    const path = request.url ?? '';
    const key = request.headers['x-goog-api-key'];
    if (path.startsWith('/good/')) {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(sse(text('4')));
      setTimeout(() => response.end(sse({ ...(text('2') as object), usageMetadata: { promptTokenCount: 3, candidatesTokenCount: 2, totalTokenCount: 5 } })), 30);
    } else if (path.startsWith('/key/') && key !== GOOD_KEY) {
      // A relay that echoes the key it got: the table must not show it.
      response.writeHead(403, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 403, status: 'PERMISSION_DENIED', message: `API key ${String(key)} not valid. Please pass a valid API key.` } }));
    } else if (path.startsWith('/hang/')) {
      // Accepts the request and never answers.
    } else if (path.startsWith('/nokey/')) {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: 'Invalid token (request id: 2025)', type: 'new_api_error' } }));
    } else if (path.startsWith('/google400/')) {
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 400, status: 'INVALID_ARGUMENT', message: 'API key not valid. Please pass a valid API key.' } }));
    } else if (path.startsWith('/nomodel/')) {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 404, status: 'NOT_FOUND', message: 'models/gemini-2.5-flash is not found for API version v1beta' } }));
    } else if (path.startsWith('/html/')) {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!DOCTYPE html><html><head><title>Sign in</title></head><body>Please sign in</body></html>');
    } else if (path.startsWith('/framing/')) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion', choices: [{ message: { content: '42' } }] }));
    } else {
      response.writeHead(500).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  closedPort = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function suiteWith(relays: string[]): { folder: string; file: string } {
  const folder = mkdtempSync(join(tmpdir(), 'relaybench-check-'));
  const file = join(folder, 'suite.yaml');
  writeFileSync(
    file,
    `name: check\nmodel: gemini-2.5-flash\nthinkingBudgets: [1024, 0, -1]\nrelays:\n${relays.map((relay) => `  - ${relay}\n`).join('')}cases:\n  - { id: q, prompt: "6*7?", expect: { number: 42 } }\n`,
  );
  return { folder, file };
}

/** The table line of a relay, split on runs of two or more spaces. */
function lineOf(result: CliResult, relay: string): string[] {
  const line = result.stdout.split('\n').find((candidate) => candidate.startsWith(`${relay} `));
  if (line === undefined) throw new Error(`no line for ${relay} in:\n${result.stdout}`);
  return line.trim().split(/\s{2,}/);
}

function diagnosisOf(result: CliResult, relay: string): string {
  return result.stdout.split('\n').find((line) => line.startsWith(`  ${relay}: `)) ?? '';
}

describe('relaybench check', () => {
  it('exits 0 when every relay answers, and writes nothing', async () => {
    const { folder, file } = suiteWith([`{ name: good, baseUrl: "${base}/good", apiKey: ${GOOD_KEY} }`, '{ name: emulated, emulator: honest }']);
    const result = await runCli(['check', file], { cwd: folder });
    expect(result.stderr).not.toContain('Error');
    expect(result.code).toBe(0);
    expect(lineOf(result, 'good')).toEqual(['good', 'yes', '200', 'yes', 'gemini-2.5-flash', 'yes (2 chunks)', expect.stringMatching(/^\d+$/), 'OK']);
    expect(lineOf(result, 'emulated').slice(0, 5)).toEqual(['emulated', 'yes', '200', 'yes', 'gemini-2.5-flash']);
    expect(result.stdout).toContain('All 2 relays answered.');
    expect(readdirSync(folder)).toEqual(['suite.yaml']);
    expect(existsSync(join(folder, 'results'))).toBe(false);
  });

  it('exits 1 and names the cause of each failure, keys redacted', async () => {
    const { folder, file } = suiteWith([
      `{ name: good, baseUrl: "${base}/good", apiKey: ${GOOD_KEY} }`,
      `{ name: bad-key, baseUrl: "${base}/key", apiKey: ${BAD_KEY} }`,
      `{ name: google-400, baseUrl: "${base}/google400", apiKey: ${BAD_KEY} }`,
      `{ name: relay-401, baseUrl: "${base}/nokey", apiKey: ${BAD_KEY} }`,
      `{ name: hung, baseUrl: "${base}/hang", apiKey: ${GOOD_KEY}, timeouts: { firstByteMs: 300 } }`,
      `{ name: no-model, baseUrl: "${base}/nomodel", apiKey: ${GOOD_KEY} }`,
      `{ name: html-page, baseUrl: "${base}/html", apiKey: ${GOOD_KEY} }`,
      `{ name: openai-shape, baseUrl: "${base}/framing", apiKey: ${GOOD_KEY} }`,
      `{ name: refused, baseUrl: "http://127.0.0.1:${closedPort}", apiKey: ${GOOD_KEY} }`,
      `{ name: no-dns, baseUrl: "http://relaybench-check.invalid", apiKey: ${GOOD_KEY} }`,
    ]);
    const result = await runCli(['check', file], { cwd: folder });
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).not.toContain(BAD_KEY);
    expect(result.stdout + result.stderr).not.toContain(GOOD_KEY);
    expect(lineOf(result, 'good').at(-1)).toBe('OK');
    const expected: Array<[string, string[], RegExp]> = [
      ['bad-key', ['yes', '403', 'no', 'no', '-', '-', 'FAIL'], /key rejected \(HTTP 403\): "API key \[REDACTED\] not valid/],
      ['google-400', ['yes', '400', 'no', 'no', '-', '-', 'FAIL'], /key rejected \(HTTP 400\): "API key not valid/],
      ['relay-401', ['yes', '401', 'no', 'no', '-', '-', 'FAIL'], /key rejected \(HTTP 401\): ".*Invalid token \(request id: 2025\)/],
      ['hung', ['yes', '-', '?', 'no', '-', '-', 'FAIL'], /connected, but no response headers within timeouts\.firstByteMs/],
      ['no-model', ['yes', '404', '?', 'no', '-', '-', 'FAIL'], /model or path not found \(HTTP 404\) for gemini-2\.5-flash: "models\/gemini-2\.5-flash is not found/],
      ['html-page', ['yes', '200', 'yes', 'no', '-', '-', 'FAIL'], /HTML page/],
      ['openai-shape', ['yes', '200', 'yes', 'no', '-', '-', 'FAIL'], /wrong framing: the body is not a Gemini stream/],
      ['refused', ['no', '-', '?', 'no', '-', '-', 'FAIL'], /connection refused \(ECONNREFUSED\)/],
      ['no-dns', ['no', '-', '?', 'no', '-', '-', 'FAIL'], /DNS: the host name was not found \(ENOTFOUND\)/],
    ];
    for (const [relay, cells, diagnosis] of expected) {
      expect(lineOf(result, relay).slice(1), relay).toEqual(cells);
      expect(diagnosisOf(result, relay), relay).toMatch(diagnosis);
    }
    expect(result.stdout).toContain('9 of 10 relays did not answer');
    expect(readdirSync(folder)).toEqual(['suite.yaml']);
  });

  it('--relay checks only those relays; an unknown one is exit 2, nothing sent', async () => {
    const { folder, file } = suiteWith([
      `{ name: good, baseUrl: "${base}/good", apiKey: ${GOOD_KEY} }`,
      `{ name: refused, baseUrl: "http://127.0.0.1:${closedPort}", apiKey: ${GOOD_KEY} }`,
    ]);
    const only = await runCli(['check', file, '--relay', 'good', '--thinking', '1024'], { cwd: folder });
    expect(only.code, only.stderr).toBe(0);
    expect(only.stdout).toContain('The relay answered.');
    expect(only.stdout).not.toContain('refused');
    const unknown = await runCli(['check', file, '--relay', 'goood'], { cwd: folder });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--relay: got "goood"; expected one of good, refused (Did you mean "good"?)');
  });

  it('a broken suite is exit 2 with file:line:col, nothing sent', async () => {
    const { folder, file } = suiteWith([`{ name: good, baseUrl: "${base}/good", apiKey: ${GOOD_KEY}, timeoutz: 3 }`]);
    const result = await runCli(['check', file], { cwd: folder });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/suite\.yaml:5:\d+/);
  });
});
