import type { GeminiChunk, GeminiPart, GeminiUsage } from '../client/types.js';
import type { ModelOutput } from './model.js';
import { CHARS_PER_TOKEN, tokensIn } from './text.js';

/**
 * Turns the model's output into GenerateContentResponse chunks shaped like Google's recorded
 * streams: thought-summary chunks, then answer chunks of about 25 tokens, cumulative usage in
 * every chunk (zero counts left out, as Google's proto-JSON does), a thoughtSignature on the
 * first answer part, finishReason on the last chunk only.
 */

/** What every chunk of one response repeats: `modelVersion`, `responseId`, and the thought signature for the first answer part. */
export interface ResponseIdentity {
  modelVersion: string;
  responseId: string;
  /** Present when the model thought: Google puts one on the first answer part. */
  thoughtSignature: string | undefined;
}

/**
 * How a response is cut into chunks: prompt (and cached) token counts for `usageMetadata`, whether
 * thought summaries are streamed, whether usage is left out (the `no-usage` profile), answer tokens
 * per chunk, and a function call sent instead of the answer.
 */
export interface ChunkOptions {
  promptTokens: number;
  /** Prompt tokens served from the implicit cache (`cachedContentTokenCount`); 0 or absent = none. */
  cachedTokens?: number;
  showThoughts: boolean;
  omitUsage: boolean;
  tokensPerChunk: number;
  /** A `functionCall` part sent as the whole answer, in one chunk, instead of the answer text. */
  functionCall?: GeminiPart;
}

/** A chunk with the work it stands for, so the timing plan can pace it. */
export interface PlannedChunk {
  /** Thought tokens generated since the previous chunk (paced at the thinking rate). */
  newThoughtTokens: number;
  /** Answer tokens this chunk carries (paced at the answer rate). */
  newAnswerTokens: number;
  body: GeminiChunk;
}

function usage(promptTokens: number, answerTokens: number, thoughtTokens: number, cachedTokens = 0): GeminiUsage {
  const counts: GeminiUsage = { promptTokenCount: promptTokens };
  // Google's order: cachedContentTokenCount follows promptTokenCount, with cacheTokensDetails.
  if (cachedTokens > 0) counts.cachedContentTokenCount = cachedTokens;
  if (answerTokens > 0) counts.candidatesTokenCount = answerTokens;
  counts.totalTokenCount = promptTokens + answerTokens + thoughtTokens;
  counts.promptTokensDetails = [{ modality: 'TEXT', tokenCount: promptTokens }];
  if (cachedTokens > 0) counts.cacheTokensDetails = [{ modality: 'TEXT', tokenCount: cachedTokens }];
  if (thoughtTokens > 0) counts.thoughtsTokenCount = thoughtTokens;
  return counts;
}

function chunkBody(parts: GeminiPart[], finishReason: string | undefined, usageMetadata: GeminiUsage | undefined, identity: ResponseIdentity): GeminiChunk {
  const content = parts.length > 0 ? { parts, role: 'model' } : { role: 'model' };
  const candidate = finishReason === undefined ? { content, index: 0 } : { content, finishReason, index: 0 };
  const body: GeminiChunk = { candidates: [candidate] };
  if (usageMetadata !== undefined) body.usageMetadata = usageMetadata;
  body.modelVersion = identity.modelVersion;
  body.responseId = identity.responseId;
  return body;
}

/** Splits after a space near each `targetChars` boundary, so chunks end on whole words. */
export function splitAnswer(text: string, targetChars: number): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + targetChars);
    const space = text.indexOf(' ', end);
    if (end < text.length && space !== -1 && space - end < targetChars / 4) end = space + 1;
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces;
}

/**
 * The chunks of one streamed response, in order: thought summaries first (when shown), then the
 * answer in pieces of about `tokensPerChunk` tokens (the last with `finishReason`), each carrying
 * the cumulative `usageMetadata` so far, as Google's streams do. Each chunk says how many thought
 * and answer tokens it stands for, so the timing plan can pace it. Pure.
 */
export function planChunks(output: ModelOutput, identity: ResponseIdentity, options: ChunkOptions): PlannedChunk[] {
  const usageAt = (answerTokens: number, thoughtTokens: number): GeminiUsage | undefined =>
    options.omitUsage ? undefined : usage(options.promptTokens, answerTokens, thoughtTokens, options.cachedTokens);
  const chunks: PlannedChunk[] = [];
  let thoughtsSoFar = 0;
  if (options.showThoughts) {
    for (const summary of output.summaries) {
      const part: GeminiPart = { text: summary.text, thought: true };
      chunks.push({
        newThoughtTokens: summary.thoughtTokensSoFar - thoughtsSoFar,
        newAnswerTokens: 0,
        body: chunkBody([part], undefined, usageAt(0, summary.thoughtTokensSoFar), identity),
      });
      thoughtsSoFar = summary.thoughtTokensSoFar;
    }
  }
  // Thinking not shown is still done (and billed) before the answer starts.
  const unshownThoughts = output.thoughtTokens - thoughtsSoFar;
  if (options.functionCall !== undefined) {
    // Gemini streams a function call whole, in one part of one chunk.
    const part = answerPart(options.functionCall, identity);
    chunks.push({
      newThoughtTokens: unshownThoughts,
      newAnswerTokens: output.answerTokens,
      body: chunkBody([part], output.finishReason, usageAt(output.answerTokens, output.thoughtTokens), identity),
    });
    return chunks;
  }
  const pieces = splitAnswer(output.answerText, options.tokensPerChunk * CHARS_PER_TOKEN);
  if (pieces.length === 0) pieces.push('');
  let answerChars = 0;
  let answerTokensBefore = 0;
  pieces.forEach((piece, index) => {
    answerChars += piece.length;
    const answerTokens = tokensIn(output.answerText.slice(0, answerChars));
    const part: GeminiPart = { text: piece };
    if (index === 0 && identity.thoughtSignature !== undefined) part.thoughtSignature = identity.thoughtSignature;
    const isLast = index === pieces.length - 1;
    chunks.push({
      newThoughtTokens: index === 0 ? unshownThoughts : 0,
      newAnswerTokens: answerTokens - answerTokensBefore,
      body: chunkBody(
        piece === '' && part.thoughtSignature === undefined ? [] : [part],
        isLast ? output.finishReason : undefined,
        usageAt(answerTokens, output.thoughtTokens),
        identity,
      ),
    });
    answerTokensBefore = answerTokens;
  });
  return chunks;
}

/** The unary `generateContent` response: every part merged, final usage. */
export function mergedResponse(output: ModelOutput, identity: ResponseIdentity, options: ChunkOptions): GeminiChunk {
  const parts: GeminiPart[] = [];
  if (options.showThoughts && output.summaries.length > 0) {
    parts.push({ text: output.summaries.map((summary) => summary.text).join(''), thought: true });
  }
  const answer = answerPart(options.functionCall ?? { text: output.answerText }, identity);
  if (options.functionCall !== undefined || output.answerText !== '' || identity.thoughtSignature !== undefined) parts.push(answer);
  const usageMetadata = options.omitUsage ? undefined : usage(options.promptTokens, output.answerTokens, output.thoughtTokens, options.cachedTokens);
  return chunkBody(parts, output.finishReason, usageMetadata, identity);
}

/** The first answer part, with the thought signature Google puts on it when the model thought. */
function answerPart(content: GeminiPart, identity: ResponseIdentity): GeminiPart {
  return identity.thoughtSignature === undefined ? { ...content } : { ...content, thoughtSignature: identity.thoughtSignature };
}
