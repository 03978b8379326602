import { describe, expect, it } from 'vitest';
import type { GeminiChunk, StreamEvent } from '../../src/client/types.js';
import { computeMetrics } from '../../src/metrics/index.js';
import type { StreamMetrics } from '../../src/metrics/types.js';
import { chunksOf, decodeInPieces } from '../decode/harness.js';
import { FIXTURES, naiveTexts, parseFixtureNaively, readFixture } from '../fixtures/gemini-real.js';

/** A t0 with a fraction, so any rounding inside the fold would show. */
const T0_MS = 52_341.25;
const HEADERS_AFTER_MS = 50;
const FIRST_CHUNK_AFTER_MS = 100;
const CHUNK_SPACING_MS = 37;
const END_AFTER_LAST_CHUNK_MS = 20;

/** Headers, chunk i at t0 + 100 + 37*i, then the clean end 20 ms after the last chunk. */
function timedEvents(chunks: readonly GeminiChunk[]): StreamEvent[] {
  const events: StreamEvent[] = [{ type: 'headers', atMs: T0_MS + HEADERS_AFTER_MS, status: 200, contentType: 'text/event-stream' }];
  chunks.forEach((chunk, i) => {
    events.push({ type: 'chunk', atMs: T0_MS + FIRST_CHUNK_AFTER_MS + CHUNK_SPACING_MS * i, chunk });
  });
  const lastChunkAfterMs = FIRST_CHUNK_AFTER_MS + CHUNK_SPACING_MS * (chunks.length - 1);
  events.push({ type: 'end', atMs: T0_MS + lastChunkAfterMs + END_AFTER_LAST_CHUNK_MS });
  return events;
}

function metricsOf(name: string): StreamMetrics {
  const fixture = FIXTURES.find((entry) => entry.name === name);
  if (fixture === undefined) throw new Error(`no fixture ${name}`);
  return computeMetrics(T0_MS, timedEvents(chunksOf(decodeInPieces(readFixture(name), fixture.framing))));
}

describe('metrics of the recorded streams, with chunk i at t0 + 100 + 37*i ms', () => {
  it('2.5-pro-thought-summaries.sse: 4 thought chunks, then 19 answer chunks', () => {
    const texts = naiveTexts(parseFixtureNaively('2.5-pro-thought-summaries.sse'));
    expect(metricsOf('2.5-pro-thought-summaries.sse')).toStrictEqual({
      headersMs: 50,
      ttftMs: 100,
      firstThoughtMs: 100,
      firstAnswerMs: 248,
      thinkingMs: 148,
      totalMs: 934,
      answerStreamMs: 686,
      chunks: 23,
      thoughtChunks: 4,
      answerChunks: 19,
      maxGapMs: 37,
      promptTokens: 34,
      thoughtTokens: 787,
      answerTokens: 469,
      totalTokens: 1290,
      cachedTokens: undefined,
      answerTokensPerS: 469 / (686 / 1000),
      finishReason: 'STOP',
      blockReason: undefined,
      modelVersion: 'gemini-2.5-pro',
      responseId: 'beHBaJfEMIi-qtsP3769-Q8',
      answerText: texts.answerText,
      thoughtText: texts.thoughtText,
      usagePresent: true,
      otherCandidates: [],
    } satisfies StreamMetrics);
  });

  it('flash-latest-thoughts.json-array: one thought, a one-chunk answer, a signature-only chunk', () => {
    expect(metricsOf('flash-latest-thoughts.json-array')).toStrictEqual({
      headersMs: 50,
      ttftMs: 100,
      firstThoughtMs: 100,
      firstAnswerMs: 137,
      thinkingMs: 37,
      totalMs: 194,
      answerStreamMs: 57,
      chunks: 3,
      thoughtChunks: 1,
      answerChunks: 1,
      maxGapMs: 37,
      promptTokens: 11,
      thoughtTokens: 291,
      answerTokens: 2,
      totalTokens: 304,
      cachedTokens: undefined,
      answerTokensPerS: undefined,
      finishReason: 'STOP',
      blockReason: undefined,
      modelVersion: 'gemini-3.6-flash',
      responseId: 'IopyaseNCL-s-8YP7urOoAY',
      answerText: 'Scoop',
      thoughtText:
        '**Considering the Constraint**\n\nI\'m focusing intently on the "just the name" constraint. It demands a ' +
        "single, direct name; no fluff, no preliminaries. I'm actively suppressing any inclination to offer " +
        'multiple options or explain my reasoning. This constraint is paramount.\n\n\n',
      usagePresent: true,
      otherCandidates: [],
    } satisfies StreamMetrics);
  });

  it('1.x-basic-reply-long.sse: six answer chunks, no thoughts, no usage', () => {
    expect(metricsOf('1.x-basic-reply-long.sse')).toStrictEqual({
      headersMs: 50,
      ttftMs: 100,
      firstThoughtMs: undefined,
      firstAnswerMs: 100,
      thinkingMs: undefined,
      totalMs: 305,
      answerStreamMs: 205,
      chunks: 6,
      thoughtChunks: 0,
      answerChunks: 6,
      maxGapMs: 37,
      promptTokens: undefined,
      thoughtTokens: undefined,
      answerTokens: undefined,
      totalTokens: undefined,
      cachedTokens: undefined,
      answerTokensPerS: undefined,
      finishReason: 'STOP',
      blockReason: undefined,
      modelVersion: undefined,
      responseId: undefined,
      answerText: naiveTexts(parseFixtureNaively('1.x-basic-reply-long.sse')).answerText,
      thoughtText: '',
      usagePresent: false,
      otherCandidates: [],
    } satisfies StreamMetrics);
  });

  it('1.x-utf8.sse: four answer chunks of multi-byte text', () => {
    const metrics = metricsOf('1.x-utf8.sse');
    expect(metrics).toStrictEqual({
      headersMs: 50,
      ttftMs: 100,
      firstThoughtMs: undefined,
      firstAnswerMs: 100,
      thinkingMs: undefined,
      totalMs: 231,
      answerStreamMs: 131,
      chunks: 4,
      thoughtChunks: 0,
      answerChunks: 4,
      maxGapMs: 37,
      promptTokens: undefined,
      thoughtTokens: undefined,
      answerTokens: undefined,
      totalTokens: undefined,
      cachedTokens: undefined,
      answerTokensPerS: undefined,
      finishReason: 'STOP',
      blockReason: undefined,
      modelVersion: undefined,
      responseId: undefined,
      answerText: naiveTexts(parseFixtureNaively('1.x-utf8.sse')).answerText,
      thoughtText: '',
      usagePresent: false,
      otherCandidates: [],
    } satisfies StreamMetrics);
    expect(metrics.answerText.startsWith('秋风瑟瑟，叶落纷纷，\n西风残照，寒霜渐浓。')).toBe(true);
  });

  it('1.x-prompt-blocked-safety.sse: one chunk, no text, blockReason SAFETY', () => {
    expect(metricsOf('1.x-prompt-blocked-safety.sse')).toStrictEqual({
      headersMs: 50,
      ttftMs: undefined,
      firstThoughtMs: undefined,
      firstAnswerMs: undefined,
      thinkingMs: undefined,
      totalMs: 120,
      answerStreamMs: undefined,
      chunks: 1,
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
      blockReason: 'SAFETY',
      modelVersion: undefined,
      responseId: undefined,
      answerText: '',
      thoughtText: '',
      usagePresent: false,
      otherCandidates: [],
    } satisfies StreamMetrics);
  });
});
