import { describe, expect, it } from 'vitest';
import type { GeminiChunk, GeminiPart, RequestFailure, StreamEvent } from '../../src/client/types.js';
import { computeMetrics, createMetricsFold } from '../../src/metrics/index.js';

const T0_MS = 1_000.5;

function chunkOf(parts: GeminiPart[], extra: Partial<GeminiChunk> = {}): GeminiChunk {
  return { candidates: [{ content: { parts, role: 'model' }, index: 0 }], ...extra };
}

function at(afterT0Ms: number, chunk: GeminiChunk): StreamEvent {
  return { type: 'chunk', atMs: T0_MS + afterT0Ms, chunk };
}

const STALL: RequestFailure = { kind: 'timeout', message: 'idle for 30000 ms', httpStatus: 200, shape: 'none', timeout: 'idleMs', midStream: true };

describe('createMetricsFold', () => {
  it('measures irregular gaps, keeps fractions, and counts a mixed chunk as thought and answer', () => {
    // Binary fractions, so every difference is exact and a rounding fold would show.
    const metrics = computeMetrics(T0_MS, [
      { type: 'headers', atMs: T0_MS + 12.375, status: 200, contentType: 'text/event-stream' },
      at(40.125, chunkOf([{ text: 'plan', thought: true }])),
      at(90.25, chunkOf([{ text: ' more', thought: true }, { text: 'A' }])),
      at(391.75, chunkOf([{ text: 'B' }], { usageMetadata: { candidatesTokenCount: 2 } })),
      at(400, chunkOf([{ text: 'C' }], { usageMetadata: { promptTokenCount: 5, candidatesTokenCount: 30, totalTokenCount: 35 } })),
      { type: 'end', atMs: T0_MS + 500 },
    ]);
    expect(metrics).toStrictEqual({
      headersMs: 12.375,
      ttftMs: 40.125,
      firstThoughtMs: 40.125,
      firstAnswerMs: 90.25,
      thinkingMs: 50.125,
      totalMs: 500,
      answerStreamMs: 409.75,
      chunks: 4,
      thoughtChunks: 2,
      answerChunks: 3,
      maxGapMs: 301.5,
      promptTokens: 5,
      thoughtTokens: undefined,
      answerTokens: 30,
      totalTokens: 35,
      cachedTokens: undefined,
      answerTokensPerS: 30 / 0.40975,
      finishReason: undefined,
      blockReason: undefined,
      modelVersion: undefined,
      responseId: undefined,
      answerText: 'ABC',
      thoughtText: 'plan more',
      usagePresent: true,
      otherCandidates: [],
    });
  });

  it('takes usage from the last chunk that carries it, even when later chunks carry none', () => {
    const metrics = computeMetrics(T0_MS, [
      at(10, chunkOf([{ text: 'a' }], { usageMetadata: { promptTokenCount: 1, candidatesTokenCount: 1, totalTokenCount: 2 } })),
      at(20, chunkOf([{ text: 'b' }], { usageMetadata: { promptTokenCount: 1, candidatesTokenCount: 4, totalTokenCount: 5 } })),
      at(30, chunkOf([{ text: 'c' }])),
      { type: 'end', atMs: T0_MS + 40 },
    ]);
    expect([metrics.promptTokens, metrics.answerTokens, metrics.totalTokens, metrics.usagePresent]).toEqual([1, 4, 5, true]);
  });

  it('ends at a failure, and only the first terminal event counts', () => {
    const metrics = computeMetrics(T0_MS, [at(10, chunkOf([{ text: 'a' }])), { type: 'failure', atMs: T0_MS + 30_010, failure: STALL }, { type: 'end', atMs: T0_MS + 30_020 }]);
    expect([metrics.totalMs, metrics.answerStreamMs, metrics.maxGapMs, metrics.answerTokensPerS]).toEqual([30_010, 30_000, undefined, undefined]);
  });

  it('leaves everything empty for a request that failed before any byte', () => {
    const fold = createMetricsFold(T0_MS);
    fold.add({ type: 'failure', atMs: T0_MS + 7, failure: { ...STALL, kind: 'connection', httpStatus: undefined, midStream: false } });
    expect(fold.result()).toStrictEqual({
      headersMs: undefined,
      ttftMs: undefined,
      firstThoughtMs: undefined,
      firstAnswerMs: undefined,
      thinkingMs: undefined,
      totalMs: 7,
      answerStreamMs: undefined,
      chunks: 0,
      thoughtChunks: 0,
      answerChunks: 0,
      maxGapMs: undefined,
      promptTokens: undefined,
      thoughtTokens: undefined,
      answerTokens: undefined,
      totalTokens: undefined,
      cachedTokens: undefined,
      answerTokensPerS: undefined,
      finishReason: undefined,
      blockReason: undefined,
      modelVersion: undefined,
      responseId: undefined,
      answerText: '',
      thoughtText: '',
      usagePresent: false,
      otherCandidates: [],
    });
  });

  it('does not count empty text, signature-only or usage-only chunks as thought or answer', () => {
    const metrics = computeMetrics(T0_MS, [
      at(5, chunkOf([{ text: '' }])),
      at(6, chunkOf([{ text: '', thoughtSignature: 'c2ln' }])),
      at(7, { usageMetadata: { totalTokenCount: 3 } }),
      at(9, chunkOf([{ text: 'x' }])),
      { type: 'end', atMs: T0_MS + 9 },
    ]);
    expect(metrics).toMatchObject({ chunks: 4, thoughtChunks: 0, answerChunks: 1, ttftMs: 9, firstAnswerMs: 9, maxGapMs: 2 });
    expect(metrics.answerStreamMs).toBe(0);
    expect(metrics.answerTokensPerS).toBeUndefined();
  });

  it('marks the thinking phase at a thought part even without text, but not the first token', () => {
    const metrics = computeMetrics(T0_MS, [
      at(20, chunkOf([{ text: '', thought: true }])),
      at(50, chunkOf([{ text: 'idea', thought: true }])),
      at(80, chunkOf([{ text: 'answer' }])),
    ]);
    expect(metrics).toMatchObject({ firstThoughtMs: 20, ttftMs: 50, firstAnswerMs: 80, thinkingMs: 60, thoughtChunks: 2 });
  });

  it('reads only candidate 0 and keeps the last finishReason, modelVersion and responseId seen', () => {
    const first: GeminiChunk = {
      candidates: [
        { content: { parts: [{ text: 'zero' }] }, index: 0 },
        { content: { parts: [{ text: 'one', thought: true }] }, index: 1, finishReason: 'MAX_TOKENS' },
      ],
      modelVersion: 'gemini-a',
      responseId: 'r1',
    };
    const last = chunkOf([{ text: '!' }], { modelVersion: 'gemini-b' });
    const finished = { ...last, candidates: [{ ...last.candidates?.[0], finishReason: 'STOP' }] };
    const metrics = computeMetrics(T0_MS, [at(1, first), at(2, finished), at(3, chunkOf([]))]);
    expect(metrics).toMatchObject({
      answerText: 'zero!',
      thoughtText: '',
      thoughtChunks: 0,
      finishReason: 'STOP',
      modelVersion: 'gemini-b',
      responseId: 'r1',
      totalMs: undefined,
    });
  });
});

describe('more than one candidate (candidateCount > 1)', () => {
  type Candidate = { index?: number; text?: string; thought?: boolean; finishReason?: string };
  const many = (...candidates: Candidate[]): GeminiChunk => ({
    candidates: candidates.map(({ index, text, thought, finishReason }) => ({
      content: { parts: text === undefined ? [] : [{ text, ...(thought === undefined ? {} : { thought }) }], role: 'model' },
      ...(index === undefined ? {} : { index }),
      ...(finishReason === undefined ? {} : { finishReason }),
    })),
  });
  const usage: GeminiChunk = { usageMetadata: { candidatesTokenCount: 9 }, modelVersion: 'gemini-2.5-flash' };

  it.each<
    [
      string,
      GeminiChunk[],
      {
        answer: string;
        finish: string | undefined;
        chunks: number;
        answerChunks: number;
        firstAnswerMs: number | undefined;
        others: Array<{ index: number; chunks: number; answerChars: number; finishReason: string | undefined }>;
      },
    ]
  >([
    [
      "the issue's example: a later chunk with only index 1 is not merged and its finishReason does not win",
      [many({ index: 0, text: 'The answer is 42.' }), many({ index: 0, finishReason: 'STOP' }), many({ index: 1, text: 'it is 41.', finishReason: 'MAX_TOKENS' })],
      { answer: 'The answer is 42.', finish: 'STOP', chunks: 2, answerChunks: 1, firstAnswerMs: 10, others: [{ index: 1, chunks: 1, answerChars: 9, finishReason: 'MAX_TOKENS' }] },
    ],
    [
      'index absent means 0 (proto3 JSON omits zero)',
      [many({ text: 'A' }), many({ index: 1, text: 'x' }), many({ text: 'B', finishReason: 'STOP' })],
      { answer: 'AB', finish: 'STOP', chunks: 2, answerChunks: 2, firstAnswerMs: 10, others: [{ index: 1, chunks: 1, answerChars: 1, finishReason: undefined }] },
    ],
    [
      'candidate 1 listed first in a chunk that carries both',
      [many({ index: 1, text: 'one' }, { index: 0, text: 'zero' }), many({ index: 1, text: '!', finishReason: 'STOP' }, { index: 0, finishReason: 'SAFETY' })],
      { answer: 'zero', finish: 'SAFETY', chunks: 2, answerChunks: 1, firstAnswerMs: 10, others: [{ index: 1, chunks: 2, answerChars: 4, finishReason: 'STOP' }] },
    ],
    [
      "candidate 1 answers first: first_answer_ms is candidate 0's",
      [many({ index: 1, text: 'fast' }), many({ index: 0, text: 'slow' })],
      { answer: 'slow', finish: undefined, chunks: 1, answerChunks: 1, firstAnswerMs: 20, others: [{ index: 1, chunks: 1, answerChars: 4, finishReason: undefined }] },
    ],
    [
      'three candidates, 2 and 1 out of order, a thought on 2 only',
      [many({ index: 2, text: 'think', thought: true }), many({ index: 0, text: 'x' }), many({ index: 1, text: 'yy' }), many({ index: 2, text: 'zzz' })],
      {
        answer: 'x',
        finish: undefined,
        chunks: 1,
        answerChunks: 1,
        firstAnswerMs: 20,
        others: [
          { index: 1, chunks: 1, answerChars: 2, finishReason: undefined },
          { index: 2, chunks: 2, answerChars: 3, finishReason: undefined },
        ],
      },
    ],
    [
      'one candidate with index 0 written out: nothing else is counted',
      [many({ index: 0, text: 'only' }), many({ index: 0, finishReason: 'STOP' })],
      { answer: 'only', finish: 'STOP', chunks: 2, answerChunks: 1, firstAnswerMs: 10, others: [] },
    ],
  ])('%s', (_name, chunks, expected) => {
    const events: StreamEvent[] = [...chunks, usage].map((chunk, position) => at((position + 1) * 10, chunk));
    const metrics = computeMetrics(T0_MS, events);
    expect(metrics.answerText).toBe(expected.answer);
    expect(metrics.finishReason).toBe(expected.finish);
    // The usage-only chunk (no candidates) belongs to the response, so it counts as a chunk of candidate 0's stream.
    expect(metrics.chunks).toBe(expected.chunks + 1);
    expect(metrics.answerChunks).toBe(expected.answerChunks);
    expect(metrics.firstAnswerMs).toBe(expected.firstAnswerMs);
    expect(metrics.thoughtChunks).toBe(0);
    expect(metrics.answerTokens).toBe(9);
    expect(metrics.modelVersion).toBe('gemini-2.5-flash');
    expect(metrics.otherCandidates).toEqual(expected.others);
  });
});
