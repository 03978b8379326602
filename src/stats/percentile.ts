/**
 * Percentiles by linear interpolation between closest ranks: Hyndman & Fan (1996) definition 7,
 * the default of numpy (`method="linear"`), R (`type = 7`) and Excel's PERCENTILE.INC. Chosen so a
 * user can reproduce any p50/p90/p99 from requests.csv with the tool they already have.
 *
 * The rank of percentile p among n sorted values is h = (n − 1)·p/100; the result interpolates
 * between the values at floor(h) and ceil(h).
 */

/**
 * @param sortedValues ascending, finite values (sorting is the caller's job so that several
 *   percentiles of one column sort it once).
 * @param p percentile in [0, 100], as in `numpy.percentile`.
 * @returns undefined for an empty array.
 */
export function percentile(sortedValues: readonly number[], p: number): number | undefined {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within [0, 100], got ${p}`);
  const count = sortedValues.length;
  if (count === 0) return undefined;
  const rank = ((count - 1) * p) / 100;
  const lowerIndex = Math.floor(rank);
  const lower = sortedValues[lowerIndex] as number;
  const upper = sortedValues[Math.min(lowerIndex + 1, count - 1)] as number;
  return lower + (rank - lowerIndex) * (upper - lower);
}

/**
 * Several percentiles of unsorted values (sorted once, on a copy).
 * @param percents each in [0, 100], like `percentile`.
 * @returns one value per requested percentile, or undefined when `values` is empty.
 */
export function quantiles(values: readonly number[], percents: readonly number[]): number[] | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((left, right) => left - right);
  return percents.map((p) => percentile(sorted, p) as number);
}
