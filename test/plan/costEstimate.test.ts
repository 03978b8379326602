import { describe, expect, it } from 'vitest';
import { describeCostEstimate, estimateCosts } from '../../src/plan/costEstimate.js';
import { expandPlan } from '../../src/plan/expand.js';
import { promptCase, relay, suite } from './fixtures.js';

/** 40 characters of prompt, no system instruction: 10 estimated prompt tokens. */
const PROMPT = 'x'.repeat(40);

describe('cost estimate per relay', () => {
  it.each([
    // low: 10 × $1 per 1M; high: + 100 × $10 per 1M
    ['suite prices and maxOutputTokens', { generationConfig: { maxOutputTokens: 100 } }, { 'gemini-2.5-flash': { input: 1, output: 10 } }, undefined, 10e-6, 10e-6 + 1000e-6],
    // no maxOutputTokens: 2.5 Flash's output cap, 65,536 tokens
    ['the model output cap when no maxOutputTokens', { generationConfig: {} }, { 'gemini-2.5-flash': { input: 1, output: 10 } }, undefined, 10e-6, 10e-6 + 655_360e-6],
    ['a multiplier', { generationConfig: { maxOutputTokens: 100 } }, { 'gemini-2.5-flash': { input: 1, output: 10 } }, { multiplier: 0.5 }, 5e-6, 505e-6],
    ['per request', { generationConfig: { maxOutputTokens: 100 } }, {}, { perRequest: 0.01 }, 0.01, 0.01],
    // list price: 10 × $0.30; + 100 × $2.50
    ['the list price', { generationConfig: { maxOutputTokens: 100 } }, {}, undefined, 3e-6, 253e-6],
  ] as const)('%s', (_title, overrides, prices, price, low, high) => {
    const priced = suite({
      ...overrides,
      systemInstruction: undefined,
      cases: [promptCase('one', PROMPT)],
      prices,
      relays: [relay({ name: 'r', apiKey: 'k', ...(price === undefined ? {} : { price }) })],
    });
    const [estimate] = estimateCosts(priced, expandPlan(priced));
    expect(estimate?.jobs).toBe(1);
    expect(estimate?.lowUsd).toBeCloseTo(low, 12);
    expect(estimate?.highUsd).toBeCloseTo(high, 12);
  });

  it('says "no price" and leaves the range empty for an unpriced model', () => {
    const unpriced = suite({ model: 'my-finetune', cases: [promptCase('one', PROMPT)] });
    const estimates = estimateCosts(unpriced, expandPlan(unpriced));
    expect(estimates[0]).toMatchObject({ price: 'no price for my-finetune', lowUsd: undefined, highUsd: undefined });
    expect(describeCostEstimate(estimates)).toMatch(/google\s+no price for my-finetune\s+1\s+–\s+–/);
  });
});
