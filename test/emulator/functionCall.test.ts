import { describe, expect, it } from 'vitest';
import { ARITHMETIC_KEY, decodeArray, decodeSse, geminiBody, partsOf, post, streamUrl, withEmulator } from './helpers.js';

const FAST = { headersMs: { medianMs: 5 }, prefillMs: { medianMs: 10 }, answerTokensPerS: 4000 };
const CONFIG = { answerKey: ARITHMETIC_KEY, relays: [{ name: 'r', profile: 'honest' as const, overrides: FAST }] };
const SUM = '1+2+3+4+5+....+999?';
const THINKING = { thinkingConfig: { includeThoughts: true, thinkingBudget: 4096 } };
const SUM_TOOL = {
  functionDeclarations: [
    { name: 'report_sum', description: 'Report the sum', parameters: { type: 'OBJECT', properties: { total: { type: 'INTEGER' }, shownAs: { type: 'STRING' } } } },
  ],
};

describe('function calling in the emulator', () => {
  it('answers with one functionCall part carrying the answer when the request declares function tools', async () => {
    await withEmulator({ seed: 3, config: CONFIG }, async (emulator) => {
      const response = await post(streamUrl(emulator.url, 'r', 'gemini-2.5-pro'), { ...geminiBody(SUM, THINKING), tools: [{ googleSearch: {} }, SUM_TOOL] });
      expect(response.status).toBe(200);
      const chunks = decodeSse(response.text);
      const answerParts = chunks.flatMap(partsOf).filter((part) => part.thought !== true);
      expect(answerParts).toHaveLength(1);
      const call = answerParts[0]?.functionCall as { name: string; args: { total: number; shownAs: string } };
      expect(call.name).toBe('report_sum');
      expect(String(call.args.total)).toBe(call.args.shownAs);
      expect(['499500', '500500']).toContain(call.args.shownAs);
      expect(answerParts[0]?.text).toBeUndefined();
      expect(chunks.at(-1)?.candidates?.[0]?.finishReason).toBe('STOP');
      expect(chunks.at(-1)?.usageMetadata?.candidatesTokenCount).toBeGreaterThan(0);
    });
  });

  it('reads snake_case tools (gptproto) and the JSON-array framing; mode NONE or no function tools answer in text', async () => {
    await withEmulator({ seed: 3, config: CONFIG }, async (emulator) => {
      const url = streamUrl(emulator.url, 'r', 'gemini-2.5-pro', false);
      const snake = await post(url, {
        ...geminiBody(SUM),
        tools: [{ function_declarations: [{ name: 'f', parameters_json_schema: { type: 'object', properties: { n: { type: 'number' } } } }] }],
      });
      const call = decodeArray(snake.text)
        .flatMap(partsOf)
        .find((part) => part.functionCall !== undefined);
      expect(call?.functionCall).toMatchObject({ name: 'f' });

      const none = await post(url, { ...geminiBody(SUM), tools: [SUM_TOOL], toolConfig: { functionCallingConfig: { mode: 'NONE' } } });
      const searchOnly = await post(url, { ...geminiBody(SUM), tools: [{ googleSearch: {} }], safetySettings: [{ category: 'HARM_CATEGORY_HARASSMENT', threshold: 'OFF' }] });
      for (const response of [none, searchOnly]) {
        const parts = decodeArray(response.text).flatMap(partsOf);
        expect(parts.some((part) => part.functionCall !== undefined)).toBe(false);
        expect(parts.map((part) => part.text ?? '').join('')).toMatch(/^(499500|500500)$/);
      }
    });
  });
});
