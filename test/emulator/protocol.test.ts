import { describe, expect, it } from 'vitest';
import type { GeminiChunk } from '../../src/client/types.js';
import { ARITHMETIC_KEY, answerText, decodeArray, decodeSse, geminiBody, partsOf, post, streamUrl, thoughtText, withEmulator } from './helpers.js';

const THINKING = { thinkingConfig: { includeThoughts: true, thinkingBudget: 2048 } };

function expectGoogleStream(chunks: GeminiChunk[], modelVersion: string): void {
  expect(chunks.length).toBeGreaterThan(3);
  const responseIds = new Set(chunks.map((chunk) => chunk.responseId));
  expect(responseIds.size).toBe(1);
  let previousTotal = 0;
  chunks.forEach((chunk, index) => {
    expect(chunk.modelVersion).toBe(modelVersion);
    expect(chunk.candidates?.[0]?.index).toBe(0);
    expect(chunk.candidates?.[0]?.content?.role).toBe('model');
    const usage = chunk.usageMetadata ?? {};
    const sum = (usage.promptTokenCount ?? 0) + (usage.candidatesTokenCount ?? 0) + (usage.thoughtsTokenCount ?? 0);
    expect(usage.totalTokenCount).toBe(sum);
    expect(sum).toBeGreaterThanOrEqual(previousTotal);
    previousTotal = sum;
    const finish = chunk.candidates?.[0]?.finishReason;
    expect(finish).toBe(index === chunks.length - 1 ? 'STOP' : undefined);
  });
  const firstAnswer = chunks.flatMap(partsOf).find((part) => part.thought !== true);
  expect(typeof firstAnswer?.thoughtSignature).toBe('string');
  const signatures = chunks.flatMap(partsOf).filter((part) => part.thoughtSignature !== undefined);
  expect(signatures).toHaveLength(1);
}

describe('streaming protocol', () => {
  it('frames alt=sse as CRLF-separated data events in Google one-line JSON', async () => {
    await withEmulator({ seed: 1 }, async (emulator) => {
      const response = await post(streamUrl(emulator.url, 'instant'), geminiBody('Tell me about bridges.', THINKING));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/event-stream');
      expect(response.text).toMatch(/^data: \{"candidates": \[\{"content": \{"parts": \[\{"text": /);
      expect(response.text.endsWith('}\r\n\r\n')).toBe(true);
      const chunks = decodeSse(response.text);
      expectGoogleStream(chunks, 'gemini-2.5-flash');
      const summary = thoughtText(chunks);
      expect(summary).toMatch(/^\*\*[A-Z][a-z]+ [^*]+\*\*\n\n[A-Z]/);
      expect(summary.endsWith('.\n\n\n')).toBe(true);
    });
  });

  it('frames the no-alt stream as one JSON array like the recorded fixture', async () => {
    await withEmulator({ seed: 1 }, async (emulator) => {
      const url = streamUrl(emulator.url, 'instant', 'gemini-2.5-flash', false);
      const response = await post(url, geminiBody('Tell me about bridges.', THINKING));
      expect(response.headers.get('content-type')).toBe('application/json; charset=UTF-8');
      expect(response.text.startsWith('[{\n  "candidates": [\n')).toBe(true);
      expect(response.text).toContain('\n}\n,\r\n{\n');
      expect(response.text.endsWith('\n}\n]')).toBe(true);
      expectGoogleStream(decodeArray(response.text), 'gemini-2.5-flash');
    });
  });

  it('bills thought tokens but sends no thought parts without includeThoughts', async () => {
    await withEmulator({ seed: 1 }, async (emulator) => {
      const body = geminiBody('Tell me about bridges.', { thinkingConfig: { thinkingBudget: 2048 } });
      const chunks = decodeSse((await post(streamUrl(emulator.url, 'instant'), body)).text);
      expect(thoughtText(chunks)).toBe('');
      expect(chunks.at(-1)?.usageMetadata?.thoughtsTokenCount).toBeGreaterThan(0);
    });
  });

  it('sends answer chunks of about 25 tokens', async () => {
    await withEmulator({ seed: 1 }, async (emulator) => {
      const body = geminiBody('Tell me about bridges.', { thinkingConfig: { thinkingBudget: 0 } });
      const chunks = decodeSse((await post(streamUrl(emulator.url, 'instant'), body)).text);
      const sizes = chunks.slice(0, -1).map((chunk) => (partsOf(chunk)[0]?.text ?? '').length / 4);
      expect(sizes.length).toBeGreaterThan(4);
      for (const tokens of sizes) {
        expect(tokens).toBeGreaterThanOrEqual(24);
        expect(tokens).toBeLessThan(32);
      }
    });
  });

  it('answers generateContent with the single merged response', async () => {
    await withEmulator({ seed: 1 }, async (emulator) => {
      const url = `${emulator.url}/instant/v1beta/models/gemini-2.5-flash:generateContent`;
      const response = await post(url, geminiBody('Tell me about bridges.', THINKING));
      const merged = JSON.parse(response.text) as GeminiChunk;
      const parts = partsOf(merged);
      expect(parts.map((part) => part.thought === true)).toEqual([true, false]);
      expect(merged.candidates?.[0]?.finishReason).toBe('STOP');
      const usage = merged.usageMetadata;
      expect(usage?.candidatesTokenCount).toBe(Math.ceil((parts[1]?.text ?? '').length / 4));
    });
  });

  it('accepts snake_case bodies and a model field in the body (gptproto style)', async () => {
    await withEmulator({ seed: 1 }, async (emulator) => {
      const body = {
        model: 'gemini-2.5-flash',
        system_instruction: { parts: [{ text: 'Answer with the number only.' }] },
        contents: [{ role: 'user', parts: [{ text: 'What is 17*23?' }] }],
        generation_config: { thinking_config: { include_thoughts: true, thinking_budget: 512 }, max_output_tokens: 4096 },
      };
      const chunks = decodeSse((await post(streamUrl(emulator.url, 'instant'), body)).text);
      expect(thoughtText(chunks).length).toBeGreaterThan(0);
      expect(chunks.at(-1)?.usageMetadata?.thoughtsTokenCount).toBeLessThanOrEqual(512);
    });
  });

  it('finishes with MAX_TOKENS when maxOutputTokens cuts the answer', async () => {
    await withEmulator({ seed: 1 }, async (emulator) => {
      const body = geminiBody('Tell me about bridges.', { maxOutputTokens: 60, thinkingConfig: { thinkingBudget: 0 } });
      const chunks = decodeSse((await post(streamUrl(emulator.url, 'instant'), body)).text);
      expect(chunks.at(-1)?.candidates?.[0]?.finishReason).toBe('MAX_TOKENS');
      expect(chunks.at(-1)?.usageMetadata?.candidatesTokenCount).toBe(60);
      expect(answerText(chunks).length).toBe(240);
    });
  });

  it('answers known prompts from the answer key', async () => {
    await withEmulator({ seed: 1, config: { answerKey: ARITHMETIC_KEY } }, async (emulator) => {
      const body = geminiBody('  What is 17*23?\n', { thinkingConfig: { thinkingBudget: 4096 } });
      const answer = answerText(decodeSse((await post(streamUrl(emulator.url, 'instant'), body)).text));
      expect(['391', '381']).toContain(answer);
    });
  });
});

describe('API rules', () => {
  const rejected = async (model: string, body: unknown) => withEmulator({ seed: 1 }, async (emulator) => post(streamUrl(emulator.url, 'instant', model), body));

  it('404s unknown models in Google shape', async () => {
    const response = await rejected('gemini-9-ultra', geminiBody('hi'));
    expect(response.status).toBe(404);
    expect(JSON.parse(response.text)).toEqual({
      error: {
        code: 404,
        message: expect.stringContaining('models/gemini-9-ultra is not found for API version v1beta') as unknown,
        status: 'NOT_FOUND',
      },
    });
  });

  it.each([
    ['gemini-2.5-pro', { thinkingBudget: 0 }, 'Budget 0 is invalid. This model only works in thinking mode.'],
    ['gemini-2.5-pro', { thinkingBudget: 64 }, 'The thinking budget (64) is invalid.'],
    ['gemini-2.5-flash', { thinkingBudget: 30000 }, 'The thinking budget (30000) is invalid.'],
    ['gemini-2.5-flash-lite', { thinkingBudget: 256 }, 'The thinking budget (256) is invalid.'],
    ['gemini-2.5-flash', { thinkingLevel: 'low' }, 'Thinking level is not supported for this model.'],
    ['gemini-3-pro-preview', { thinkingLevel: 'low', thinkingBudget: 1024 }, 'You can only set only one of thinking budget and thinking level.'],
    ['gemini-2.0-flash', { thinkingBudget: 1024 }, 'Thinking is not enabled for models/gemini-2.0-flash'],
  ])('400s %s with %j', async (model, thinkingConfig, message) => {
    const response = await rejected(model, geminiBody('hi', { thinkingConfig }));
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text)).toEqual({ error: { code: 400, message, status: 'INVALID_ARGUMENT' } });
  });

  it.each([
    ['gemini-2.5-pro', { thinkingBudget: 128 }],
    ['gemini-2.5-pro', { thinkingBudget: -1 }],
    ['gemini-2.5-flash', { thinkingBudget: 0 }],
    ['gemini-2.5-flash-lite', { thinkingBudget: 0 }],
    ['gemini-2.5-flash-lite', { thinkingBudget: 512 }],
    ['gemini-flash-latest', { thinkingLevel: 'MEDIUM' }],
    ['gemini-3-pro-preview', { thinkingLevel: 'high' }],
    ['gemini-2.0-flash', {}],
  ])('accepts %s with %j', async (model, thinkingConfig) => {
    const response = await rejected(model, geminiBody('hi', { thinkingConfig }));
    expect(response.status).toBe(200);
  });

  it('400s invalid JSON and a body without contents', async () => {
    const broken = await rejected('gemini-2.5-flash', '{"contents": [');
    expect(broken.status).toBe(400);
    expect(broken.text).toContain('Invalid JSON payload received');
    const empty = await rejected('gemini-2.5-flash', { generationConfig: {} });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('contents is not specified');
  });

  it('does not think at budget 0 where thinking can be turned off', async () => {
    const response = await rejected('gemini-2.5-flash', geminiBody('hi', { thinkingConfig: { thinkingBudget: 0, includeThoughts: true } }));
    const chunks = decodeSse(response.text);
    expect(thoughtText(chunks)).toBe('');
    expect(chunks.at(-1)?.usageMetadata?.thoughtsTokenCount).toBeUndefined();
    expect(partsOf(chunks[0] ?? {})[0]?.thoughtSignature).toBeUndefined();
  });
});
