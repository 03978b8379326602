import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/**
 * Captures: raw bytes as received, per transport chunk with its arrival time, keys redacted even
 * when a relay echoes the key split across two chunks; `failed` keeps errors and one sample per
 * relay and thinking setting, `all` everything, `none` nothing.
 */
const ECHO_KEY = 'echo-secret-key-0123456789';
const DENY_KEY = 'deny-secret-key-9876543210';
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    const url = new URL(request.url ?? '/', 'http://x');
    if (url.pathname.startsWith('/deny/')) {
      response.writeHead(403, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 403, status: 'PERMISSION_DENIED', message: `key ${String(request.headers['x-goog-api-key'])} is blocked` } }));
      return;
    }
    const key = url.searchParams.get('key') ?? '';
    const event = `data: ${JSON.stringify({ candidates: [{ content: { parts: [{ text: `you sent ${key}; 42` }] } }], modelVersion: 'gemini-2.5-flash' })}\r\n\r\n`;
    const cut = event.indexOf(key) + 8;
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write(event.slice(0, cut));
    setTimeout(() => {
      response.write(event.slice(cut));
      setTimeout(
        () =>
          response.end(
            `data: ${JSON.stringify({ candidates: [{ content: { parts: [{ text: '' }] }, finishReason: 'STOP' }], usageMetadata: { promptTokenCount: 3, candidatesTokenCount: 4, totalTokenCount: 7 } })}\r\n\r\n`,
          ),
        30,
      );
    }, 30);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function suite(extra = ''): { folder: string; file: string } {
  const folder = mkdtempSync(join(tmpdir(), 'relaybench-capture-'));
  const file = join(folder, 'suite.yaml');
  writeFileSync(
    file,
    `name: cap\nmodel: gemini-2.5-flash\nthinkingBudgets: [0, 512]\nrepeats: 2\nretry: null\n${extra}relays:\n  - { name: echo, baseUrl: "${base}/echo", apiKey: ${ECHO_KEY}, auth: query }\n  - { name: deny, baseUrl: "${base}/deny", apiKey: ${DENY_KEY}, retry: { max: 0 } }\ncases:\n  - { id: q, prompt: "6*7?", expect: { contains: "42" } }\n`.replace(
      'retry: null\n',
      '',
    ),
  );
  return { folder, file };
}

type Line = Record<string, unknown>;
const capturesOf = (out: string): Map<string, Line[]> => {
  const folder = join(out, 'captures');
  if (!existsSync(folder)) return new Map();
  return new Map(
    readdirSync(folder).map((name) => [
      name,
      readFileSync(join(folder, name), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Line),
    ]),
  );
};
const allText = (out: string): string =>
  existsSync(join(out, 'captures'))
    ? readdirSync(join(out, 'captures'))
        .map((name) => readFileSync(join(out, 'captures', name), 'utf8'))
        .join('\n')
    : '';

describe('capture', () => {
  it('all: every row, chunk by chunk with arrival times, keys redacted even when echoed across a chunk boundary', async () => {
    const { folder, file } = suite();
    const out = join(folder, 'out');
    const result = await runCli(['run', file, '--out', out, '--capture', 'all']);
    expect(result.code, result.stderr).toBe(0);
    const captures = capturesOf(out);
    expect(captures.size).toBe(8);
    const text = allText(out);
    for (const secret of [ECHO_KEY, DENY_KEY, encodeURIComponent(ECHO_KEY)]) expect(text).not.toContain(secret);
    const echo = [...captures.values()].filter((lines) => lines[0]!.relay === 'echo');
    expect(echo).toHaveLength(4);
    for (const [header, ...chunks] of echo) {
      expect(header).toMatchObject({ format: 'relaybench-capture/1', http_status: 200, status: 'ok', content_type: 'text/event-stream' });
      expect(String(header!.url)).toMatch(/[?&]key=\[REDACTED\]/);
      // The key straddled the first boundary: those two chunks are joined; the last arrives apart, later.
      expect(chunks.length).toBeGreaterThanOrEqual(2);
      expect(chunks.map((chunk) => chunk.text).join('')).toContain('you sent [REDACTED]; 42');
      const times = chunks.map((chunk) => Number(chunk.at_ms));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(times.at(-1)!).toBeGreaterThan(times[0]!);
    }
    const deny = [...captures.values()].filter((lines) => lines[0]!.relay === 'deny');
    expect(deny.map((lines) => lines[0]!.status)).toEqual(['error', 'error', 'error', 'error']);
    expect(String(deny[0]![1]!.text)).toContain('key [REDACTED] is blocked');
    const manifest = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { capture: unknown };
    expect(manifest.capture).toEqual({ policy: 'all', files: 8 });
  });

  it('failed (the default): every error row, and one good sample per relay and thinking setting', async () => {
    const { folder, file } = suite();
    const out = join(folder, 'out');
    expect((await runCli(['run', file, '--out', out])).code).toBe(0);
    const headers = [...capturesOf(out).values()].map((lines) => lines[0]!);
    expect(headers.filter((header) => header.relay === 'deny')).toHaveLength(4);
    expect(
      headers
        .filter((header) => header.relay === 'echo')
        .map((header) => header.thinking)
        .sort(),
    ).toEqual(['budget 0', 'budget 512']);
    // The report links each relay's raw streams under its verdicts, errors first.
    const report = readFileSync(join(out, 'report.html'), 'utf8');
    const denyJob = String(headers.find((header) => header.relay === 'deny')!.job_id);
    expect(report).toContain(`href="captures/${denyJob}.jsonl"`);
  });

  it('none from the suite: no captures folder', async () => {
    const { folder, file } = suite('capture: none\n');
    const out = join(folder, 'out');
    expect((await runCli(['run', file, '--out', out])).code).toBe(0);
    expect(existsSync(join(out, 'captures'))).toBe(false);
  });

  it.each([
    ['a misspelt suite capture', 'capture: falied\n', [], /suite\.yaml:5:10/],
    ['a misspelt --capture', '', ['--capture', 'everything'], /--capture: got "everything"; expected none, failed or all/],
  ])('%s is exit 2, nothing sent', async (_name, extra, flags, message) => {
    const { folder, file } = suite(extra);
    const result = await runCli(['run', file, '--out', join(folder, 'out'), ...flags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(existsSync(join(folder, 'out'))).toBe(false);
  });
});
