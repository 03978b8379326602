/**
 * Wilson score interval for a binomial proportion (Wilson 1927; recommended by Newcombe 1998 and
 * Brown, Cai & DasGupta 2001). Unlike the normal "p ± z·√(p(1−p)/n)" interval it stays inside
 * [0, 1] and does not collapse to zero width at 0/n or n/n, which matters for pass rates of small
 * repeat counts that are often exactly 100%.
 */
export interface ProportionInterval {
  low: number;
  high: number;
}

/**
 * @param z the normal quantile for the confidence level (1.96 ≈ 95%).
 * @returns undefined when n is 0: no trials, no interval.
 */
export function wilsonInterval(successes: number, n: number, z = 1.96): ProportionInterval | undefined {
  if (n <= 0) return undefined;
  const proportion = successes / n;
  const zSquaredOverN = (z * z) / n;
  const denominator = 1 + zSquaredOverN;
  const center = (proportion + zSquaredOverN / 2) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((proportion * (1 - proportion)) / n + (z * z) / (4 * n * n));
  return { low: Math.max(0, center - halfWidth), high: Math.min(1, center + halfWidth) };
}
