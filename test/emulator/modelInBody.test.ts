import { describe, expect, it } from 'vitest';
import { decodeArray, geminiBody, post, withEmulator } from './helpers.js';

/** gptproto's documented URL has an empty model segment (`models/:streamGenerateContent`); the body names the model. */
describe('a request that names its model in the body only', () => {
  it('is served with that model, and is a 404 when the body names none', async () => {
    await withEmulator({ seed: 1 }, async (emulator) => {
      const url = `${emulator.url}/instant/v1beta/models/:streamGenerateContent`;
      const named = await post(url, { model: 'gemini-2.5-pro', ...geminiBody('Hi') });
      expect(named.status).toBe(200);
      expect(decodeArray(named.text).at(-1)?.modelVersion).toBe('gemini-2.5-pro');
      const prefixed = await post(url, { model: 'models/gemini-2.5-flash', ...geminiBody('Hi') });
      expect(decodeArray(prefixed.text).at(-1)?.modelVersion).toBe('gemini-2.5-flash');
      expect((await post(url, geminiBody('Hi'))).status).toBe(404);
    });
  });
});
