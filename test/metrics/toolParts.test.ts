import { describe, expect, it } from 'vitest';
import type { GeminiChunk, GeminiPart, StreamEvent } from '../../src/client/types.js';
import { computeMetrics } from '../../src/metrics/index.js';
import { partText } from '../../src/metrics/partText.js';

const T0_MS = 500;
const chunkAt = (afterT0Ms: number, parts: GeminiPart[]): StreamEvent => ({
  type: 'chunk',
  atMs: T0_MS + afterT0Ms,
  chunk: { candidates: [{ content: { parts, role: 'model' }, index: 0 }] } satisfies GeminiChunk,
});

const CALL = { name: 'report_sum', args: { total: 499500 } };

describe('tool parts are answer content', () => {
  it.each<[string, GeminiPart, string]>([
    ['text', { text: '499500' }, '499500'],
    ['functionCall', { functionCall: CALL }, '{"functionCall":{"name":"report_sum","args":{"total":499500}}}'],
    ['functionCall with a thought signature', { functionCall: CALL, thoughtSignature: 'c2ln' }, '{"functionCall":{"name":"report_sum","args":{"total":499500}}}'],
    ['executableCode', { executableCode: { language: 'PYTHON', code: 'print(sum(range(1000)))' } }, '{"executableCode":{"language":"PYTHON","code":"print(sum(range(1000)))"}}'],
    ['codeExecutionResult', { codeExecutionResult: { outcome: 'OUTCOME_OK', output: '499500\n' } }, '{"codeExecutionResult":{"outcome":"OUTCOME_OK","output":"499500\\n"}}'],
    ['an empty text part', { text: '' }, ''],
    ['a bare thoughtSignature', { thoughtSignature: 'c2ln' }, ''],
  ])('%s', (_title, part, expected) => {
    expect(partText(part)).toBe(expected);
  });

  it('a functionCall that comes first is the first answer token (ttft_ms, first_answer_ms) and the answer is its JSON', () => {
    const metrics = computeMetrics(T0_MS, [
      { type: 'headers', atMs: T0_MS + 5, status: 200, contentType: 'text/event-stream' },
      chunkAt(20, [{ text: 'Planning the call', thought: true }]),
      chunkAt(75, [{ functionCall: CALL }]),
      { type: 'end', atMs: T0_MS + 80 },
    ]);
    expect(metrics).toMatchObject({
      ttftMs: 20,
      firstThoughtMs: 20,
      firstAnswerMs: 75,
      thinkingMs: 55,
      answerChunks: 1,
      answerText: '{"functionCall":{"name":"report_sum","args":{"total":499500}}}',
    });
    const callOnly = computeMetrics(T0_MS, [chunkAt(42, [{ functionCall: CALL }]), { type: 'end', atMs: T0_MS + 43 }]);
    expect(callOnly).toMatchObject({ ttftMs: 42, firstAnswerMs: 42, firstThoughtMs: undefined });
  });
});
