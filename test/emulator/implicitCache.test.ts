import { describe, expect, it } from 'vitest';
import { createImplicitCache, implicitCacheMinTokens, PREFILL_MS_PER_TOKEN } from '../../src/emulator/implicitCache.js';
import { decodeSse, geminiBody, post, streamUrl, withEmulator } from './helpers.js';

describe('implicit cache model', () => {
  it.each([
    ['gemini-2.5-flash', 1024],
    ['gemini-2.5-flash-lite', 1024],
    ['gemini-2.5-pro', 2048],
    ['gemini-3-pro-preview', 2048],
    ['gemini-3-flash-preview', 1024],
    ['gemini-2.0-flash', undefined],
  ])('%s caches prompts from %s tokens', (model, minimum) => {
    expect(implicitCacheMinTokens(model)).toBe(minimum);
  });

  it('misses first, then reports whole 256-token blocks cached and a shorter prefill', () => {
    const cache = createImplicitCache();
    const first = cache.lookup('r', 'gemini-2.5-flash', 'p', 1300);
    const second = cache.lookup('r', 'gemini-2.5-flash', 'p', 1300);
    expect(first).toEqual({ cachedTokens: 0, prefillMs: 1300 * PREFILL_MS_PER_TOKEN });
    expect(second).toEqual({ cachedTokens: 1280, prefillMs: 20 * PREFILL_MS_PER_TOKEN });
  });

  it.each([
    ['a short prompt', 'r', 'gemini-2.5-flash', 'short', 1000],
    ['another relay', 'other', 'gemini-2.5-flash', 'p', 1300],
    ['another model', 'r', 'gemini-2.5-pro', 'p', 4000],
    ['another prompt', 'r', 'gemini-2.5-flash', 'q', 1300],
    ['a model without implicit caching', 'r', 'gemini-2.0-flash', 'p', 5000],
  ])('does not hit for %s', (_title, relay, model, key, tokens) => {
    const cache = createImplicitCache();
    cache.lookup('r', 'gemini-2.5-flash', 'p', 1300);
    cache.lookup(relay, model, 'short', 1000);
    expect(cache.lookup(relay, model, key, tokens).cachedTokens).toBe(0);
  });
});

describe('emulator reports cachedContentTokenCount on repeats of a long prompt', () => {
  const longPrompt = `${'The quick brown fox jumps over the lazy dog. '.repeat(110)}What is 2+2?`;

  it('second request of the same long prompt is partly cached; a short prompt never is', async () => {
    await withEmulator({ config: { relays: [{ name: 'honest', profile: 'honest' }] } }, async (emulator) => {
      const usageOf = async (prompt: string, budget: number) => {
        const response = await post(streamUrl(emulator.url, 'honest'), geminiBody(prompt, { thinkingConfig: { thinkingBudget: budget } }));
        return decodeSse(response.text).at(-1)?.usageMetadata;
      };
      const first = await usageOf(longPrompt, 0);
      const second = await usageOf(longPrompt, 1024);
      const short = [await usageOf('What is 2+2?', 0), await usageOf('What is 2+2?', 0)];
      expect(first?.cachedContentTokenCount).toBeUndefined();
      expect(second?.promptTokenCount).toBe(first?.promptTokenCount);
      expect(second?.cachedContentTokenCount).toBe(Math.floor((first?.promptTokenCount ?? 0) / 256) * 256);
      expect(second?.cacheTokensDetails).toEqual([{ modality: 'TEXT', tokenCount: second?.cachedContentTokenCount }]);
      expect(short.map((usage) => usage?.cachedContentTokenCount)).toEqual([undefined, undefined]);
    });
  });
});
