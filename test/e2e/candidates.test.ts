import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';
import { startReplayServer, type ReplayServer } from '../helpers/replayServer.js';

/**
 * `candidateCount: 2` end to end: a stream whose later chunks carry only candidate 1. The row is
 * candidate 0's (answer, finish reason, chunk counts, grade); candidate 1 is counted in details.jsonl.
 */
const event = (chunk: unknown): Uint8Array => new TextEncoder().encode(`data: ${JSON.stringify(chunk)}\r\n\r\n`);
const candidate = (index: number | undefined, text: string | undefined, finishReason?: string): Record<string, unknown> => ({
  content: { role: 'model', parts: text === undefined ? [] : [{ text }] },
  ...(index === undefined ? {} : { index }),
  ...(finishReason === undefined ? {} : { finishReason }),
});
const PIECES = [
  event({ candidates: [candidate(undefined, 'The answer is 42.')], modelVersion: 'gemini-2.5-flash', responseId: 'r-1' }),
  event({ candidates: [candidate(0, undefined, 'STOP')], modelVersion: 'gemini-2.5-flash', responseId: 'r-1' }),
  event({ candidates: [candidate(1, 'it is 41.')], modelVersion: 'gemini-2.5-flash', responseId: 'r-1' }),
  event({
    candidates: [candidate(1, undefined, 'MAX_TOKENS')],
    usageMetadata: { promptTokenCount: 5, candidatesTokenCount: 12, totalTokenCount: 17 },
    modelVersion: 'gemini-2.5-flash',
    responseId: 'r-1',
  }),
];

let server: ReplayServer;
let result: CliResult;
let rows: Array<Record<string, string>>;
let details: Array<Record<string, unknown>>;

beforeAll(async () => {
  server = await startReplayServer([{ prefix: '/two', contentType: 'text/event-stream', pieces: PIECES, gapMs: 10 }]);
  const folder = mkdtempSync(join(tmpdir(), 'relaybench-candidates-'));
  writeFileSync(
    join(folder, 'suite.yaml'),
    `name: candidates
model: gemini-2.5-flash
generationConfig: { candidateCount: 2 }
relays:
  - { name: two, baseUrl: "${server.url}/two", apiKey: k-candidates-1 }
cases:
  - { id: answer, prompt: "What is 6 x 7?", expect: { number: 42 } }
`,
  );
  result = await runCli(['run', join(folder, 'suite.yaml'), '--out', join(folder, 'out')]);
  rows = parse(readFileSync(join(folder, 'out', 'requests.csv')), { columns: true }) as Array<Record<string, string>>;
  details = readFileSync(join(folder, 'out', 'details.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
});

afterAll(async () => {
  await server.close();
});

describe('two candidates', () => {
  it('writes candidate 0 in the row and counts candidate 1 in details.jsonl', () => {
    expect(result.code).toBe(0);
    expect(server.requests[0]?.body).toContain('"candidateCount":2');
    expect(rows[0]).toMatchObject({ status: 'ok', answer: 'The answer is 42.', finish_reason: 'STOP', chunks: '2', answer_chunks: '1', pass: 'true', answer_tokens: '12' });
    expect(details[0]?.other_candidates).toEqual([{ index: 1, chunks: 2, answer_chars: 9, finish_reason: 'MAX_TOKENS' }]);
  });
});
