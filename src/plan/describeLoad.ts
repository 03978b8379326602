import type { LoadSettings } from '../suite/types.js';

/**
 * What `validate` says about a suite's `load:` block: the steps, and the requests each relay is
 * expected to send (rate × step length, warm-up included; with `requests: N`, N plus the warm-up's
 * rate × warmupS). Poisson arrivals vary around this by about √n. Pure; multi-line text.
 */
export function describeLoadPlan(load: LoadSettings, relays: number): string {
  const perRelay = expectedLoadRequests(load);
  const size = load.stepS === undefined ? `${load.requests} measured requests` : `${load.stepS} s`;
  const seconds = load.stepS === undefined ? undefined : load.stepS * load.rates.length;
  return [
    `load mode (open loop): ${load.arrival} arrivals at ${load.rates.join(', ')} req/s in turn, ${size} per step, ${load.warmupS} s warm-up per step not counted, at most ${load.maxInFlight} in flight per relay`,
    `  about ${perRelay.toLocaleString('en-US')} requests per relay, ${(perRelay * relays).toLocaleString('en-US')} in all${seconds === undefined ? '' : `, over at least ${seconds} s (each step also waits for its requests to finish)`}; each sends one of the jobs above, drawn in a seeded shuffle`,
  ].join('\n');
}

/** Requests one relay is expected to send over the whole load run (warm-up included), rounded. */
export function expectedLoadRequests(load: LoadSettings): number {
  const perStep = load.rates.map((rate) => (load.stepS === undefined ? (load.requests ?? 0) + rate * load.warmupS : rate * load.stepS));
  return Math.round(perStep.reduce((sum, count) => sum + count, 0));
}

/**
 * The jobs a cost estimate should price in load mode: each relay's jobs repeated in turn up to the
 * requests it is expected to send (the seeded shuffle uses every job equally often).
 */
export function loadEstimateJobs<T extends { relay: string }>(jobs: readonly T[], load: LoadSettings): T[] {
  const count = expectedLoadRequests(load);
  const byRelay = new Map<string, T[]>();
  for (const job of jobs) byRelay.set(job.relay, [...(byRelay.get(job.relay) ?? []), job]);
  return [...byRelay.values()].flatMap((own) => Array.from({ length: count }, (_, index) => own[index % own.length] as T));
}
