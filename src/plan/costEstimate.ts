import { estimateRequestCost, resolvePricing } from '../cost/index.js';
import type { Suite } from '../suite/types.js';
import { textTable } from './textTable.js';
import type { Job } from './types.js';
import { formatUsd } from '../format/index.js';

/** The estimated cost range of one relay's jobs; undefined USD when no price is known. */
export interface RelayCostEstimate {
  relay: string;
  /** Where the price comes from (`list price (2026-11-30) × 0.3`, `relay price`, …), or `no price`. */
  price: string;
  jobs: number;
  lowUsd: number | undefined;
  highUsd: number | undefined;
}

/**
 * Cost range per relay before anything is sent (README.md#cost): low prices each job's prompt
 * only, estimated from its text at ~4 characters per token; high adds the job's
 * `maxOutputTokens`, or the model's output cap when the request sets none (see cost/estimate.ts).
 * Implicit caching is not counted (it can only lower the real cost). Pure.
 */
export function estimateCosts(suite: Pick<Suite, 'relays' | 'prices'>, jobs: readonly Job[]): RelayCostEstimate[] {
  return suite.relays.map((relay) => {
    const own = jobs.filter((job) => job.relay === relay.name);
    let low: number | undefined = 0;
    let high: number | undefined = 0;
    const sources = new Set<string>();
    for (const job of own) {
      const resolved = resolvePricing(job.model, relay.price, suite.prices ?? {});
      if (resolved === undefined) {
        sources.add(`no price for ${job.model}`);
        low = undefined;
        high = undefined;
        continue;
      }
      sources.add(resolved.source);
      const range = estimateRequestCost(job.body, job.model, resolved.pricing);
      if (low !== undefined && high !== undefined) {
        low += range.lowUsd;
        high += range.highUsd;
      }
    }
    return { relay: relay.name, price: [...sources].join('; ') || '-', jobs: own.length, lowUsd: low, highUsd: high };
  });
}

/** The estimate as `relaybench validate` prints it, with a total line and what low and high mean. */
export function describeCostEstimate(estimates: readonly RelayCostEstimate[]): string {
  const known = estimates.every((row) => row.lowUsd !== undefined);
  const sum = (pick: (row: RelayCostEstimate) => number | undefined): number | undefined => (known ? estimates.reduce((total, row) => total + (pick(row) ?? 0), 0) : undefined);
  const rows = [
    ['relay', 'price', 'jobs', 'low', 'high'],
    ...estimates.map((row) => [row.relay, row.price, String(row.jobs), formatUsd(row.lowUsd), formatUsd(row.highUsd)]),
    ['total', '', String(estimates.reduce((total, row) => total + row.jobs, 0)), formatUsd(sum((row) => row.lowUsd)), formatUsd(sum((row) => row.highUsd))],
  ];
  return [
    "cost estimate per relay (USD; low: prompts only, ~4 characters per token; high: plus maxOutputTokens, or the model's output cap, per job)",
    textTable(rows, { indent: '  ', alignNumbers: true }),
  ].join('\n');
}
