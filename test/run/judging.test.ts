import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/client/redact.js';
import { createJudging, type Judging } from '../../src/run/judging.js';
import { DEFAULT_RETRY, DEFAULT_TIMEOUTS, DEFAULT_MAX_BODY_BYTES } from '../../src/suite/resolveRelay.js';
import type { Case, JudgeSettings, ResolvedRelay } from '../../src/suite/types.js';

/**
 * The judge against a local 127.0.0.1 server that plays every way a judge can answer. Each
 * behaviour is a path prefix (`/<behaviour>/v1beta/models/...`); the server records every request.
 */
const KEY = 'judge-secret-key-1234';
type Behaviour = (request: { body: Record<string, unknown>; count: number }, response: ServerResponse) => void;

function sse(response: ServerResponse, chunks: unknown[]): void {
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  response.end(chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\r\n\r\n`).join(''));
}

function answer(text: string, finishReason = 'STOP'): unknown {
  return {
    candidates: [{ content: { role: 'model', parts: [{ text }] }, finishReason, index: 0 }],
    usageMetadata: { promptTokenCount: 100, candidatesTokenCount: 20, totalTokenCount: 120 },
    modelVersion: 'gemini-2.5-flash',
  };
}

/** A judge that passes an answer mentioning "handshake" (so identical and different answers are told apart). */
function judgeByWord(body: Record<string, unknown>): string {
  const text = JSON.stringify(body.contents);
  const pass = /Answer under test: [^"]*handshake/.test(text);
  return JSON.stringify({ reason: pass ? 'mentions the handshake' : 'no handshake', pass, score: pass ? 0.9 : 0.1 });
}

const BEHAVIOURS: Record<string, Behaviour> = {
  ok: ({ body }, response) => sse(response, [answer(judgeByWord(body))]),
  malformed: (_, response) => sse(response, [answer('{"pass": true, "score": 0.9, "reason": "cut sh')]),
  'no-pass': (_, response) => sse(response, [answer('{"score": 0.9, "reason": "fine"}')]),
  blocked: (_, response) => sse(response, [{ promptFeedback: { blockReason: 'SAFETY' }, usageMetadata: { promptTokenCount: 100, totalTokenCount: 100 } }]),
  safety: (_, response) => sse(response, [answer('', 'SAFETY')]),
  prose: (_, response) => sse(response, [answer("I'm sorry, I can't grade this answer.")]),
  'rate-limited-once': ({ body, count }, response) => {
    if (count === 1) {
      response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '0' });
      response.end(JSON.stringify({ error: { code: 429, message: `Resource exhausted for key ${KEY}`, status: 'RESOURCE_EXHAUSTED' } }));
    } else sse(response, [answer(judgeByWord(body))]);
  },
  'always-429': (_, response) => {
    response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '0' });
    response.end(JSON.stringify({ error: { code: 429, message: `quota exceeded for ${KEY}`, status: 'RESOURCE_EXHAUSTED' } }));
  },
  silent: () => undefined,
  'split-vote': ({ count }, response) => sse(response, [answer(JSON.stringify({ reason: `vote ${count}`, pass: count % 3 !== 0, score: count % 3 !== 0 ? 0.8 : 0.2 }))]),
};

let server: Server;
let baseUrl: string;
const received: Array<{ behaviour: string; body: Record<string, unknown>; headers: IncomingMessage['headers'] }> = [];
let inFlight = 0;
let maxInFlight = 0;
const open = new Set<ServerResponse>();

beforeAll(async () => {
  const counts = new Map<string, number>();
  server = createServer((request, response) => {
    let text = '';
    request.on('data', (data: Buffer) => (text += data.toString()));
    request.on('end', () => {
      const behaviour = (request.url ?? '').split('/')[1] ?? '';
      const count = (counts.get(behaviour) ?? 0) + 1;
      counts.set(behaviour, count);
      const body = JSON.parse(text) as Record<string, unknown>;
      received.push({ behaviour, body, headers: request.headers });
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      open.add(response);
      response.on('close', () => {
        inFlight -= 1;
        open.delete(response);
      });
      // A short pause, so concurrent calls overlap and the concurrency cap is visible.
      setTimeout(() => BEHAVIOURS[behaviour]?.({ body, count }, response), 20);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const response of open) response.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function relay(behaviour: string): ResolvedRelay {
  return {
    name: `judge-${behaviour}`,
    preset: 'google',
    baseUrl: `${baseUrl}/${behaviour}`,
    apiKey: KEY,
    auth: ['header'],
    stream: 'sse',
    casing: 'camel',
    modelInBody: false,
    model: undefined,
    headers: {},
    concurrency: undefined,
    rpm: undefined,
    timeouts: { ...DEFAULT_TIMEOUTS, firstByteMs: 300, totalMs: 2000 },
    retry: { ...DEFAULT_RETRY, max: 2 },
    proxy: undefined,
    emulator: undefined,
    emulatorOverrides: undefined,
    maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
    reference: false,
  };
}

function judgeOf(behaviour: string, settings: Partial<JudgeSettings> = {}): Judging {
  const judge: JudgeSettings = {
    relay: relay(behaviour),
    inlineRelay: true,
    model: 'gemini-2.5-flash',
    thinking: { kind: 'budget', budget: 0 },
    repeats: 1,
    concurrency: 4,
    ...settings,
  };
  return createJudging(judge, {
    suite: { judge, prices: {} },
    redact: createRedactor([KEY]),
    clock: () => performance.now(),
    signal: new AbortController().signal,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    sampleHeader: undefined,
    seed: 1,
  });
}

const CASE: Case = {
  id: 'explain-tcp',
  contents: [{ role: 'user', parts: [{ text: 'Why does TCP need a three-way handshake?' }] }],
  prompt: 'Why does TCP need a three-way handshake?',
  systemInstruction: undefined,
  expect: { judge: 'Mentions synchronising sequence numbers in both directions.' },
  tags: [],
};

async function gradeWith(behaviour: string, answerText = 'Answer under test: the handshake syncs sequence numbers.', testCase: Case = CASE, settings: Partial<JudgeSettings> = {}) {
  const judging = judgeOf(behaviour, settings);
  try {
    const grade = await judging.gradeAnswer(testCase, answerText);
    return { grade, report: judging.report() };
  } finally {
    await judging.close();
  }
}

describe('judge calls against a local server', () => {
  it.each<[string, boolean | undefined, string, Record<string, number>]>([
    ['ok', true, 'judge pass, score 0.9: mentions the handshake', {}],
    ['malformed', undefined, 'judge answered outside the schema (not JSON)', { 'off-schema': 1 }],
    ['no-pass', undefined, 'judge answered outside the schema: "pass" missing', { 'off-schema': 1 }],
    ['blocked', undefined, 'judge refused: prompt blocked: SAFETY', { refused: 1 }],
    ['safety', undefined, 'judge refused: no answer (finishReason SAFETY)', { refused: 1 }],
    ['prose', undefined, 'judge answered outside the schema (not JSON): "I\'m sorry', { 'off-schema': 1 }],
    ['rate-limited-once', true, 'judge pass', {}],
    ['always-429', undefined, 'judge call failed after 3 attempts: HTTP 429', { 'http 429': 1 }],
    ['silent', undefined, 'judge timed out (firstByteMs)', { timeout: 1 }],
  ])('%s → pass %s', async (behaviour, pass, reason, failedCalls) => {
    const { grade, report } = await gradeWith(behaviour);
    expect(grade?.pass).toBe(pass);
    expect(grade?.reason).toContain(reason);
    if (pass === undefined) expect(grade?.score).toBeUndefined();
    expect(report.calls).toBe(1);
    expect(report.failedCalls).toEqual(failedCalls);
    expect(report.decided + report.undecided).toBe(1);
    // The key never reaches a reason, even when the relay echoes it in an error.
    expect(grade?.reason).not.toContain(KEY);
  });

  it('counts the judge tokens and prices them at list price', async () => {
    const { report } = await gradeWith('ok');
    expect(report.tokens).toEqual({ prompt: 100, thought: 0, answer: 20 });
    expect(report.costUsd).toBeGreaterThan(0);
  });

  it('sends question, rubric and answer (never the thoughts) and asks for JSON through responseSchema', async () => {
    const before = received.length;
    await gradeWith('ok', 'Answer under test: the handshake.');
    const sent = received.slice(before);
    expect(sent).toHaveLength(1);
    const body = sent[0]?.body as { contents: Array<{ parts: Array<{ text: string }> }>; generationConfig: Record<string, unknown> };
    const text = body.contents[0]?.parts[0]?.text ?? '';
    expect(text).toContain(CASE.prompt);
    expect(text).toContain('Mentions synchronising sequence numbers in both directions.');
    expect(text).toContain('Answer under test: the handshake.');
    expect(body.generationConfig.responseMimeType).toBe('application/json');
    expect(body.generationConfig.responseSchema).toMatchObject({ type: 'OBJECT', required: expect.arrayContaining(['pass', 'score', 'reason']) });
    expect(body.generationConfig.thinkingConfig).toEqual({ thinkingBudget: 0, includeThoughts: false });
    expect(sent[0]?.headers['x-goog-api-key']).toBe(KEY);
  });

  it('judges identical (rubric, answer) pairs once, and different answers apart', async () => {
    const judging = judgeOf('ok');
    const before = received.length;
    const same = 'Answer under test: a handshake.';
    const grades = await Promise.all([judging.gradeAnswer(CASE, same), judging.gradeAnswer(CASE, same), judging.gradeAnswer(CASE, 'Answer under test: no idea.')]);
    await judging.close();
    expect(grades.map((grade) => grade?.pass)).toEqual([true, true, false]);
    expect(received.length - before).toBe(2);
    expect(judging.report()).toMatchObject({ calls: 2, reused: 1, decided: 3 });
  });

  it('takes the majority of repeats and records the agreement', async () => {
    const { grade, report } = await gradeWith('split-vote', 'Answer under test: x', CASE, { repeats: 3 });
    expect(grade?.pass).toBe(true);
    expect(grade?.reason).toContain('(2/3 agree)');
    expect(report.meanAgreement).toBeCloseTo(0.667, 2);
    expect(report.calls).toBe(3);
  });

  it('keeps to its own concurrency', async () => {
    const judging = judgeOf('ok', { concurrency: 2 });
    maxInFlight = 0;
    await Promise.all(Array.from({ length: 8 }, (_, index) => judging.gradeAnswer(CASE, `Answer under test: ${index}`)));
    await judging.close();
    expect(maxInFlight).toBeLessThanOrEqual(2);
    expect(maxInFlight).toBeGreaterThan(0);
  });

  it('grades a judge inside all/any with the pure graders around it, and leaves cases without a judge alone', async () => {
    const inAll: Case = { ...CASE, expect: { all: [{ contains: 'handshake' }, { judge: 'Mentions the handshake.' }] } };
    expect((await gradeWith('ok', 'Answer under test: handshake', inAll)).grade?.pass).toBe(true);
    const failedJudgeButAnyPasses: Case = { ...CASE, expect: { any: [{ contains: 'handshake' }, { judge: 'Mentions the handshake.' }] } };
    expect((await gradeWith('silent', 'Answer under test: handshake', failedJudgeButAnyPasses)).grade?.pass).toBe(true);
    expect(judgeOf('ok').gradeAnswer({ ...CASE, expect: { contains: 'x' } }, 'x')).toBeUndefined();
  });

  it("spaces its calls at the judge relay's rpm", async () => {
    const judge: JudgeSettings = { relay: { ...relay('ok'), rpm: 600 }, inlineRelay: true, model: 'gemini-2.5-flash', thinking: { kind: 'none' }, repeats: 1, concurrency: 8 };
    const waits: number[] = [];
    const now = 0;
    const judging = createJudging(judge, {
      suite: { judge, prices: {} },
      redact: createRedactor([KEY]),
      clock: () => now,
      signal: new AbortController().signal,
      sleep: async (ms) => {
        waits.push(ms);
      },
      sampleHeader: undefined,
      seed: 1,
    });
    await Promise.all([1, 2, 3].map((index) => judging.gradeAnswer(CASE, `Answer under test: ${index}`)));
    await judging.close();
    expect(waits).toEqual([100, 200]);
  });

  it('applies a rubric threshold to the score', async () => {
    const strict: Case = { ...CASE, expect: { judge: { rubric: 'Mentions the handshake.', threshold: 0.95 } } };
    const grade = (await gradeWith('ok', 'Answer under test: handshake', strict)).grade;
    expect(grade?.pass).toBe(false);
    expect(grade?.reason).toContain('pass at score ≥ 0.95');
  });
});
