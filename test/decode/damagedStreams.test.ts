import { describe, expect, it } from 'vitest';
import { normaliseKeys } from '../../src/client/decode/camelCase.js';
import { createStreamDecoder } from '../../src/client/decode/index.js';
import type { DecodedItem } from '../../src/client/decode/index.js';
import { chunksOf, decodeText } from './harness.js';
import { GOOD_CHUNK, GOOGLE_429, GOOGLE_429_INFO, SECOND_CHUNK } from './samples.js';

describe('damaged streams', () => {
  it('reports invalid JSON in one event and keeps decoding the next ones', () => {
    const body = `data: ${GOOD_CHUNK}\r\n\r\ndata: {"candidates": [oops\r\n\r\ndata: ${SECOND_CHUNK}\r\n\r\n`;
    const outcome = decodeText(body);
    expect(chunksOf(outcome)).toEqual([JSON.parse(GOOD_CHUNK), JSON.parse(SECOND_CHUNK)]);
    expect(outcome.problems).toHaveLength(1);
    expect(outcome.problems[0]).toMatchObject({ kind: 'invalid-json', sample: '{"candidates": [oops' });
  });

  it('reports JSON that is not a GenerateContentResponse as not-gemini', () => {
    const outcome = decodeText(`data: {"choices":[{"delta":{"content":"hi"}}]}\n\ndata: ${GOOD_CHUNK}\n\n`);
    expect(chunksOf(outcome)).toEqual([JSON.parse(GOOD_CHUNK)]);
    expect(outcome.problems).toEqual([{ kind: 'not-gemini', message: 'JSON is not a GenerateContentResponse', sample: '{"choices":[{"delta":{"content":"hi"}}]}' }]);
  });

  it('ignores a [DONE] line', () => {
    expect(decodeText(`data: ${GOOD_CHUNK}\n\ndata: [DONE]\n\n`)).toEqual({
      items: [{ type: 'chunk', chunk: JSON.parse(GOOD_CHUNK) }],
      problems: [],
    });
  });

  it('decodes a last event whose blank line never came, and reports one cut inside its JSON', () => {
    expect(decodeText(`data: ${GOOD_CHUNK}`)).toEqual({ items: [{ type: 'chunk', chunk: JSON.parse(GOOD_CHUNK) }], problems: [] });
    const cut = decodeText(`data: ${GOOD_CHUNK}\r\n\r\ndata: {"candidates": [{"content"`);
    expect(chunksOf(cut)).toHaveLength(1);
    expect(cut.problems).toEqual([expect.objectContaining({ kind: 'truncated', sample: '{"candidates": [{"content"' })]);
  });

  it('reports a JSON array cut inside an element as truncated, after the complete elements', () => {
    const outcome = decodeText(`[${GOOD_CHUNK}\n,\r\n{"candidates": [{"content": {"parts": [{"text": "unfini`, 'json-array');
    expect(chunksOf(outcome)).toEqual([JSON.parse(GOOD_CHUNK)]);
    expect(outcome.problems).toEqual([expect.objectContaining({ kind: 'truncated', sample: '{"candidates": [{"content": {"parts": [{"text": "unfini' })]);
  });

  it('reports a JSON array that was never closed as truncated', () => {
    const outcome = decodeText(`[${GOOD_CHUNK}\n,\r\n`, 'json-array');
    expect(chunksOf(outcome)).toEqual([JSON.parse(GOOD_CHUNK)]);
    expect(outcome.problems).toEqual([{ kind: 'truncated', message: 'body ended before the JSON array was closed', sample: '' }]);
  });

  it('keeps braces, brackets and escaped quotes inside strings out of the nesting count', () => {
    const tricky = { candidates: [{ content: { parts: [{ text: 'a } ] { [ \\" \\\\ "quoted" end' }] } }] };
    const outcome = decodeText(`[${JSON.stringify(tricky)},${GOOD_CHUNK}]`, 'json-array');
    expect(outcome).toEqual({
      items: [
        { type: 'chunk', chunk: tricky },
        { type: 'chunk', chunk: JSON.parse(GOOD_CHUNK) },
      ],
      problems: [],
    });
  });

  it('reports primitive array elements and stray text after the array', () => {
    const outcome = decodeText(`[${GOOD_CHUNK}, 42, "x,y"] trailing`, 'json-array');
    expect(chunksOf(outcome)).toEqual([JSON.parse(GOOD_CHUNK)]);
    expect(outcome.problems.map((problem) => [problem.kind, problem.sample])).toEqual([
      ['not-gemini', '42'],
      ['not-gemini', '"x,y"'],
      ['invalid-json', 'trailing'],
    ]);
  });
});

describe('snake_case relays', () => {
  it('renames snake_case keys to camelCase and leaves values and function arguments alone', () => {
    const snake = {
      candidates: [
        {
          content: { parts: [{ text: 'keep_this_text', thought_signature: 'c2ln' }, { function_call: { name: 'f', args: { user_id: 7 } } }] },
          finish_reason: 'STOP',
        },
      ],
      usage_metadata: { prompt_token_count: 3, candidates_token_count: 2, thoughts_token_count: 5, total_token_count: 10 },
      prompt_feedback: { block_reason: 'OTHER' },
      model_version: 'gemini-2.5-flash',
      response_id: 'id_1',
    };
    expect(chunksOf(decodeText(`data: ${JSON.stringify(snake)}\n\n`))).toEqual([
      {
        candidates: [
          {
            content: { parts: [{ text: 'keep_this_text', thoughtSignature: 'c2ln' }, { functionCall: { name: 'f', args: { user_id: 7 } } }] },
            finishReason: 'STOP',
          },
        ],
        usageMetadata: { promptTokenCount: 3, candidatesTokenCount: 2, thoughtsTokenCount: 5, totalTokenCount: 10 },
        promptFeedback: { blockReason: 'OTHER' },
        modelVersion: 'gemini-2.5-flash',
        responseId: 'id_1',
      },
    ]);
  });

  it('returns a camelCase chunk without copying it', () => {
    const chunk = JSON.parse(GOOD_CHUNK) as unknown;
    expect(normaliseKeys(chunk)).toBe(chunk);
  });
});

describe('streaming behaviour', () => {
  it('emits each item as soon as it is complete, before the body ends', () => {
    for (const [framing, head, tail] of [
      ['sse', `data: ${GOOD_CHUNK}\r\n\r\ndata: {"candi`, `dates":[]}\r\n\r\n`],
      ['json-array', `[${GOOD_CHUNK}\n,\r\n{"candi`, 'dates":[]}\n]'],
    ] as const) {
      const items: DecodedItem[] = [];
      const decoder = createStreamDecoder({ framing, onItem: (item) => items.push(item), onProblem: () => {} });
      decoder.feed(new TextEncoder().encode(head));
      expect(items).toHaveLength(1);
      decoder.feed(new TextEncoder().encode(tail));
      expect(items).toHaveLength(2);
      decoder.end();
      expect(items).toHaveLength(2);
    }
  });

  it('emits a bare error sent mid-stream as soon as its JSON is complete, while the body stays open', () => {
    for (const error of [JSON.stringify(GOOGLE_429), JSON.stringify(GOOGLE_429, null, 2)]) {
      const items: DecodedItem[] = [];
      const decoder = createStreamDecoder({ framing: 'sse', onItem: (item) => items.push(item), onProblem: () => {} });
      decoder.feed(new TextEncoder().encode(`data: ${GOOD_CHUNK}\r\n\r\n${error}\r\n`));
      expect(items).toEqual([
        { type: 'chunk', chunk: JSON.parse(GOOD_CHUNK) },
        { type: 'error', error: GOOGLE_429_INFO },
      ]);
    }
  });

  it('forgets a half-fed body on reset and decodes the next body from scratch', () => {
    const items: DecodedItem[] = [];
    const decoder = createStreamDecoder({ framing: 'sse', onItem: (item) => items.push(item), onProblem: () => {} });
    decoder.feed(new TextEncoder().encode('<html><title>half'));
    decoder.reset();
    decoder.feed(new TextEncoder().encode(`data: ${GOOD_CHUNK}\n\n`));
    decoder.end();
    expect(items).toEqual([{ type: 'chunk', chunk: JSON.parse(GOOD_CHUNK) }]);
  });
});
