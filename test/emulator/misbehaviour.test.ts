import { describe, expect, it } from 'vitest';
import type { GeminiChunk } from '../../src/client/types.js';
import { inflateUsage, repace, repaceDelayMs, repeatFinalUsage, splice } from '../../src/emulator/misbehaviour.js';
import { GEMINI_BALANCE_REPACE } from '../../src/emulator/profiles.js';

const chunk = (text: string, candidates?: number): GeminiChunk => ({
  candidates: [{ content: { parts: [{ text }], role: 'model' }, index: 0 }],
  ...(candidates === undefined ? {} : { usageMetadata: { promptTokenCount: 10, candidatesTokenCount: candidates, totalTokenCount: 10 + candidates } }),
  responseId: 'r',
});
const textOf = (body: GeminiChunk): string => String(body.candidates?.[0]?.content?.parts?.[0]?.text ?? '');

describe("gemini-balance's stream optimizer", () => {
  it.each([
    // text length → delay: ≤ 10 characters max delay, ≥ 50 min delay, log-interpolated between
    [1, 24],
    [10, 24],
    [50, 16],
    [400, 16],
    [Math.round(10 * Math.sqrt(5)), 20],
  ])('%i characters → %i ms between pieces', (chars, delayMs) => {
    expect(repaceDelayMs(chars, GEMINI_BALANCE_REPACE)).toBeCloseTo(delayMs, 0);
  });

  it('cuts long texts into 5-character pieces, short ones into characters, each a copy with the chunk usage', () => {
    const long = 'The relay forwards each request to Google and streams the answer back.';
    const out = repace({ bodies: [chunk(long, 18), chunk('42', 19)], atMs: [100, 110] }, GEMINI_BALANCE_REPACE);
    const pieces = out.bodies.map(textOf);
    expect(pieces.join('')).toBe(`${long}42`);
    expect(pieces.slice(0, -2).every((piece) => piece.length <= 5)).toBe(true);
    expect(pieces.slice(-2)).toEqual(['4', '2']);
    expect(out.bodies.slice(0, -2).every((body) => body.usageMetadata?.candidatesTokenCount === 18)).toBe(true);
    // 16 ms apart; the short chunk waits for the long one's pieces, then goes 24 ms apart.
    expect(out.atMs[1]! - out.atMs[0]!).toBe(16);
    expect(out.atMs.at(-1)! - out.atMs.at(-2)!).toBe(24);
    expect(out.atMs.at(-2)!).toBeGreaterThanOrEqual(100 + 16 * 14);
  });
});

describe('usage rewriting', () => {
  it('inflates answer tokens and keeps the sum', () => {
    const [body] = inflateUsage([chunk('x', 10)], 1.5);
    expect(body?.usageMetadata).toMatchObject({ candidatesTokenCount: 15, totalTokenCount: 25 });
  });

  it('repeats the final usage from the first chunk on', () => {
    const bodies = repeatFinalUsage([chunk('a', 1), chunk('b', 2), chunk('c', 3)]);
    expect(bodies.map((body) => body.usageMetadata?.candidatesTokenCount)).toEqual([3, 3, 3]);
  });
});

describe('hidden retry', () => {
  it('sends the first pieces of the failed attempt, then the whole retry after it', () => {
    const failed = { bodies: [chunk('The answer'), chunk(' is 42.')], atMs: [300, 400] };
    const retried = { bodies: [chunk('The answer is 42.')], atMs: [250] };
    const out = splice(failed, 1, retried);
    expect(out.bodies.map(textOf)).toEqual(['The answer', 'The answer is 42.']);
    expect(out.atMs).toEqual([300, 550]);
  });
});
