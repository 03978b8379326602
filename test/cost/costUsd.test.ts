import { describe, expect, it } from 'vitest';
import { costUsd, listPriceOf, resolvePricing, roundUsd, type Pricing, type TokenUsage } from '../../src/cost/index.js';
import { parseFixtureNaively } from '../fixtures/gemini-real.js';

const PRO = listPriceOf('gemini-2.5-pro');
if (PRO === undefined) throw new Error('2.5 Pro must have a list price');
const atList: Pricing = { kind: 'tokens', prices: PRO, multiplier: 1 };
const atMultiplier = (multiplier: number): Pricing => ({ kind: 'tokens', prices: PRO, multiplier });

/** The real 2.5 Pro stream's last usageMetadata, read without our decoder. */
function fixtureUsage(): TokenUsage {
  const chunks = parseFixtureNaively('2.5-pro-thought-summaries.sse');
  const usage = chunks.at(-1)?.usageMetadata as Record<string, number | undefined>;
  return {
    promptTokens: usage.promptTokenCount,
    cachedTokens: usage.cachedContentTokenCount,
    thoughtTokens: usage.thoughtsTokenCount,
    answerTokens: usage.candidatesTokenCount,
  };
}

describe('cost of the real 2.5 Pro fixture, priced by hand', () => {
  const usage = fixtureUsage();

  it('reads 34 prompt, 787 thought, 469 answer and no cached tokens', () => {
    expect(usage).toEqual({ promptTokens: 34, cachedTokens: undefined, thoughtTokens: 787, answerTokens: 469 });
  });

  it.each([
    // 34 × $1.25 + (469 + 787) × $10, per 1M
    ['list price', usage, atList, 0.0126025],
    // the same at a reseller's 0.3 of list
    ['multiplier 0.3', usage, atMultiplier(0.3), 0.00378075],
    // 20 of the 34 prompt tokens from the cache: 14 × $1.25 + 20 × $0.125 + 1256 × $10
    ['20 cached tokens', { ...usage, cachedTokens: 20 }, atList, 0.01258],
    // a 250k prompt (50k cached) is over 200k: 200k × $2.50 + 50k × $0.25 + 1256 × $15
    ['long context, 50k cached', { ...usage, promptTokens: 250_000, cachedTokens: 50_000 }, atList, 0.53134],
    ['long context × 0.3', { ...usage, promptTokens: 250_000, cachedTokens: 50_000 }, atMultiplier(0.3), 0.159402],
    // exactly 200k is still "prompts <= 200k tokens": 200k × $1.25 + 1256 × $10
    ['200k prompt: base tier', { ...usage, promptTokens: 200_000 }, atList, 0.26256],
    ['200,001 prompt: long tier', { ...usage, promptTokens: 200_001 }, atList, (200_001 * 2.5 + 1256 * 15) / 1e6],
    // more cached than prompt (a relay's miscount) never makes input negative
    ['cached above prompt', { ...usage, cachedTokens: 50 }, atList, (34 * 0.125 + 1256 * 10) / 1e6],
    ['no thought count', { ...usage, thoughtTokens: undefined }, atList, (34 * 1.25 + 469 * 10) / 1e6],
    ['per request', usage, { kind: 'perRequest', usdPerRequest: 0.002 } as Pricing, 0.002],
    [
      'per request, no usage',
      { promptTokens: undefined, cachedTokens: undefined, thoughtTokens: undefined, answerTokens: undefined },
      { kind: 'perRequest', usdPerRequest: 0.002 } as Pricing,
      0.002,
    ],
  ] as const)('%s', (_name, given, pricing, expected) => {
    const cost = costUsd(given, pricing);
    expect(cost).toBeDefined();
    expect(Math.abs((cost ?? 0) - expected)).toBeLessThan(0.5e-6);
    expect(roundUsd(cost ?? 0)).toBeCloseTo(expected, 9);
  });

  it('is empty when the usage is missing', () => {
    expect(costUsd({ promptTokens: undefined, cachedTokens: undefined, thoughtTokens: 10, answerTokens: 10 }, atList)).toBeUndefined();
  });
});

describe('which price applies', () => {
  it.each([
    ['gemini-2.5-pro', 'list price (2026-11-30)'],
    ['models/gemini-2.5-flash', 'list price (2026-11-30)'],
    ['gemini-2.0-flash-001', 'list price (2026-11-30)'],
    ['gemini-3-pro-preview', 'list price (2026-11-30)'],
    ['gemini-3-flash-preview', 'list price (2026-11-30)'],
    ['gemini-2.0-flash-lite', 'list price (2026-11-30)'],
  ])('%s has a built-in price', (model, source) => {
    expect(resolvePricing(model, undefined, {})?.source).toBe(source);
  });

  it.each(['gemini-flash-latest', 'gemini-9-ultra', 'my-finetune'])('%s has none (an alias moves; an unknown model is not guessed)', (model) => {
    expect(resolvePricing(model, undefined, {})).toBeUndefined();
  });

  it('prefers a relay per-request price, then its own prices, then the suite, then the list', () => {
    const suite = { 'gemini-2.5-flash': { input: 1, output: 2 } };
    expect(resolvePricing('gemini-2.5-flash', { perRequest: 0.01, multiplier: 0.5 }, suite)?.pricing).toEqual({ kind: 'perRequest', usdPerRequest: 0.01 });
    expect(resolvePricing('gemini-2.5-flash', { input: 0.2, output: 0.8 }, suite)?.pricing).toEqual({
      kind: 'tokens',
      prices: { input: 0.2, output: 0.8, cachedInput: 0.2 },
      multiplier: 1,
    });
    expect(resolvePricing('gemini-2.5-flash', { multiplier: 0.5 }, suite)).toEqual({
      pricing: { kind: 'tokens', prices: { input: 1, output: 2, cachedInput: 1 }, multiplier: 0.5 },
      source: 'suite prices × 0.5',
    });
    expect(resolvePricing('gemini-2.5-flash', { multiplier: 0.5 }, {})?.source).toBe('list price (2026-11-30) × 0.5');
    expect(resolvePricing('my-finetune', { multiplier: 0.5 }, {})).toBeUndefined();
  });

  it('every built-in price names its source and the date it was read', () => {
    for (const model of [
      'gemini-2.5-pro',
      'gemini-2.5-flash',
      'gemini-2.5-flash-lite',
      'gemini-2.0-flash',
      'gemini-2.0-flash-lite',
      'gemini-3-pro-preview',
      'gemini-3-flash-preview',
    ]) {
      const price = listPriceOf(model);
      expect(price?.source).toBe('https://ai.google.dev/gemini-api/docs/pricing');
      expect(price?.readOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(price?.output).toBeGreaterThan(price?.input ?? Infinity);
      expect(price?.cachedInput).toBeLessThanOrEqual(price?.input ?? -1);
    }
  });
});
