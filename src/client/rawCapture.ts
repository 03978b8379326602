import type { Redactor } from './redact.js';

/** One transport chunk of a response body as it arrived: bytes and `performance.now()` ms. */
export interface RawChunk {
  bytes: Uint8Array;
  atMs: number;
}

/** A redacted chunk for a capture file: text, its size on the wire, and ms since the request's t0. */
export interface CapturedChunk {
  /** Milliseconds from t0 to the arrival of the (first) transport chunk. */
  at_ms: number;
  /** Bytes on the wire (before redaction). */
  bytes: number;
  /** UTF-8 text, keys redacted; a character split across chunks is given to the chunk that completes it. */
  text: string;
  /** Present when adjacent chunks were joined because a secret straddled their boundary. */
  joined?: number;
}

/**
 * Turns raw chunks into capture chunks with every key redacted. Redaction runs per chunk; where a
 * key (or a key shape) straddles a chunk boundary, per-chunk redaction would miss it, so adjacent
 * chunks are joined until redacting them apart equals redacting them together. As a last guard the
 * joined text must equal the redaction of the whole body, else the body becomes one chunk. Pure.
 */
export function redactChunks(chunks: readonly RawChunk[], t0Ms: number, redact: Redactor): CapturedChunk[] {
  const decoder = new TextDecoder('utf-8');
  const pieces = chunks.map((chunk, index) => ({
    at_ms: round(chunk.atMs - t0Ms),
    bytes: chunk.bytes.length,
    raw: decoder.decode(chunk.bytes, { stream: index < chunks.length - 1 }),
    joined: 1,
  }));
  const merged: typeof pieces = [];
  for (const piece of pieces) {
    merged.push({ ...piece });
    // Join backwards while the boundary with the previous piece hides a secret.
    while (merged.length > 1) {
      const last = merged[merged.length - 1]!;
      const previous = merged[merged.length - 2]!;
      if (redact(previous.raw + last.raw) === redact(previous.raw) + redact(last.raw)) break;
      merged.splice(merged.length - 2, 2, { at_ms: previous.at_ms, bytes: previous.bytes + last.bytes, raw: previous.raw + last.raw, joined: previous.joined + last.joined });
    }
  }
  const out = merged.map((piece) => ({ at_ms: piece.at_ms, bytes: piece.bytes, text: redact(piece.raw), ...(piece.joined > 1 ? { joined: piece.joined } : {}) }));
  const whole = redact(pieces.map((piece) => piece.raw).join(''));
  if (out.map((piece) => piece.text).join('') === whole) return out;
  const first = out[0];
  return first === undefined ? [] : [{ at_ms: first.at_ms, bytes: out.reduce((sum, piece) => sum + piece.bytes, 0), text: whole, joined: chunks.length }];
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
