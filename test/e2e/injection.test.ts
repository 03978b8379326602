import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/**
 * Issue 17 items 4, 5, 6, 9 and 10 through the real CLI against a local relay that echoes the
 * prompt (and answers wrong at budget 0): what reaches the wire, what reaches requests.csv, and
 * what is refused before anything is sent.
 */
interface Received {
  url: string;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

let server: Server;
let port: number;
const received: Received[] = [];
let folder: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ url: request.url ?? '', body, headers: request.headers });
      const json = JSON.parse(body) as { contents: Array<{ parts: Array<{ text: string }> }>; generationConfig?: { thinkingConfig?: { thinkingBudget?: number } } };
      const prompt = json.contents.at(-1)?.parts[0]?.text ?? '';
      const text = prompt.startsWith('echo: ') ? prompt.slice(6) : json.generationConfig?.thinkingConfig?.thinkingBudget === 0 ? '41' : '42';
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(
        `data: ${JSON.stringify({ candidates: [{ content: { parts: [{ text }], role: 'model' }, finishReason: 'STOP', index: 0 }], usageMetadata: { promptTokenCount: 3, candidatesTokenCount: 1, totalTokenCount: 4 }, modelVersion: '@gemini-2.5-flash', responseId: '-r1' })}\r\n\r\n`,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  folder = mkdtempSync(join(tmpdir(), 'relaybench-injection-'));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(folder, { recursive: true, force: true });
});

const suite = (head: string, relay: string): string => `name: injection
${head}
relays:
  - { name: local, baseUrl: "http://127.0.0.1:${port}/base", apiKey: "\${RB_E2E_KEY}", headers: { X-Team: "\${RB_E2E_TEAM}" }${relay} }
cases:
  - { id: "=case", prompt: "echo: what does \${HOME} expand to?" }
  - { id: formula, prompt: "echo: =HYPERLINK(\\"http://attacker.example\\",\\"x\\")" }
  - { id: answer, prompt: "6*7?", expect: { number: 42 } }
`;
const ENV = { RB_E2E_KEY: 'e2e-key-0123456789', RB_E2E_TEAM: 'bench', HOME: '/home/e2e-secret-home' };

describe('relaybench run: configuration expanded, prompts verbatim, CSV neutralised', () => {
  it('sends ${HOME} as written, expands the relay settings, and writes formulas neutralised', async () => {
    const file = join(folder, 'run.yaml');
    writeFileSync(file, suite('model: models/gemini-2.5-flash\nthinkingBudgets: [0, 1024]\nrepeats: 2', ''));
    const result = await runCli(['run', file, '--out', join(folder, 'out')], { env: ENV });
    expect(result.code).toBe(0);

    expect(received).toHaveLength(12);
    for (const request of received) {
      expect(request.url).toBe('/base/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
      expect(request.headers['x-goog-api-key']).toBe(ENV.RB_E2E_KEY);
      expect(request.headers['x-team']).toBe('bench');
      expect(request.body).not.toContain('e2e-secret-home');
    }
    expect(received.some((request) => request.body.includes('what does ${HOME} expand to?'))).toBe(true);

    const text = readFileSync(join(folder, 'out', 'requests.csv'), 'utf8');
    const rows = parse(text, { columns: true }) as Array<Record<string, string>>;
    const byCase = (id: string) => rows.filter((row) => row.case_id === id);
    expect(byCase("'=case").map((row) => row.answer)).toEqual(Array(4).fill('what does ${HOME} expand to?'));
    expect(byCase('formula').map((row) => row.answer)).toEqual(Array(4).fill(`'=HYPERLINK("http://attacker.example","x")`));
    expect(new Set(rows.map((row) => `${row.model_version} ${row.response_id}`))).toEqual(new Set(["'@gemini-2.5-flash '-r1"]));

    // Budget advice: 0 passed 0 of 2, 1024 passed 2 of 2, so the lean is 1024, never 0.
    expect(result.stdout).toContain('local (gemini-2.5-flash): leaning 1024 (too few data');
    const budgets = parse(readFileSync(join(folder, 'out', 'budgets.csv')), { columns: true }) as Array<Record<string, string>>;
    expect(budgets[0]).toMatchObject({ recommended: '1024', decision: 'too few data' });

    // Our own readers restore the text: the report shows the case id as written.
    const report = await runCli(['report', join(folder, 'out')]);
    expect(report.code).toBe(0);
    const html = readFileSync(join(folder, 'out', 'report.html'), 'utf8');
    expect(html).toContain('=case');
    expect(html).not.toMatch(/('|&#39;|&#x27;|&apos;)=case/);
  });

  it.each([
    ['a model that would change the URL', 'model: ../../admin', '', /run\.yaml:2:8 {2}model: model "\.\.\/\.\.\/admin" is not a model id/],
    ['a relay model override with a slash', 'model: gemini-2.5-flash', ', model: "gemini/../x"', /relays\[0\]\.model: model "gemini\/\.\.\/x" is not a model id/],
    ['shell default syntax in a relay setting', 'model: gemini-2.5-flash', ', proxy: "${RB_PROXY:-http://x}"', /relays\[0\]\.proxy: unsupported \$\{RB_PROXY…\}/],
    [
      'thinkingLevels on a 2.5 model',
      'model: gemini-2.5-flash\nthinkingLevels: [low, high]',
      '',
      /run\.yaml:3:1 {2}thinkingLevels: gemini-2\.5-flash takes thinkingBudget, not thinkingLevel/,
    ],
    ['a plan of 300,000,000 jobs', 'model: gemini-2.5-flash\nrepeats: 100000000', '', /run\.yaml:3:10 {2}repeats: the plan has 300,000,000 jobs/],
  ])('refuses %s with exit 2, one line per problem, nothing sent', async (_name, head, relay, message) => {
    const before = received.length;
    const file = join(folder, 'run.yaml');
    writeFileSync(file, suite(head, relay));
    const started = performance.now();
    const result = await runCli(['run', file, '--out', join(folder, `refused-${before}-${Math.random().toString(36).slice(2)}`)], { env: ENV });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(received.length).toBe(before);
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
