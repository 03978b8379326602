import type { Job } from '../plan/types.js';
import type { Suite } from '../suite/types.js';
import type { PriceBook } from './pricing.js';

/** What the end of a run needs of its plan: counts, ids, relays and prices, not the Job objects. */
export interface PlanFacts {
  /** Jobs the plan covers (the whole suite's, or a filter's slice); a shard's count is `jobs`. */
  planned: number;
  /** Jobs of this run (a shard's slice, or the whole plan). */
  jobs: number;
  /** job_ids of this run's jobs, for the completeness gate. */
  jobIds: string[];
  /** Relays the plan sends to. */
  relays: ReadonlySet<string>;
  /** Relays whose every job has a price. */
  priced: ReadonlySet<string>;
  /** run.json's `prices`. */
  pricesUsed: Record<string, Record<string, unknown>>;
}

/**
 * The facts of `planned` (the plan, or a filter's slice) and `jobs` (this run's: the plan or a
 * shard of it) that the end of the run reads, worked out before it so the Job objects can go.
 */
export function planFactsOf(suite: Suite, planned: readonly Job[], jobs: readonly Job[], prices: PriceBook): PlanFacts {
  return {
    planned: planned.length,
    jobs: jobs.length,
    jobIds: jobs.map((job) => job.jobId),
    relays: new Set(planned.map((job) => job.relay)),
    priced: new Set(suite.relays.filter((relay) => prices.unpriced(jobs.filter((job) => job.relay === relay.name)).length === 0).map((relay) => relay.name)),
    pricesUsed: pricesUsed(
      suite.relays.map((relay) => relay.name),
      jobs,
      prices,
    ),
  };
}

/**
 * run.json's `prices`: per relay (every one of `relays`, in order) and per model its jobs use
 * (first-seen order), where the price came from (`source`) and the prices themselves: USD per
 * million tokens (`input`, `output`, `cachedInput`, `longContext` when set) and the relay's
 * `multiplier`, or `usdPerRequest`; `null` for a model without a price.
 */
export function pricesUsed(
  relays: readonly string[],
  jobs: readonly Pick<Job, 'relay' | 'model'>[],
  prices: Pick<PriceBook, 'pricingOf'>,
): Record<string, Record<string, unknown>> {
  const used: Record<string, Record<string, unknown>> = {};
  for (const relay of relays) {
    const models = [...new Set(jobs.filter((job) => job.relay === relay).map((job) => job.model))];
    used[relay] = Object.fromEntries(
      models.map((model) => {
        const resolved = prices.pricingOf({ relay, model });
        if (resolved === undefined) return [model, null];
        const pricing = resolved.pricing;
        const detail =
          pricing.kind === 'perRequest'
            ? { usdPerRequest: pricing.usdPerRequest }
            : {
                input: pricing.prices.input,
                output: pricing.prices.output,
                cachedInput: pricing.prices.cachedInput,
                ...(pricing.prices.longContext === undefined ? {} : { longContext: pricing.prices.longContext }),
                multiplier: pricing.multiplier,
              };
        return [model, { source: resolved.source, ...detail }];
      }),
    );
  }
  return used;
}
