/**
 * Cochran–Mantel–Haenszel test for two groups over several strata (here: the same case and
 * thinking setting on two relays), one-sided: is group A's success rate lower than group B's
 * once each stratum is compared only with itself? Agresti, "Categorical Data Analysis" (3rd ed.),
 * §6.4.2; with the usual 0.5 continuity correction.
 */

/** One stratum's 2×2 table: successes and failures of A, then of B. */
export interface Stratum {
  aPass: number;
  aFail: number;
  bPass: number;
  bFail: number;
}

/** Upper tail of the standard normal, Φ̄(z), via erfc (Numerical Recipes' erfcc, |error| < 1.2e-7). */
export function normalUpperTail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return z >= 0 ? erfc / 2 : 1 - erfc / 2;
}

/**
 * One-sided p-value that A succeeds less often than B. Strata with a single observation or with
 * no variance (all pass or all fail across both) carry no information and are skipped; with none
 * left the p-value is 1.
 */
export function mantelHaenszelLessP(strata: readonly Stratum[]): number {
  let deficit = 0;
  let variance = 0;
  for (const { aPass, aFail, bPass, bFail } of strata) {
    const n = aPass + aFail + bPass + bFail;
    const aTotal = aPass + aFail;
    const passTotal = aPass + bPass;
    if (n < 2) continue;
    const expected = (aTotal * passTotal) / n;
    const v = (aTotal * (bPass + bFail) * passTotal * (aFail + bFail)) / (n * n * (n - 1));
    deficit += expected - aPass;
    variance += v;
  }
  if (variance <= 0) return 1;
  const z = (deficit - 0.5) / Math.sqrt(variance);
  return normalUpperTail(z);
}
