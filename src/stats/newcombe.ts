import type { DifferenceInterval } from './bootstrap.js';
import { wilsonInterval } from './wilson.js';

/**
 * Confidence interval for the difference of two independent proportions p1 − p2, by Newcombe's
 * hybrid score method (Newcombe 1998, "Interval estimation for the difference between independent
 * proportions", Statistics in Medicine 17:873–890, method 10). It combines the two Wilson
 * intervals, so like them it behaves at 0% and 100% pass rates, where the Wald interval for a
 * difference degenerates.
 *
 * @param z the normal quantile for the confidence level (1.96 ≈ 95%).
 * @returns undefined when either group has no trials.
 */
export function newcombeDiffInterval(successes1: number, n1: number, successes2: number, n2: number, z = 1.96): DifferenceInterval | undefined {
  const interval1 = wilsonInterval(successes1, n1, z);
  const interval2 = wilsonInterval(successes2, n2, z);
  if (interval1 === undefined || interval2 === undefined) return undefined;
  const proportion1 = successes1 / n1;
  const proportion2 = successes2 / n2;
  const estimate = proportion1 - proportion2;
  return {
    estimate,
    low: estimate - Math.hypot(proportion1 - interval1.low, interval2.high - proportion2),
    high: estimate + Math.hypot(interval1.high - proportion1, proportion2 - interval2.low),
  };
}
