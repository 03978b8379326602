import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, naiveTexts, parseFixtureNaively, readFixture } from '../fixtures/gemini-real.js';
import { runCli, type CliResult } from '../helpers/cli.js';
import { splitEvents, startReplayServer, type ReplayServer } from '../helpers/replayServer.js';

/**
 * The core promise end to end: the CLI, pointed at a server replaying each real recorded stream
 * with pauses between events, writes a requests.csv whose every column matches what the recording
 * and the server's own write times say.
 */
const GAP_MS = 40;
/** How far a measured interval may be from the server's: loopback plus timer jitter on a busy 2-core box. */
const TOLERANCE_MS = 8;
const relayName = (fixture: string): string => fixture.replace(/[^a-z0-9]+/gi, '-').toLowerCase();

let server: ReplayServer;
let folder: string;
let result: CliResult;
let rows: Array<Record<string, string>>;
let details: Array<Record<string, unknown>>;

beforeAll(async () => {
  server = await startReplayServer(
    FIXTURES.map((fixture) => ({
      prefix: `/${relayName(fixture.name)}`,
      contentType: fixture.framing === 'sse' ? 'text/event-stream' : 'application/json; charset=UTF-8',
      pieces: splitEvents(readFixture(fixture.name), fixture.framing),
      gapMs: GAP_MS,
    })),
  );
  folder = mkdtempSync(join(tmpdir(), 'relaybench-replay-'));
  const relays = FIXTURES.map(
    (fixture) => `  - name: ${relayName(fixture.name)}
    baseUrl: ${server.url}/${relayName(fixture.name)}
    apiKey: \${REPLAY_KEY}
    stream: ${fixture.framing}`,
  ).join('\n');
  writeFileSync(
    join(folder, 'suite.yaml'),
    `name: replay
model: gemini-2.5-pro
thinkingBudgets: [1024]
concurrency: 5
relays:
${relays}
cases:
  - id: cross-street
    prompt: How do I cross the street safely?
    expect: { contains: "the", ignoreCase: true }
`,
  );
  result = await runCli(['run', join(folder, 'suite.yaml'), '--out', join(folder, 'out')], { env: { REPLAY_KEY: 'replay-secret-key-0001' } });
  rows = parse(readFileSync(join(folder, 'out', 'requests.csv')), { columns: true }) as Array<Record<string, string>>;
  details = readFileSync(join(folder, 'out', 'details.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
});

afterAll(async () => {
  await server.close();
});

describe('relaybench run against replayed real streams', () => {
  it('exits 0 and writes one row per fixture', () => {
    expect(result.stderr).not.toContain('Error');
    expect(result.code).toBe(0);
    expect(rows.map((row) => row.relay).sort()).toEqual(FIXTURES.map((fixture) => relayName(fixture.name)).sort());
  });

  it('sends the Google-shaped request and never writes the key', () => {
    for (const request of server.requests) {
      expect(request.url).toMatch(/^\/[a-z0-9-]+\/v1beta\/models\/gemini-2\.5-pro:streamGenerateContent/);
      expect(request.headers['x-goog-api-key']).toBe('replay-secret-key-0001');
    }
    const written = ['requests.csv', 'summary.csv', 'run.json', 'details.jsonl'].map((name) => readFileSync(join(folder, 'out', name), 'utf8'));
    for (const text of [...written, result.stdout, result.stderr]) expect(text).not.toContain('replay-secret-key-0001');
  });

  for (const fixture of FIXTURES) {
    it(`matches ${fixture.name} column by column`, () => {
      const row = rows.find((candidate) => candidate.relay === relayName(fixture.name));
      const detail = details.find((candidate) => candidate.relay === relayName(fixture.name));
      const writes = server.writes.get(`/${relayName(fixture.name)}`);
      if (row === undefined || detail === undefined || writes === undefined) throw new Error('missing row, detail or server log');
      const chunks = parseFixtureNaively(fixture.name);
      const parts = chunks.map((chunk) => (chunk.candidates?.[0]?.content?.parts ?? []) as Array<{ text?: string; thought?: boolean }>);
      const isThought = parts.map((list) => list.some((part) => part.thought === true));
      const isAnswer = parts.map((list) => list.some((part) => part.thought !== true && (part.text ?? '') !== ''));
      const hasText = parts.map((list) => list.some((part) => (part.text ?? '') !== ''));
      const usage = [...chunks].reverse().find((chunk) => chunk.usageMetadata)?.usageMetadata as Record<string, number> | undefined;
      const { answerText } = naiveTexts(chunks);
      const last = chunks.at(-1) ?? {};
      const cell = (value: unknown): string => (value === undefined ? '' : String(value));

      expect(row.chunks).toBe(String(chunks.length));
      expect(row.thought_chunks).toBe(String(isThought.filter(Boolean).length));
      expect(row.answer_chunks).toBe(String(isAnswer.filter(Boolean).length));
      expect(row.prompt_tokens).toBe(cell(usage?.promptTokenCount));
      expect(row.thought_tokens).toBe(cell(usage?.thoughtsTokenCount));
      expect(row.answer_tokens).toBe(cell(usage?.candidatesTokenCount));
      expect(row.total_tokens).toBe(cell(usage?.totalTokenCount));
      expect(row.finish_reason).toBe(cell(last.candidates?.[0]?.finishReason));
      expect(row.model_version).toBe(cell([...chunks].reverse().find((chunk) => chunk.modelVersion)?.modelVersion));
      expect(row.response_id).toBe(cell([...chunks].reverse().find((chunk) => chunk.responseId)?.responseId));
      expect(row.block_reason).toBe(cell(chunks[0]?.promptFeedback?.blockReason));
      expect(row.answer).toBe(answerText);
      expect(row.thinking_budget).toBe('1024');
      expect(row.attempts).toBe('1');
      expect(row.http_status).toBe('200');

      if (row.block_reason !== '') {
        expect(row).toMatchObject({ status: 'error', error_kind: 'blocked', pass: '', ttft_ms: '' });
        return;
      }
      expect(row).toMatchObject({ status: 'ok', error_kind: '', pass: String(/the/i.test(answerText)) });

      // Timing: measured intervals against the server's own write times.
      const t0EpochMs = detail.t0_epoch_ms as number;
      const serverMs = (index: number): number => (writes[index] as number) - t0EpochMs;
      const firstText = hasText.indexOf(true);
      const firstAnswer = isAnswer.indexOf(true);
      const firstThought = isThought.indexOf(true);
      expect(Math.abs(Number(row.ttft_ms) - serverMs(firstText))).toBeLessThan(TOLERANCE_MS);
      expect(Math.abs(Number(row.first_answer_ms) - serverMs(firstAnswer))).toBeLessThan(TOLERANCE_MS);
      if (firstThought >= 0) {
        expect(Math.abs(Number(row.first_thought_ms) - serverMs(firstThought))).toBeLessThan(TOLERANCE_MS);
        expect(Number(row.thinking_ms)).toBeCloseTo(Number(row.first_answer_ms) - Number(row.first_thought_ms), 2);
      } else {
        expect(row.first_thought_ms).toBe('');
        expect(row.thinking_ms).toBe('');
      }
      const serverGaps = writes.slice(1).map((time, index) => time - (writes[index] as number));
      if (chunks.length >= 2) expect(Math.abs(Number(row.max_gap_ms) - Math.max(...serverGaps))).toBeLessThan(TOLERANCE_MS);
      expect(Number(row.answer_stream_ms)).toBeCloseTo(Number(row.total_ms) - Number(row.first_answer_ms), 2);
      // The body ends one gap after the last event.
      expect(Math.abs(Number(row.total_ms) - (serverMs(writes.length - 1) + GAP_MS))).toBeLessThan(TOLERANCE_MS * 2);
      if (Number(row.answer_chunks) > 1) {
        expect(Number(row.answer_tokens_per_s)).toBeCloseTo(Number(row.answer_tokens) / (Number(row.answer_stream_ms) / 1000), 0);
      } else {
        expect(row.answer_tokens_per_s).toBe('');
      }
    });
  }
});
