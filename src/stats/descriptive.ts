/**
 * Plain descriptive statistics. Every function answers `undefined` for input too short to have
 * the statistic, rather than NaN, so that an empty group shows up as an empty CSV cell.
 */

/** Arithmetic mean; undefined for an empty array. */
export function mean(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** Sample standard deviation (Bessel's n − 1 denominator): the repeats are a sample of the relay's behaviour. */
export function stddev(values: readonly number[]): number | undefined {
  const average = mean(values);
  if (average === undefined || values.length < 2) return undefined;
  let squares = 0;
  for (const value of values) squares += (value - average) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

/** A loop rather than `Math.min(...values)`, which overflows the call stack on large arrays. */
export function min(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  let lowest = Infinity;
  for (const value of values) if (value < lowest) lowest = value;
  return lowest;
}

/** The largest value, by a loop (no call-stack overflow on large arrays); undefined for an empty array. */
export function max(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  let highest = -Infinity;
  for (const value of values) if (value > highest) highest = value;
  return highest;
}
