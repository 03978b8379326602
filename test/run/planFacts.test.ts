import { describe, expect, it } from 'vitest';
import { expandPlan } from '../../src/plan/expand.js';
import { createPriceBook } from '../../src/run/pricing.js';
import { planFactsOf, pricesUsed } from '../../src/run/planFacts.js';
import { relay, suite } from '../plan/fixtures.js';

describe('pricesUsed (run.json prices)', () => {
  const priced = suite({
    relays: [
      relay({ name: 'list', apiKey: 'k' }),
      relay({ name: 'half', apiKey: 'k', price: { multiplier: 0.5 } }),
      relay({ name: 'call', apiKey: 'k', price: { perRequest: 0.002 } }),
      relay({ name: 'pro', apiKey: 'k', model: 'gemini-2.5-pro' }),
      relay({ name: 'tuned', apiKey: 'k', model: 'my-finetune' }),
      relay({ name: 'idle', apiKey: 'k' }),
    ],
  });
  const book = createPriceBook(priced);
  const jobs = expandPlan(priced).filter((job) => job.relay !== 'idle');
  const used = pricesUsed(
    priced.relays.map((entry) => entry.name),
    jobs,
    book,
  );
  const sourceOf = (relayName: string, model: string): string | undefined => book.pricingOf({ relay: relayName, model })?.source;

  it.each([
    // Gemini 2.5 Flash list prices, USD per 1M tokens (cost/prices.ts LIST_PRICES).
    ['list', 'gemini-2.5-flash', { input: 0.3, output: 2.5, cachedInput: 0.03, multiplier: 1 }],
    ['half', 'gemini-2.5-flash', { input: 0.3, output: 2.5, cachedInput: 0.03, multiplier: 0.5 }],
    ['call', 'gemini-2.5-flash', { usdPerRequest: 0.002 }],
    // 2.5 Pro has a long-context tier: written only where the model has one.
    ['pro', 'gemini-2.5-pro', { input: 1.25, output: 10, cachedInput: 0.125, longContext: { overTokens: 200_000, input: 2.5, output: 15, cachedInput: 0.25 }, multiplier: 1 }],
  ])('%s (%s)', (relayName, model, prices) => {
    expect(used[relayName]).toEqual({ [model]: { source: sourceOf(relayName, model), ...prices } });
  });

  it('writes null for a model without a price, and an empty object for a relay the jobs do not use', () => {
    expect(used.tuned).toEqual({ 'my-finetune': null });
    expect(used.idle).toEqual({});
  });

  it('keeps the suite order of relays', () => {
    expect(Object.keys(used)).toEqual(['list', 'half', 'call', 'pro', 'tuned', 'idle']);
  });

  it('has no longContext key for a model without that tier', () => {
    expect(Object.keys(used.list?.['gemini-2.5-flash'] ?? {})).not.toContain('longContext');
  });
});

describe('planFactsOf', () => {
  const planSuite = suite({ relays: [relay({ name: 'a', apiKey: 'k' }), relay({ name: 'b', apiKey: 'k', model: 'my-finetune' })] });
  const plan = expandPlan(planSuite);
  const book = createPriceBook(planSuite);

  it('counts the plan and this run (a shard) apart, and names the relays whose jobs all have a price', () => {
    const shard = plan.filter((job) => job.relay === 'a');
    const facts = planFactsOf(planSuite, plan, shard, book);
    expect(facts.planned).toBe(plan.length);
    expect(facts.jobs).toBe(shard.length);
    expect(facts.jobIds).toEqual(shard.map((job) => job.jobId));
    expect([...facts.relays]).toEqual(['a', 'b']);
    expect(facts.priced.has('a')).toBe(true);
    expect(Object.keys(facts.pricesUsed)).toEqual(['a', 'b']);
  });

  it('leaves out a relay with an unpriced job', () => {
    expect(planFactsOf(planSuite, plan, plan, book).priced.has('b')).toBe(false);
  });
});
