import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/**
 * `relaybench check` probes the judge relay too (one vote, row `judge (<relay>)`): each way a
 * judge can be broken is a path of a local server: a rejected key, prose instead of a verdict,
 * JSON without `pass`, a closed port.
 */
const GOOD_KEY = 'judge-good-key-1234567890';
const BAD_KEY = 'judge-wrong-key-0987654321';
let server: Server;
let base: string;
let closedPort: number;
const bodies: string[] = [];

const sse = (value: string): string =>
  `data: ${JSON.stringify({ candidates: [{ content: { role: 'model', parts: [{ text: value }] }, finishReason: 'STOP' }], modelVersion: 'gemini-2.5-flash' })}\r\n\r\n`;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      bodies.push(body);
      const path = request.url ?? '';
      const ok = (text: string): void => {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.end(sse(text));
      };
      if (path.startsWith('/key/') && request.headers['x-goog-api-key'] !== GOOD_KEY) {
        response.writeHead(403, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { code: 403, status: 'PERMISSION_DENIED', message: `API key ${String(request.headers['x-goog-api-key'])} not valid.` } }));
      } else if (path.startsWith('/prose/')) ok("I'm sorry, I can't grade this.");
      else if (path.startsWith('/nopass/')) ok('{"score": 0.5, "reason": "fine"}');
      else ok(body.includes('responseMimeType') ? '{"reason": "no facts", "pass": false, "score": 0.1}' : '42');
    });
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

function suiteWith(judge: string | undefined): { folder: string; file: string } {
  const folder = mkdtempSync(join(tmpdir(), 'relaybench-check-judge-'));
  const file = join(folder, 'suite.yaml');
  writeFileSync(
    file,
    [
      'name: check-judge',
      'model: gemini-2.5-flash',
      'relays:',
      `  - { name: good, baseUrl: "${base}/good", apiKey: ${GOOD_KEY} }`,
      // The table is built before the server starts: BASE and CLOSED_PORT are filled in here.
      ...(judge === undefined ? [] : [`judge: ${judge.replace('BASE', base).replace('CLOSED_PORT', String(closedPort))}`]),
      'cases:',
      '  - { id: q, prompt: "6*7?", expect: { number: 42 } }',
      ...(judge === undefined ? [] : ['  - { id: j, prompt: "Why TCP?", expect: { judge: Says reliable delivery. } }']),
    ].join('\n'),
  );
  return { folder, file };
}

describe('relaybench check with a judge', () => {
  it.each([
    ['judge named from relays', '{ relay: good }', 'judge (good)', 0, /OK$/, undefined],
    ['inline judge that answers a verdict', `{ relay: { name: grader, baseUrl: "BASE/ok", apiKey: ${GOOD_KEY} } }`, 'judge (grader)', 0, /OK$/, undefined],
    ['judge key rejected', `{ relay: { name: grader, baseUrl: "BASE/key", apiKey: ${BAD_KEY} } }`, 'judge (grader)', 1, /403\s+no .*FAIL$/, /key rejected \(HTTP 403\)/],
    [
      'judge answers prose',
      `{ relay: { name: grader, baseUrl: "BASE/prose", apiKey: ${GOOD_KEY} } }`,
      'judge (grader)',
      1,
      /FAIL$/,
      /the judge answered outside the schema \(not JSON\)/,
    ],
    ['judge JSON without pass', `{ relay: { name: grader, baseUrl: "BASE/nopass", apiKey: ${GOOD_KEY} } }`, 'judge (grader)', 1, /FAIL$/, /the judge .*pass/],
    [
      'judge port closed',
      `{ relay: { name: grader, baseUrl: "http://127.0.0.1:CLOSED_PORT", apiKey: ${GOOD_KEY} } }`,
      'judge (grader)',
      1,
      /^judge \(grader\)\s+no\s.*FAIL$/,
      /refused|ECONNREFUSED/,
    ],
  ])('%s', async (_name, judge, row, code, rowPattern, notePattern) => {
    const { folder, file } = suiteWith(judge);
    const result = await runCli(['check', file], { cwd: folder });
    expect(result.code, result.stderr + result.stdout).toBe(code);
    const line = result.stdout.split('\n').find((candidate) => candidate.startsWith(`${row} `));
    expect(line, result.stdout).toMatch(rowPattern);
    expect(result.stdout.split('\n').find((candidate) => candidate.startsWith('good '))).toMatch(/OK$/);
    if (notePattern !== undefined) expect(result.stdout.split('\n').find((candidate) => candidate.startsWith(`  ${row}: `))).toMatch(notePattern);
    expect(result.stdout + result.stderr).not.toContain(BAD_KEY);
    expect(result.stdout + result.stderr).not.toContain(GOOD_KEY);
  });

  it('a suite without a judge has no judge row, and the judge request asks for JSON', async () => {
    const { folder, file } = suiteWith(undefined);
    const result = await runCli(['check', file], { cwd: folder });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('judge');
    expect(bodies.some((body) => body.includes('"responseMimeType":"application/json"') && body.includes('Says reliable delivery.'))).toBe(true);
  });
});
