import { createStreamDecoder } from '../../src/client/decode/index.js';
import type { DecodedItem, DecodeProblem } from '../../src/client/decode/index.js';
import type { StreamFraming } from '../../src/suite/types.js';
import { createRandom } from '../../src/stats/random.js';

export interface DecodeOutcome {
  items: DecodedItem[];
  problems: DecodeProblem[];
}

/** Feeds `body` cut at `cuts` (sorted byte offsets), then ends it. */
export function decodeInPieces(body: Uint8Array, framing: StreamFraming, cuts: readonly number[] = []): DecodeOutcome {
  const outcome: DecodeOutcome = { items: [], problems: [] };
  const decoder = createStreamDecoder({
    framing,
    onItem: (item) => outcome.items.push(item),
    onProblem: (problem) => outcome.problems.push(problem),
  });
  let start = 0;
  for (const cut of [...cuts, body.length]) {
    decoder.feed(body.subarray(start, cut));
    start = cut;
  }
  decoder.end();
  return outcome;
}

export function decodeText(text: string, framing: StreamFraming = 'sse'): DecodeOutcome {
  return decodeInPieces(new TextEncoder().encode(text), framing);
}

export function chunksOf(outcome: DecodeOutcome): Record<string, any>[] {
  return outcome.items.flatMap((item) => (item.type === 'chunk' ? [item.chunk as Record<string, any>] : []));
}

/** A seeded PRNG (the project's own), so a failing cut pattern can be replayed. */
export const seededRandom = createRandom;

/** Offsets that split a UTF-8 character (before a continuation byte) or a `\r\n` pair. */
export function awkwardOffsets(body: Uint8Array): { insideCharacter: number[]; insideCrlf: number[] } {
  const insideCharacter: number[] = [];
  const insideCrlf: number[] = [];
  for (let i = 1; i < body.length; i++) {
    const byte = body[i] as number;
    if ((byte & 0xc0) === 0x80) insideCharacter.push(i);
    if (byte === 0x0a && body[i - 1] === 0x0d) insideCrlf.push(i);
  }
  return { insideCharacter, insideCrlf };
}

/** Random cut offsets, always including some inside characters and inside `\r\n` when the body has any. */
export function randomCuts(body: Uint8Array, seed: number): number[] {
  const random = seededRandom(seed);
  const pick = (from: readonly number[]): number | undefined => from[Math.floor(random() * from.length)];
  const cuts = new Set<number>();
  const pieceCount = 2 + Math.floor(random() * 40);
  for (let i = 0; i < pieceCount; i++) cuts.add(1 + Math.floor(random() * (body.length - 1)));
  const { insideCharacter, insideCrlf } = awkwardOffsets(body);
  for (let i = 0; i < 4; i++) {
    const inCharacter = pick(insideCharacter);
    const inCrlf = pick(insideCrlf);
    if (inCharacter !== undefined) cuts.add(inCharacter);
    if (inCrlf !== undefined) cuts.add(inCrlf);
  }
  return [...cuts].sort((a, b) => a - b);
}
