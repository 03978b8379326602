import type { GeminiCandidate, GeminiChunk, GeminiUsage, StreamEvent } from '../client/types.js';
import { candidatesByIndex, readCandidateContent } from './chunkContent.js';
import type { OtherCandidate, StreamMetrics } from './types.js';

/**
 * Folds a request's timestamped events into its measured columns, exactly as docs/metrics.md
 * "Measuring a stream" defines them. Incremental, so a long stream is never held in memory;
 * pure, so timing tests can feed chosen timestamps. Nothing is rounded here: the CSV writer
 * formats.
 */
export interface MetricsFold {
  add(event: StreamEvent): void;
  result(): StreamMetrics;
}

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function isUsage(value: unknown): value is GeminiUsage {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function difference(laterMs: number | undefined, earlierMs: number | undefined): number | undefined {
  return laterMs === undefined || earlierMs === undefined ? undefined : laterMs - earlierMs;
}

/** @param t0Ms the `performance.now()` taken just before the request went to the HTTP client. */
export function createMetricsFold(t0Ms: number): MetricsFold {
  let headersAtMs: number | undefined;
  let ttftAtMs: number | undefined;
  let firstThoughtAtMs: number | undefined;
  let firstAnswerAtMs: number | undefined;
  let totalAtMs: number | undefined;
  let previousChunkAtMs: number | undefined;
  let maxGapMs: number | undefined;
  let chunks = 0;
  let thoughtChunks = 0;
  let answerChunks = 0;
  /** Usage is cumulative, so only the last one reported counts. */
  let lastUsage: GeminiUsage | undefined;
  let finishReason: string | undefined;
  let blockReason: string | undefined;
  let modelVersion: string | undefined;
  let responseId: string | undefined;
  let answerText = '';
  let thoughtText = '';
  /** Candidates other than 0, by index: counted for details.jsonl, never mixed into the row. */
  const others = new Map<number, OtherCandidate>();

  function addOtherCandidate(index: number, candidate: GeminiCandidate): void {
    const other = others.get(index) ?? { index, chunks: 0, answerChars: 0, finishReason: undefined };
    others.set(index, other);
    other.chunks++;
    other.answerChars += readCandidateContent(candidate).answerText.length;
    other.finishReason = stringOrUndefined(candidate.finishReason) ?? other.finishReason;
  }

  function addChunk(atMs: number, chunk: GeminiChunk): void {
    // Response-level fields belong to every candidate.
    if (isUsage(chunk.usageMetadata)) lastUsage = chunk.usageMetadata;
    blockReason = stringOrUndefined(chunk.promptFeedback?.blockReason) ?? blockReason;
    modelVersion = stringOrUndefined(chunk.modelVersion) ?? modelVersion;
    responseId = stringOrUndefined(chunk.responseId) ?? responseId;

    const byIndex = candidatesByIndex(chunk);
    for (const [index, candidate] of byIndex) if (index !== 0) addOtherCandidate(index, candidate);
    const first = byIndex.get(0);
    // A chunk that carries only other candidates is not a chunk of the row's stream (candidate 0).
    if (first === undefined && byIndex.size > 0) return;

    chunks++;
    if (previousChunkAtMs !== undefined) {
      const gapMs = atMs - previousChunkAtMs;
      if (maxGapMs === undefined || gapMs > maxGapMs) maxGapMs = gapMs;
    }
    previousChunkAtMs = atMs;

    const content = readCandidateContent(first);
    if (content.hasThought) {
      thoughtChunks++;
      firstThoughtAtMs ??= atMs;
    }
    if (content.hasAnswerText) {
      answerChunks++;
      firstAnswerAtMs ??= atMs;
    }
    if (content.hasThoughtText || content.hasAnswerText) ttftAtMs ??= atMs;
    thoughtText += content.thoughtText;
    answerText += content.answerText;
    finishReason = stringOrUndefined(first?.finishReason) ?? finishReason;
  }

  function add(event: StreamEvent): void {
    switch (event.type) {
      case 'headers':
        headersAtMs ??= event.atMs;
        break;
      case 'chunk':
        addChunk(event.atMs, event.chunk);
        break;
      case 'end':
      case 'failure':
        totalAtMs ??= event.atMs;
        break;
    }
  }

  function sinceT0(atMs: number | undefined): number | undefined {
    return atMs === undefined ? undefined : atMs - t0Ms;
  }

  function result(): StreamMetrics {
    const firstAnswerMs = sinceT0(firstAnswerAtMs);
    const totalMs = sinceT0(totalAtMs);
    const answerStreamMs = difference(totalMs, firstAnswerMs);
    const answerTokens = numberOrUndefined(lastUsage?.candidatesTokenCount);
    const answerRateMeasurable = answerChunks > 1 && answerStreamMs !== undefined && answerStreamMs > 0 && answerTokens !== undefined;
    return {
      headersMs: sinceT0(headersAtMs),
      ttftMs: sinceT0(ttftAtMs),
      firstThoughtMs: sinceT0(firstThoughtAtMs),
      firstAnswerMs,
      thinkingMs: difference(firstAnswerAtMs, firstThoughtAtMs),
      totalMs,
      answerStreamMs,
      chunks,
      thoughtChunks,
      answerChunks,
      maxGapMs,
      promptTokens: numberOrUndefined(lastUsage?.promptTokenCount),
      thoughtTokens: numberOrUndefined(lastUsage?.thoughtsTokenCount),
      answerTokens,
      totalTokens: numberOrUndefined(lastUsage?.totalTokenCount),
      cachedTokens: numberOrUndefined(lastUsage?.cachedContentTokenCount),
      answerTokensPerS: answerRateMeasurable ? answerTokens / (answerStreamMs / 1000) : undefined,
      finishReason,
      blockReason,
      modelVersion,
      responseId,
      answerText,
      thoughtText,
      usagePresent: lastUsage !== undefined,
      otherCandidates: [...others.values()].sort((a, b) => a.index - b.index).map((other) => ({ ...other })),
    };
  }

  return { add, result };
}

/** The whole fold at once, for events already collected (tests, re-analysis of a saved run). */
export function computeMetrics(t0Ms: number, events: Iterable<StreamEvent>): StreamMetrics {
  const fold = createMetricsFold(t0Ms);
  for (const event of events) fold.add(event);
  return fold.result();
}
