import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';

/**
 * A relay that echoes the request URL and every header back, in its 401 error and in a 200 answer:
 * the worst case for key leaks. Three keys travel three ways (query, bearer, header); none may
 * appear in any file of the run, on stdout or on stderr, even with --verbose.
 */
const KEYS = { query: 'qkey-AAAA-1111-secret', bearer: 'bkey-BBBB-2222-secret', header: 'hkey-CCCC-3333-secret' };

let server: Server;
let folder: string;
let result: CliResult;
let requestsSeen = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    requestsSeen += 1;
    request.resume();
    const echo = `you sent ${request.url} with ${JSON.stringify(request.headers)}`;
    if (request.url?.includes('/echo-ok/')) {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      const chunk = { candidates: [{ content: { parts: [{ text: echo }] }, finishReason: 'STOP' }] };
      response.end(`data: ${JSON.stringify(chunk)}\r\n\r\n`);
      return;
    }
    response.writeHead(401, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ error: { code: 401, message: echo, status: 'UNAUTHENTICATED' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  folder = mkdtempSync(join(tmpdir(), 'relaybench-secrets-'));
  writeFileSync(join(folder, '.env'), `QUERY_KEY=${KEYS.query}\nBEARER_KEY=${KEYS.bearer}\n`);
  writeFileSync(
    join(folder, 'suite.yaml'),
    `name: secrets
model: gemini-2.5-flash
relays:
  - { name: by-query, baseUrl: "http://127.0.0.1:${port}/q", apiKey: "\${QUERY_KEY}", auth: query }
  - { name: by-bearer, baseUrl: "http://127.0.0.1:${port}/b", apiKey: "\${BEARER_KEY}", auth: bearer }
  - { name: by-header, baseUrl: "http://127.0.0.1:${port}/h", apiKey: "\${HEADER_KEY}", auth: header }
  - { name: echo-ok, baseUrl: "http://127.0.0.1:${port}/echo-ok", apiKey: "\${HEADER_KEY}", auth: [header, query, bearer] }
cases:
  - { id: q, prompt: "hello", expect: { contains: "hello" } }
`,
  );
  result = await runCli(['run', join(folder, 'suite.yaml'), '--out', join(folder, 'out'), '--verbose'], { env: { HEADER_KEY: KEYS.header } });
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('keys never leak', () => {
  it('sent every request with its key', () => {
    expect(result.code).toBe(0);
    expect(requestsSeen).toBe(4);
  });

  it('keeps all three keys out of every output file, stdout and stderr', () => {
    // Recursive: captures/ holds raw responses, which must be clean too.
    const names = (readdirSync(join(folder, 'out'), { recursive: true }) as string[]).filter((name) => statSync(join(folder, 'out', name)).isFile());
    const files = names.map((name) => [name, readFileSync(join(folder, 'out', name), 'utf8')] as const);
    expect(files.map(([name]) => name)).toEqual(expect.arrayContaining(['requests.csv', 'summary.csv', 'run.json', 'details.jsonl']));
    const outputs = [...files, ['stdout', result.stdout] as const, ['stderr', result.stderr] as const];
    for (const [name, text] of outputs) {
      for (const key of Object.values(KEYS)) expect(text.includes(key), `${key} in ${name}`).toBe(false);
    }
  });

  it('still says what the relay answered, with the keys replaced', () => {
    const csv = readFileSync(join(folder, 'out', 'requests.csv'), 'utf8');
    expect(csv).toContain('HTTP 401 UNAUTHENTICATED: you sent');
    expect(csv).toContain('[REDACTED]');
    expect(result.stderr).toContain('by-query');
  });
});
