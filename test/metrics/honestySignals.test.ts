import { describe, expect, it } from 'vitest';
import { createStreamDecoder } from '../../src/client/decode/index.js';
import type { GeminiChunk } from '../../src/client/types.js';
import { createHonestySignals, type HonestySignals } from '../../src/metrics/honestySignals.js';
import type { StreamFraming } from '../../src/suite/types.js';
import { FIXTURES, readFixture } from '../fixtures/gemini-real.js';

/**
 * The honesty signals read the same events as the metrics fold, plus raw bytes and 1xx statuses.
 * Bodies go through the real decoder, one piece at a time, each stamped with a chosen time.
 */
function signalsOf(pieces: Array<{ text: string | Uint8Array; atMs: number }>, asked: StreamFraming, infoStatuses: number[] = []): HonestySignals {
  const fold = createHonestySignals(asked);
  for (const status of infoStatuses) fold.addInfoStatus(status);
  let atMs = 0;
  const decoder = createStreamDecoder({
    framing: asked,
    onItem: (item) => {
      if (item.type === 'chunk') fold.add({ type: 'chunk', atMs, chunk: item.chunk });
    },
    onProblem: () => undefined,
  });
  for (const piece of pieces) {
    atMs = piece.atMs;
    const bytes = typeof piece.text === 'string' ? new TextEncoder().encode(piece.text) : piece.text;
    fold.addBytes(bytes);
    decoder.feed(bytes);
  }
  decoder.end();
  return fold.result();
}

const usage = (candidates: number | undefined, total: number) => ({
  promptTokenCount: 10,
  ...(candidates === undefined ? {} : { candidatesTokenCount: candidates }),
  totalTokenCount: total,
});
const chunk = (text: string, extra: Partial<GeminiChunk> = {}, thought = false): GeminiChunk => ({
  candidates: [{ content: { parts: [thought ? { text, thought: true } : { text }], role: 'model' }, index: 0 }],
  responseId: 'r1',
  ...extra,
});
const sse = (chunks: GeminiChunk[], stepMs = 100, tail = ''): Array<{ text: string; atMs: number }> =>
  chunks.map((body, index) => ({ text: `data: ${JSON.stringify(body)}\r\n\r\n${index === chunks.length - 1 ? tail : ''}`, atMs: index * stepMs }));

describe('honesty signals on real Google streams', () => {
  it.each(FIXTURES.filter((fixture) => !fixture.name.includes('blocked')))('$name: native pieces, no restart, clean framing', ({ name, framing }) => {
    const body = readFixture(name);
    // Served in 7-byte pieces: markers and JSON split anywhere must not confuse the signals.
    const pieces = Array.from({ length: Math.ceil(body.length / 7) }, (_, index) => ({ text: body.subarray(index * 7, index * 7 + 7), atMs: index }));
    const signals = signalsOf(pieces, framing);
    expect(signals.restarts).toEqual([]);
    expect(signals.framingFaults).toEqual([]);
    expect(signals.usageStatic).toBe(false);
    expect(signals.pieceCharsMedian).toBeGreaterThan(8);
  });
});

describe('honesty signals on misbehaving streams', () => {
  const answer = ['The relay forwards ', 'each request to Google ', 'and streams the answer back.'];
  const growing = answer.map((text, index) => chunk(text, { usageMetadata: usage(5 * (index + 1), 10 + 5 * (index + 1)) }));

  it.each([
    ['honest growing usage', growing, false],
    ['final usage repeated in every chunk', answer.map((text) => chunk(text, { usageMetadata: usage(15, 25) })), true],
    ['one chunk only', [chunk('42', { usageMetadata: usage(1, 11) })], false],
    [
      'same usage but no answer after the first usage chunk',
      [chunk('All of it.', { usageMetadata: usage(3, 13) }), { candidates: [{ finishReason: 'STOP', index: 0 }], usageMetadata: usage(3, 13) }],
      false,
    ],
  ] as Array<[string, GeminiChunk[], boolean]>)('usage: %s → static %s', (_name, chunks, expected) => {
    expect(signalsOf(sse(chunks), 'sse').usageStatic).toBe(expected);
  });

  it('re-paced pieces: tiny median piece and the cadence between them', () => {
    const text = 'The relay forwards each request to Google and streams the answer back.';
    const pieces = Array.from({ length: Math.ceil(text.length / 5) }, (_, index) => chunk(text.slice(index * 5, index * 5 + 5), { usageMetadata: usage(18, 28) }));
    const signals = signalsOf(sse(pieces, 16), 'sse');
    expect(signals.pieceCharsMedian).toBe(5);
    expect(signals.pieceGapMsMedian).toBe(16);
    expect(signals.textChunks).toBe(pieces.length);
  });

  it.each([
    ['a second responseId', [chunk('The answer is', { responseId: 'a' }), chunk('The answer is 42.', { responseId: 'b' })], ['responseId changed']],
    ['usage counts going down', [chunk('The answer', { usageMetadata: usage(9, 40) }), chunk('The answer is 42.', { usageMetadata: usage(4, 35) })], ['usage counts went down']],
    [
      'thoughts after the answer began',
      [chunk('Thinking', {}, true), chunk('The answer'), chunk('Thinking again', {}, true), chunk('The answer is 42.')],
      ['thoughts after the answer began'],
    ],
    [
      'a repeated opening sentence (honest prose)',
      [chunk('A common mistake is to treat the evidence as an afterthought. '), chunk('A common mistake is to treat the goal as an afterthought.')],
      [],
    ],
  ] as const)('restarts: %s', (_name, chunks, expected) => {
    expect(signalsOf(sse([...chunks]), 'sse').restarts).toEqual(expected);
  });

  it.each([
    ['data: [DONE] at the end', sse(growing, 100, 'data: [DONE]\n\n'), 'sse' as const, [], ['data: [DONE]']],
    ['data:[DONE] split across two pieces', [...sse(growing), { text: 'data:[DO', atMs: 400 }, { text: 'NE]\r\n\r\n', atMs: 401 }], 'sse' as const, [], ['data: [DONE]']],
    ['HTTP 102 before the response', sse(growing), 'sse' as const, [102], ['HTTP 102']],
    ['HTTP 103 Early Hints from a CDN is not the relay', sse(growing), 'sse' as const, [103], []],
    ['SSE when the JSON array was asked for', sse(growing), 'json-array' as const, [], ['SSE sent when a JSON array was asked for']],
    ['the JSON array as asked', [{ text: `[${growing.map((body) => JSON.stringify(body)).join(',\r\n')}]`, atMs: 0 }], 'json-array' as const, [], []],
    ['[DONE] inside the answer text is not a marker', sse([chunk('Print data: [DONE] to end.')]), 'sse' as const, [], []],
  ] as const)('framing: %s', (_name, pieces, asked, info, expected) => {
    expect(signalsOf([...pieces], asked, [...info]).framingFaults).toEqual(expected);
  });
});

describe('[DONE] only as its own line', () => {
  it('is not found inside a JSON string even when a piece boundary falls just before it', () => {
    const body = `data: ${JSON.stringify(chunkOf('Print data: [DONE] to end.'))}\r\n\r\n`;
    const at = body.indexOf('data: [DONE]', 5);
    const signals = signalsOf(
      [
        { text: body.slice(0, at), atMs: 0 },
        { text: body.slice(at), atMs: 1 },
      ],
      'sse',
    );
    expect(signals.framingFaults).toEqual([]);
  });
});

function chunkOf(text: string): GeminiChunk {
  return { candidates: [{ content: { parts: [{ text }], role: 'model' }, index: 0 }] };
}
