import type { MemoryResult } from './types.js';

/**
 * Peak RSS of `relaybench run` at two sizes and the growth between them. Issue 18's targets: at
 * 100,000 jobs peak RSS ≤ 250 MB, and from 20,000 to 100,000 jobs it grows by ≤ 60 MB, i.e. the
 * whole-run state is not proportional to the rows (a run that held every row object grew by
 * ~330 MB over those 80,000 jobs). Pure.
 */

/** Issue 18's growth target: ≤ 60 MB of peak RSS from 20,000 to 100,000 jobs. */
export const MAX_RSS_GROWTH_MB = 60;
/** The sizes issue 18 states the growth target between, jobs. */
export const GROWTH_FROM_JOBS = 20_000;
/** See {@link GROWTH_FROM_JOBS}. */
export const GROWTH_TO_JOBS = 100_000;

/**
 * The growth limit between two other sizes, scaled linearly from the (60 MB per 80,000
 * jobs): what a run that grows no faster than the target may add between `fromJobs` and `toJobs`.
 * Exactly 60 MB for 20,000 → 100,000. MB.
 */
export function growthLimitMb(fromJobs: number, toJobs: number): number {
  return (MAX_RSS_GROWTH_MB * (toJobs - fromJobs)) / (GROWTH_TO_JOBS - GROWTH_FROM_JOBS);
}

/** One run's size and its process's peak RSS, MB. */
export interface MemoryPoint {
  jobs: number;
  peakRssMb: number;
}

/**
 * The memory figure from runs at several sizes: the largest run's peak RSS, and its growth over
 * the smallest run's. With one run the growth is null (not measured). Throws RangeError on none.
 */
export function memoryGrowth(points: readonly MemoryPoint[]): MemoryResult {
  const sorted = [...points].sort((left, right) => left.jobs - right.jobs);
  const largest = sorted.at(-1);
  const smallest = sorted[0];
  if (largest === undefined || smallest === undefined) throw new RangeError('memoryGrowth needs at least one run');
  const grown = sorted.length > 1 && smallest.jobs < largest.jobs;
  return {
    jobs: largest.jobs,
    peak_rss_mb: largest.peakRssMb,
    base_jobs: grown ? smallest.jobs : null,
    base_peak_rss_mb: grown ? smallest.peakRssMb : null,
    growth_mb: grown ? largest.peakRssMb - smallest.peakRssMb : null,
  };
}
