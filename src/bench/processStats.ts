import { max, mean, min, stddev } from '../stats/descriptive.js';
import type { ScalingPoint, StartupResult } from './types.js';

/** What one harness process cost, as its own `process.resourceUsage()` reported at exit. */
export interface ProcessCost {
  jobs: number;
  cpuMs: number;
  peakRssMb: number;
  wallS: number;
}

/**
 * Cost per request at each size, smallest first. The marginal cost (extra CPU over extra jobs
 * since the previous size) separates the fixed start-up and report cost from the per-request
 * cost: equal marginal costs are what linear growth means.
 */
export function scalingPoints(costs: readonly ProcessCost[]): ScalingPoint[] {
  const sorted = [...costs].sort((left, right) => left.jobs - right.jobs);
  return sorted.map((cost, index) => {
    const previous = index === 0 ? undefined : sorted[index - 1];
    const extraJobs = previous === undefined ? 0 : cost.jobs - previous.jobs;
    return {
      jobs: cost.jobs,
      cpu_ms: cost.cpuMs,
      cpu_ms_per_request: cost.cpuMs / cost.jobs,
      marginal_cpu_ms_per_request: previous === undefined || extraJobs <= 0 ? null : (cost.cpuMs - previous.cpuMs) / extraJobs,
      peak_rss_mb: cost.peakRssMb,
      wall_s: cost.wallS,
    };
  });
}

/** Hyperfine's summary of repeated timings: mean ± σ and the range. */
export function startupSummary(command: string, durationsMs: readonly number[]): StartupResult {
  const average = mean(durationsMs);
  const lowest = min(durationsMs);
  const highest = max(durationsMs);
  if (average === undefined || lowest === undefined || highest === undefined) throw new RangeError('startupSummary needs at least one timing');
  return { command, runs: durationsMs.length, mean_ms: average, stddev_ms: stddev(durationsMs) ?? null, min_ms: lowest, max_ms: highest };
}
