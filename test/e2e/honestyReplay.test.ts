import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, readFixture } from '../fixtures/gemini-real.js';
import { runCli, type CliResult } from '../helpers/cli.js';
import { splitEvents } from '../helpers/replayServer.js';

/**
 * The honesty checks on streams written by hand, not by the emulator: a small local server plays
 * what each kind of relay sends (re-cut pieces, an injected prompt, padded and repeated usage, a
 * hidden retry, `[DONE]` with a 102, SSE for a JSON array), and the built CLI must judge each one
 * on its own check while the honest copies pass.
 */
type Chunk = Record<string, unknown>;
const MODEL = 'gemini-2.5-flash';
const THOUGHT = '**Recalling the capital**\n\nThe question asks for the capital of France, which is a well-known fact.\n\n';
const ANSWER = ['Paris is the capital of France. It sits on the Seine ', 'and has about two million inhabitants in the city proper.'];

function usage(prompt: number, candidates: number | undefined, thoughts: number): Chunk {
  return {
    promptTokenCount: prompt,
    ...(candidates === undefined ? {} : { candidatesTokenCount: candidates }),
    totalTokenCount: prompt + (candidates ?? 0) + thoughts,
    thoughtsTokenCount: thoughts,
  };
}
function body(text: string, thought: boolean, usageMetadata: Chunk, responseId: string, last = false): Chunk {
  const part = thought ? { text, thought: true } : { text };
  return { candidates: [{ content: { parts: [part], role: 'model' }, index: 0, ...(last ? { finishReason: 'STOP' } : {}) }], usageMetadata, modelVersion: MODEL, responseId };
}
/** Google's shape: thoughts first, cumulative usage growing with the answer. */
function googleStream(options: { prompt?: number; responseId?: string; candidatesFactor?: number } = {}): Chunk[] {
  const prompt = options.prompt ?? 9;
  const id = options.responseId ?? 'resp-A';
  const factor = options.candidatesFactor ?? 1;
  return [
    body(THOUGHT, true, usage(prompt, undefined, 120), id),
    body(ANSWER[0] as string, false, usage(prompt, Math.ceil(12 * factor), 120), id),
    body(ANSWER[1] as string, false, usage(prompt, Math.ceil(26 * factor), 120), id, true),
  ];
}
const sse = (chunk: Chunk): string => `data: ${JSON.stringify(chunk)}\r\n\r\n`;

/** What each relay writes: pieces with the pause before each, and a 102 first when asked. */
interface Script {
  pieces: Array<{ text: string; gapMs: number }>;
  processing?: boolean;
}
const paced = (chunks: Chunk[], gapMs = 60): Script['pieces'] => chunks.map((chunk) => ({ text: sse(chunk), gapMs }));

function repacedPieces(): Script['pieces'] {
  return googleStream().flatMap((chunk) => {
    const part = ((chunk.candidates as Chunk[])[0]?.content as { parts: Array<{ text: string }> }).parts[0] as { text: string };
    const pieces: Script['pieces'] = [];
    for (let start = 0; start < part.text.length; start += 3) {
      const copy = structuredClone(chunk);
      ((copy.candidates as Chunk[])[0]?.content as { parts: Array<{ text: string }> }).parts[0]!.text = part.text.slice(start, start + 3);
      pieces.push({ text: sse(copy), gapMs: start === 0 ? 60 : 20 });
    }
    return pieces;
  });
}

function paddedPieces(): Script['pieces'] {
  const chunks = googleStream({ candidatesFactor: 1.6 });
  const final = chunks.at(-1)?.usageMetadata;
  return paced(chunks.map((chunk) => ({ ...chunk, usageMetadata: final })));
}

const SCRIPTS: Record<string, Script> = {
  google: { pieces: paced(googleStream()) },
  honest: { pieces: paced(googleStream()) },
  'honest-array': {
    pieces: googleStream().map((chunk, index, all) => ({
      text: `${index === 0 ? '[' : '\n,\r\n'}${JSON.stringify(chunk, null, 2)}${index === all.length - 1 ? '\n]' : ''}`,
      gapMs: 60,
    })),
  },
  repaced: { pieces: repacedPieces() },
  injected: { pieces: paced(googleStream({ prompt: 9 + 48 })) },
  padded: { pieces: paddedPieces() },
  retry: { pieces: [...paced(googleStream().slice(0, 2)), ...paced(googleStream({ responseId: 'resp-B' }))] },
  'done-102': { pieces: [...paced(googleStream()), { text: 'data: [DONE]\n\n', gapMs: 5 }], processing: true },
  'sse-for-array': { pieces: paced(googleStream()) },
};
/** Google's own recorded streams, one event per piece: other prompts, so only the per-response checks apply. */
const REAL = FIXTURES.filter((fixture) => !fixture.name.includes('blocked')).map((fixture) => ({
  ...fixture,
  relay: `real-${fixture.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`,
}));
for (const fixture of REAL) {
  SCRIPTS[fixture.relay] = { pieces: splitEvents(readFixture(fixture.name), fixture.framing).map((piece) => ({ text: Buffer.from(piece).toString('utf8'), gapMs: 40 })) };
}
const ARRAY_RELAYS = new Set(['honest-array', 'sse-for-array', ...REAL.filter((fixture) => fixture.framing === 'json-array').map((fixture) => fixture.relay)]);

function play(script: Script, response: ServerResponse, isArray: boolean): void {
  if (script.processing === true) response.writeProcessing();
  response.writeHead(200, { 'content-type': isArray && script !== SCRIPTS['sse-for-array'] ? 'application/json; charset=UTF-8' : 'text/event-stream' });
  response.flushHeaders();
  let index = 0;
  const next = (): void => {
    const piece = script.pieces[index++];
    if (piece === undefined) {
      response.end();
      return;
    }
    setTimeout(() => {
      response.write(piece.text);
      next();
    }, piece.gapMs);
  };
  next();
}

let server: Server;
let folder: string;
let result: CliResult;
let verdicts: Map<string, Record<string, string>>;

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const name = (request.url ?? '').split('/')[1] ?? '';
      const script = SCRIPTS[name];
      if (script === undefined) response.writeHead(404).end();
      else play(script, response, ARRAY_RELAYS.has(name));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  folder = mkdtempSync(join(tmpdir(), 'relaybench-honesty-'));
  const relays = Object.keys(SCRIPTS)
    .map(
      (name) =>
        `  - { name: ${name}, baseUrl: "${url}/${name}", apiKey: replay-key-0001${name === 'google' ? ', reference: true' : ''}${ARRAY_RELAYS.has(name) ? ', stream: json-array' : ''} }`,
    )
    .join('\n');
  writeFileSync(
    join(folder, 'suite.yaml'),
    `name: honesty-replay
model: ${MODEL}
thinkingBudgets: [1024]
repeats: 2
concurrency: 18
relays:
${relays}
cases:
  - id: capital
    prompt: What is the capital of France?
    expect: { contains: Paris }
`,
  );
  result = await runCli(['run', join(folder, 'suite.yaml'), '--out', join(folder, 'out')], { timeoutMs: 60_000 });
  const records = parse(readFileSync(join(folder, 'out', 'verdicts.csv')), { columns: true }) as Array<Record<string, string>>;
  verdicts = new Map(records.map((record) => [String(record.relay), record]));
}, 90_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
});

const CHECKS = [
  'streams',
  'natively_paced',
  'honours_budget',
  'returns_thoughts',
  'usage_adds_up',
  'usage_plausible',
  'prompt_as_sent',
  'config_honoured',
  'model_as_asked',
  'quality_parity',
  'single_attempt',
  'framing_clean',
  'errors_google_shape',
];
const failedChecks = (relay: string): string[] => CHECKS.filter((check) => verdicts.get(relay)?.[check] === 'fail');

describe('hand-written relay streams from a local server', () => {
  it('runs to the end', () => {
    expect(result.stderr).not.toMatch(/Error|error:/);
    expect(verdicts.size).toBe(Object.keys(SCRIPTS).length);
  });

  it.each(['google', 'honest', 'honest-array'])('%s fails nothing', (relay) => {
    expect(failedChecks(relay)).toEqual([]);
  });

  it.each(REAL.map((fixture) => fixture.relay))('%s (a real Google stream) passes the per-response checks', (relay) => {
    for (const check of ['natively_paced', 'single_attempt', 'framing_clean']) expect(verdicts.get(relay)?.[check], check).not.toBe('fail');
    expect(verdicts.get(relay)?.framing_clean).toBe('pass');
    expect(verdicts.get(relay)?.single_attempt).toBe('pass');
  });

  it.each([
    ['repaced', 'natively_paced', /pieces of ≤ 8 characters; medians: 3 characters per piece/],
    ['injected', 'prompt_as_sent', /vs the reference google: 1 of 1 cases differ .* \(median \+48 tokens/],
    ['padded', 'usage_plausible', /× the reference google's/],
    ['retry', 'single_attempt', /2 of 2 responses started over inside the stream \(thoughts after the answer began ×2, responseId changed ×2, usage counts went down ×2\)/],
    ['done-102', 'framing_clean', /HTTP 102 ×2, data: \[DONE\] ×2/],
    ['sse-for-array', 'framing_clean', /SSE sent when a JSON array was asked for ×2/],
  ])('%s fails %s alone', (relay, check, evidence) => {
    expect(failedChecks(relay)).toEqual([check]);
    expect(verdicts.get(relay)?.[`${check}_evidence`]).toMatch(evidence);
  });
});
