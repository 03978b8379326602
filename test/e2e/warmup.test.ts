import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/**
 * `warmup: N`: N requests per relay go first and are not counted. A local relay counts what it
 * receives and fails its first two requests (the warm-ups), so the run's rows are all good and
 * the warm-up's errors are reported on the console and in run.json.
 */
let server: Server;
let base: string;
const received: Record<string, number> = {};

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    const relay = (request.url ?? '').split('/')[1] ?? '?';
    received[relay] = (received[relay] ?? 0) + 1;
    if (relay === 'cold' && received[relay]! <= 2) {
      response.writeHead(503, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 503, status: 'UNAVAILABLE', message: 'warming up, key KEY-cold-12345 seen' } }));
      return;
    }
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.end(`data: ${JSON.stringify({ candidates: [{ content: { parts: [{ text: '42' }] }, finishReason: 'STOP' }], modelVersion: 'gemini-2.5-flash' })}\r\n\r\n`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function write(relays: string, extra = ''): { folder: string; file: string } {
  const folder = mkdtempSync(join(tmpdir(), 'relaybench-warmup-'));
  const file = join(folder, 'suite.yaml');
  writeFileSync(file, `name: warm\nmodel: gemini-2.5-flash\nrepeats: 3\n${extra}relays:\n${relays}cases:\n  - { id: q, prompt: "6*7?", expect: { number: 42 } }\n`);
  return { folder, file };
}

describe('warmup', () => {
  it('sends N requests per relay first, counts none of them, and reports their errors', async () => {
    const { folder, file } = write(
      `  - { name: cold, baseUrl: "${base}/cold", apiKey: KEY-cold-12345, warmup: 2 }\n  - { name: warm, baseUrl: "${base}/warm", apiKey: KEY-warm-12345 }\n  - { name: none, baseUrl: "${base}/none", apiKey: KEY-none-12345, warmup: 0 }\n`,
      'warmup: 1\n',
    );
    const result = await runCli(['run', file, '--out', join(folder, 'out')]);
    expect(result.code, result.stderr).toBe(0);
    // cold: its own 2, warm: the suite's 1, none: 0; then 3 measured each.
    expect(received).toEqual({ cold: 5, warm: 4, none: 3 });
    const rows = parse(readFileSync(join(folder, 'out', 'requests.csv')), { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(9);
    expect(rows.every((row) => row.status === 'ok' && row.attempts === '1')).toBe(true);
    expect(result.stderr).toContain('warm-up cold: 2 sent, not counted; 2 failed: 2× HTTP 503 UNAVAILABLE: warming up, key [REDACTED] seen');
    expect(result.stderr).toContain('warm-up warm: 1 sent, not counted');
    expect(result.stderr).not.toContain('warm-up none');
    const runJson = readFileSync(join(folder, 'out', 'run.json'), 'utf8');
    expect(runJson).not.toContain('KEY-cold-12345');
    const manifest = JSON.parse(runJson) as { warmup: unknown; counts: { rows: number } };
    expect(manifest.counts.rows).toBe(9);
    expect(manifest.warmup).toEqual([
      { relay: 'cold', sent: 2, failed: 2, errors: [{ message: 'HTTP 503 UNAVAILABLE: warming up, key [REDACTED] seen', count: 2 }] },
      { relay: 'warm', sent: 1, failed: 0, errors: [] },
    ]);
  });

  it('a relay with rpm: warm-ups and measured requests are spaced alike', async () => {
    const starts: number[] = [];
    const spaced = createServer((request, response) => {
      starts.push(performance.now());
      request.resume();
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(`data: ${JSON.stringify({ candidates: [{ content: { parts: [{ text: '42' }] }, finishReason: 'STOP' }] })}\r\n\r\n`);
    });
    await new Promise<void>((resolve) => spaced.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(spaced.address() as AddressInfo).port}`;
      const { folder, file } = write(`  - { name: limited, baseUrl: "${url}", apiKey: KEY-limited-12345, rpm: 600, warmup: 3 }\n`);
      const result = await runCli(['run', file, '--out', join(folder, 'out')]);
      expect(result.code, result.stderr).toBe(0);
      expect(starts).toHaveLength(6);
      // 600 rpm: one start per 100 ms, warm-ups included; a burst would arrive within a few ms (slack for a loaded machine).
      const gaps = starts.slice(1).map((start, index) => start - starts[index]!);
      for (const gap of gaps) expect(gap).toBeGreaterThan(50);
    } finally {
      spaced.closeAllConnections();
      await new Promise<void>((resolve) => spaced.close(() => resolve()));
    }
  });

  it.each([
    ['a negative warmup', '    warmup: -1\n', '', /suite\.yaml:8:13 {2}relays\[0\]\.warmup: must be at least 0/],
    ['a fractional warmup', '    warmup: 1.5\n', '', /suite\.yaml:8:13/],
    ['a warmup that is not a number', '    warmup: lots\n', '', /suite\.yaml:8:13/],
    ['a negative suite warmup', '', 'warmup: -2\n', /suite\.yaml:4:9 {2}warmup: must be at least 0/],
    ['a misspelt warmup key', '    warmpu: 2\n', '', /suite\.yaml:8:5.*warmpu.*warmup/],
  ])('%s is exit 2 at file:line:col, nothing sent', async (_name, line, extra, position) => {
    const before = received.bad ?? 0;
    const { file } = write(`  - name: bad\n    baseUrl: "${base}/bad"\n    apiKey: KEY-bad-12345\n${line}`, extra);
    const result = await runCli(['run', file, '--out', join(file, '..', 'out')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(position);
    expect(received.bad ?? 0).toBe(before);
  });
});

describe('warm-ups and --max-cost', () => {
  // A warm-up is a real request the relay bills; leaving it out of the cap let `--max-cost 2.5`
  // spend $6 at $1 a call (3 warm-ups, then 3 measured jobs all started under the cap).
  it('count toward the cap (not toward any row), so the cap holds and the run stops with exit 3', async () => {
    const { folder, file } = write(`  - { name: billed, baseUrl: "${base}/billed", apiKey: KEY-billed-12345, warmup: 3, price: { perRequest: 1 } }\n`, 'concurrency: 1\n');
    const result = await runCli(['run', file, '--out', join(folder, 'out'), '--max-cost', '2.5']);
    expect(result.code, result.stderr).toBe(3);
    // The three warm-ups spent $3 ≥ $2.5: no measured job may start.
    expect(received.billed).toBe(3);
    expect(result.stderr).toMatch(/warm-up billed: 3 sent, not counted \(\$3/);
    expect(result.stderr).toMatch(/Spending cap reached: \$3\.000000 spent \(warm-ups, which have no row, \$3\.000000 of it\) of --max-cost \$2\.5 after 0 of 3 jobs/);
    const manifest = JSON.parse(readFileSync(join(folder, 'out', 'run.json'), 'utf8')) as { warmup: Array<{ costUsd?: number }>; spendingCap: { spentUsd: number } };
    expect(manifest.warmup[0]?.costUsd).toBe(3);
    expect(manifest.spendingCap.spentUsd).toBe(3);
  });
});
