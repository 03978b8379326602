import { fewestOneWayFlipsForSignificance } from './mcnemar.js';

/**
 * P(X ≥ k) for X ~ Binomial(n, p), summed as 1 − P(X ≤ k − 1) from log-space terms. Meant for the
 * small k of a power calculation (k is the handful of flips a test needs), any n.
 */
function binomialAtLeast(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  let logTerm = n * Math.log1p(-p); // ln P(X = 0)
  let below = 0;
  for (let x = 0; x < k; x++) {
    below += Math.exp(logTerm);
    logTerm += Math.log((n - x) / (x + 1)) + Math.log(p) - Math.log1p(-p);
  }
  return Math.max(0, 1 - below);
}

/**
 * The fewest pairs for the one-sided exact McNemar test at `alpha` to detect, with probability
 * `power`, a drop in which each job independently flips pass→fail with probability `drop` and no
 * job flips fail→pass (the best case: a deterministic suite where the only discordance is the
 * drop). The test fires when the one-way flips b reach {@link fewestOneWayFlipsForSignificance},
 * so this is the smallest n with P(Binomial(n, drop) ≥ b*) ≥ power. Jobs that flip both ways
 * (flaky answers) raise the number needed; this is a lower bound.
 *
 * @param drop the share of jobs that flip, in (0, 1] (0.10 for a 10-point drop).
 * @returns the number of pairs; Infinity beyond 10^7.
 * @throws RangeError for drop, alpha or power outside (0, 1) (drop may be 1).
 */
export function pairsForOneWayDrop(drop: number, alpha = 0.05, power = 0.8): number {
  if (!(drop > 0 && drop <= 1)) throw new RangeError(`drop must be within (0, 1], got ${drop}`);
  if (!(power > 0 && power < 1)) throw new RangeError(`power must be within (0, 1), got ${power}`);
  const needed = fewestOneWayFlipsForSignificance(alpha);
  if (drop === 1) return needed;
  for (let n = needed; n <= 1e7; n++) if (binomialAtLeast(needed, n, drop) >= power) return n;
  return Infinity;
}
