import type { GeminiChunk, GeminiUsage } from '../client/types.js';
import type { RepaceSettings } from './profiles.js';

/**
 * What dishonest relays do to a stream that Google produced correctly, each as a pure function of
 * the planned chunk bodies and their due times (ms after the request). The planner applies the
 * ones a profile switches on; an honest profile never reaches this module, so its bytes and its
 * PRNG draws are unchanged. See docs/run-folder.md#verdictscsv for the check that catches each one.
 */

/** Chunk bodies with the time each is due, in ms after the request was received. */
export interface TimedChunks {
  bodies: GeminiChunk[];
  atMs: number[];
}

const clone = <T>(value: T): T => structuredClone(value);

function firstText(body: GeminiChunk): string | undefined {
  const text = body.candidates?.[0]?.content?.parts?.[0]?.text;
  return typeof text === 'string' && text !== '' ? text : undefined;
}

/** gemini-balance's `calculate_delay`: long texts fast, short texts slow, log-interpolated between. */
export function repaceDelayMs(textChars: number, settings: RepaceSettings): number {
  if (textChars <= settings.shortTextChars) return settings.maxDelayMs;
  if (textChars >= settings.longTextChars) return settings.minDelayMs;
  const ratio = Math.log(textChars / settings.shortTextChars) / Math.log(settings.longTextChars / settings.shortTextChars);
  return settings.maxDelayMs - ratio * (settings.maxDelayMs - settings.minDelayMs);
}

/**
 * The stream optimizer: each upstream chunk's first text part is cut into pieces (of `pieceChars`
 * characters when the text is long, else one character), each piece a deep copy of the upstream
 * chunk (usageMetadata, thought flag and signature included) with only that text, sent one delay
 * apart. A piece cannot leave before the upstream chunk arrived nor before the previous piece.
 */
export function repace(chunks: TimedChunks, settings: RepaceSettings): TimedChunks {
  const out: TimedChunks = { bodies: [], atMs: [] };
  let freeAtMs = 0;
  chunks.bodies.forEach((body, index) => {
    const arrivedMs = chunks.atMs[index] ?? 0;
    let atMs = Math.max(arrivedMs, freeAtMs);
    const text = firstText(body);
    if (text === undefined) {
      out.bodies.push(body);
      out.atMs.push(atMs);
      freeAtMs = atMs;
      return;
    }
    const size = text.length >= settings.longTextChars ? settings.pieceChars : 1;
    const delayMs = repaceDelayMs(text.length, settings);
    for (let start = 0; start < text.length; start += size) {
      const piece = clone(body);
      const part = piece.candidates?.[0]?.content?.parts?.[0];
      if (part !== undefined) part.text = text.slice(start, start + size);
      out.bodies.push(piece);
      out.atMs.push(atMs);
      atMs += delayMs;
    }
    freeAtMs = atMs;
  });
  return out;
}

/**
 * Usage padded by `factor`: answer tokens rounded up after multiplying, the total raised by the
 * same amount so the sum still adds up (what a relay that recounts or pads usage sends).
 */
export function inflateUsage(bodies: readonly GeminiChunk[], factor: number): GeminiChunk[] {
  return bodies.map((body) => {
    const usage = body.usageMetadata;
    if (usage === undefined || typeof usage.candidatesTokenCount !== 'number') return body;
    const padded = Math.ceil(usage.candidatesTokenCount * factor);
    const copy = clone(body);
    const counts = copy.usageMetadata as GeminiUsage;
    counts.candidatesTokenCount = padded;
    if (typeof counts.totalTokenCount === 'number') counts.totalTokenCount += padded - (usage.candidatesTokenCount ?? 0);
    return copy;
  });
}

/** The last chunk's usage copied into every chunk, from the first on. */
export function repeatFinalUsage(bodies: readonly GeminiChunk[]): GeminiChunk[] {
  const final = bodies.findLast((body) => body.usageMetadata !== undefined)?.usageMetadata;
  if (final === undefined) return [...bodies];
  return bodies.map((body) => ({ ...body, usageMetadata: clone(final) }));
}

/**
 * A hidden retry: the first `piecesSent` chunks of the failed attempt, then the whole second
 * attempt, sent upstream when the last piece had gone out (its times are relative to its own
 * request, so its own latency comes on top).
 */
export function splice(failed: TimedChunks, piecesSent: number, retried: TimedChunks): TimedChunks {
  const sentAtMs = failed.atMs.slice(0, piecesSent);
  const resumeMs = sentAtMs.at(-1) ?? 0;
  return {
    bodies: [...failed.bodies.slice(0, piecesSent), ...retried.bodies],
    atMs: [...sentAtMs, ...retried.atMs.map((atMs) => resumeMs + atMs)],
  };
}
