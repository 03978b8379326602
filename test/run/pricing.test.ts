import { describe, expect, it } from 'vitest';
import { createMetricsFold } from '../../src/metrics/fold.js';
import { expandPlan } from '../../src/plan/expand.js';
import { toRequestRow } from '../../src/run/toRow.js';
import { createPriceBook } from '../../src/run/pricing.js';
import { relay, suite } from '../plan/fixtures.js';

const usage = { promptTokens: 1000, cachedTokens: 600, thoughtTokens: 300, answerTokens: 100 };

describe('price book of a run', () => {
  const priced = suite({
    relays: [
      relay({ name: 'list', apiKey: 'k' }),
      relay({ name: 'half', apiKey: 'k', price: { multiplier: 0.5 } }),
      relay({ name: 'call', apiKey: 'k', price: { perRequest: 0.002 } }),
      relay({ name: 'tuned', apiKey: 'k', model: 'my-finetune' }),
    ],
  });
  const book = createPriceBook(priced);

  it.each([
    // 2.5 Flash list: 400 × $0.30 + 600 × $0.03 + 400 × $2.50, per 1M
    ['list', 'gemini-2.5-flash', (400 * 0.3 + 600 * 0.03 + 400 * 2.5) / 1e6],
    ['half', 'gemini-2.5-flash', (0.5 * (400 * 0.3 + 600 * 0.03 + 400 * 2.5)) / 1e6],
    ['call', 'gemini-2.5-flash', 0.002],
    ['tuned', 'my-finetune', undefined],
  ])('%s', (relayName, model, expected) => {
    const cost = book.costOf({ relay: relayName, model }, usage);
    if (expected === undefined) expect(cost).toBeUndefined();
    else expect(cost).toBeCloseTo(expected, 12);
  });

  it('counts every attempt in the worst case when mid-stream retries may bill a stream twice', () => {
    const once = createPriceBook(suite({ relays: [relay({ name: 'r', apiKey: 'k' })] }));
    const thrice = createPriceBook(suite({ relays: [relay({ name: 'r', apiKey: 'k', retry: { max: 2, midStream: true } })] }));
    const job = expandPlan(suite())[0];
    if (job === undefined) throw new Error('no job');
    const on = { ...job, relay: 'r' };
    expect(once.worstCaseOf(on)).toBeGreaterThan(0);
    expect(thrice.worstCaseOf(on)).toBeCloseTo(3 * once.worstCaseOf(on), 12);
  });

  it('names each unpriced (relay, model) once, in plan order', () => {
    expect(book.unpriced(expandPlan(priced))).toEqual(['tuned (my-finetune)']);
  });

  it('fills cost_usd on a successful row only, rounded to the nano-dollar', () => {
    const job = expandPlan(priced)[0];
    if (job === undefined) throw new Error('no job');
    const base = {
      runId: 'r',
      suite: 's',
      job,
      startedAtIso: '2026-11-30T00:00:00Z',
      metrics: createMetricsFold(0).result(),
      httpStatus: 200,
      attempts: 1,
      retryNote: undefined,
      grade: undefined,
    };
    expect(toRequestRow({ ...base, failure: undefined, costUsd: 0.1 + 0.2 }).cost_usd).toBe(0.3);
    expect(toRequestRow({ ...base, failure: undefined, costUsd: undefined }).cost_usd).toBeUndefined();
    const failure = { kind: 'stream' as const, message: 'cut', httpStatus: 200, shape: 'none' as const, midStream: true };
    expect(toRequestRow({ ...base, failure, costUsd: 0.01 }).cost_usd).toBeUndefined();
  });
});
