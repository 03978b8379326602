import { costUsd, resolvePricing, worstCaseCostUsd, type ResolvedPricing } from '../cost/index.js';
import type { StreamMetrics } from '../metrics/types.js';
import type { Job } from '../plan/types.js';
import type { Suite } from '../suite/types.js';

/** The pricing of every (relay, model) a run sends to, resolved once before the first request. */
export interface PriceBook {
  /** The pricing for a job's relay and model; undefined when none is known. */
  pricingOf(job: Pick<Job, 'relay' | 'model'>): ResolvedPricing | undefined;
  /** USD of a finished request from its usage; undefined without a price or without usage. */
  costOf(job: Pick<Job, 'relay' | 'model'>, metrics: Pick<StreamMetrics, 'promptTokens' | 'cachedTokens' | 'thoughtTokens' | 'answerTokens'>): number | undefined;
  /** The most a job can cost (see worstCaseCostUsd), times its attempts when mid-stream retries are on; 0 when unpriced. */
  worstCaseOf(job: Pick<Job, 'relay' | 'model' | 'body'>): number;
  /** `relay (model)` of every planned pair without a price, in plan order, each once. */
  unpriced(jobs: readonly Pick<Job, 'relay' | 'model'>[]): string[];
}

/** Resolves the suite's prices (relay `price:`, suite `prices:`, list prices) for the jobs' (relay, model) pairs. */
export function createPriceBook(suite: Pick<Suite, 'relays' | 'prices'>): PriceBook {
  const relays = new Map(suite.relays.map((relay) => [relay.name, relay]));
  const cache = new Map<string, ResolvedPricing | undefined>();
  const pricingOf = (job: Pick<Job, 'relay' | 'model'>): ResolvedPricing | undefined => {
    const key = `${job.relay}\u0000${job.model}`;
    if (!cache.has(key)) cache.set(key, resolvePricing(job.model, relays.get(job.relay)?.price, suite.prices ?? {}));
    return cache.get(key);
  };
  return {
    pricingOf,
    costOf(job, metrics) {
      const resolved = pricingOf(job);
      return resolved === undefined ? undefined : costUsd(metrics, resolved.pricing);
    },
    worstCaseOf(job) {
      const resolved = pricingOf(job);
      if (resolved === undefined) return 0;
      // A stream cut mid-way was generated (and may be billed); with retry.midStream each retry can be too.
      const retry = relays.get(job.relay)?.retry;
      const billedAttempts = retry?.midStream === true ? retry.max + 1 : 1;
      return billedAttempts * worstCaseCostUsd(job.body, job.model, resolved.pricing);
    },
    unpriced(jobs) {
      const missing = new Set<string>();
      for (const job of jobs) if (pricingOf(job) === undefined) missing.add(`${job.relay} (${job.model})`);
      return [...missing];
    },
  };
}
