import { percentile } from './percentile.js';
import { createRandom } from './random.js';

/**
 * Percentile bootstrap (Efron & Tibshirani 1993, ch. 13) for the difference of two medians, e.g.
 * "relay A's first-answer time is 120 ms lower than relay B's, 95% CI 80..170 ms". Latencies are
 * skewed and heavy-tailed, so medians and a resampling interval are more honest than means and a
 * t-interval. Seeded, so a report shows the same interval every time it is rebuilt.
 */
export interface BootstrapOptions {
  /** Number of resamples; 2000 or more keeps the 2.5% / 97.5% endpoints stable. */
  iterations: number;
  seed: number;
  /** Two-sided confidence level; 0.95 unless given. */
  confidence?: number;
}

/** A percentile-bootstrap confidence interval for median(a) − median(b), in the samples' unit (ms for latencies). */
export interface DifferenceInterval {
  /** The observed median(a) − median(b). */
  estimate: number;
  low: number;
  high: number;
}

/** @returns undefined when either sample is empty (a median needs at least one value). */
export function bootstrapDiffOfMedians(a: readonly number[], b: readonly number[], options: BootstrapOptions): DifferenceInterval | undefined {
  if (a.length === 0 || b.length === 0) return undefined;
  const confidence = options.confidence ?? 0.95;
  const random = createRandom(options.seed);
  const differences: number[] = [];
  for (let iteration = 0; iteration < options.iterations; iteration++) {
    differences.push(median(resample(a, random)) - median(resample(b, random)));
  }
  differences.sort((left, right) => left - right);
  const tailPercent = ((1 - confidence) / 2) * 100;
  return {
    estimate: median([...a]) - median([...b]),
    low: percentile(differences, tailPercent) as number,
    high: percentile(differences, 100 - tailPercent) as number,
  };
}

/**
 * A Float64Array, whose sort is numeric and native: with every relay pair of a run compared, a
 * comparator-driven Array sort here was most of a report's CPU time.
 */
function resample(values: readonly number[], random: () => number): Float64Array {
  const out = new Float64Array(values.length);
  for (let index = 0; index < values.length; index++) out[index] = values[Math.floor(random() * values.length)] as number;
  return out;
}

/** Sorts in place: only ever called on a fresh copy or resample. */
function median(values: number[] | Float64Array): number {
  const sorted = values instanceof Float64Array ? values.sort() : values.sort((left, right) => left - right);
  return percentile(sorted as unknown as readonly number[], 50) as number;
}
