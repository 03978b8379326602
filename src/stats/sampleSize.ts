import { normalQuantile } from './normal.js';

/**
 * Repeats per group needed to detect a pass-rate difference between p1 and p2 with a two-sided
 * test at level alpha and the given power, by the normal approximation for comparing two
 * proportions without continuity correction (Fleiss, Levin & Paik, "Statistical Methods for Rates
 * and Proportions", 3rd ed., eq. 4.14):
 *
 *   n = ( z(1−α/2)·√(2·p̄·q̄) + z(power)·√(p1·q1 + p2·q2) )² / (p1 − p2)²,   p̄ = (p1 + p2)/2
 *
 * It backs advice such as "telling 90% from 80% apart takes 199 repeats per budget", which is
 * usually the honest answer to "why did the pass rate move between runs?".
 *
 * @returns the per-group n rounded up; Infinity when p1 equals p2 (no finite n detects no difference).
 */
export function requiredRepeatsForDifference(p1: number, p2: number, alpha = 0.05, power = 0.8): number {
  for (const [name, value] of [
    ['p1', p1],
    ['p2', p2],
  ] as const) {
    if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} must be within [0, 1], got ${value}`);
  }
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be within (0, 1), got ${alpha}`);
  if (!(power > 0 && power < 1)) throw new RangeError(`power must be within (0, 1), got ${power}`);
  if (p1 === p2) return Infinity;
  const pooled = (p1 + p2) / 2;
  const zAlpha = normalQuantile(1 - alpha / 2);
  const zPower = normalQuantile(power);
  const root = zAlpha * Math.sqrt(2 * pooled * (1 - pooled)) + zPower * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return Math.ceil((root * root) / ((p1 - p2) * (p1 - p2)));
}
