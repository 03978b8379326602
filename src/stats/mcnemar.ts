/**
 * The exact McNemar test (McNemar 1947, "Note on the sampling error of the difference between
 * correlated proportions or percentages", Psychometrika 12:153–157) in its exact conditional form:
 * given n discordant pairs, under "no change" each is a pass→fail or a fail→pass with probability
 * 1/2, so the count b of pass→fail pairs is Binomial(n, 1/2). The one-sided p for a drop is
 * P(X ≥ b | n = b + c, 1/2). This is what R's `binom.test(b, b + c, 0.5, alternative = "greater")`
 * returns.
 *
 * Tails are computed without overflow or underflow for any n: up to {@link EXACT_TERMS_UP_TO}
 * trials the binomial coefficients are built by an integer recurrence (exact while below 2^53, so
 * 6 of 6 gives exactly 1/64); beyond it the first term comes from log-factorials and the rest by the
 * ratio recurrence term(k+1) = term(k)·(n − k)/(k + 1), summed over the decreasing side only.
 */

/** Below this many trials, C(n, k) and 2^−n are both representable doubles (C(1000, 500) ≈ 2.7e299). */
const EXACT_TERMS_UP_TO = 1000;

function checkCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
}

/** ln Γ(x + 1) = ln x!, summed exactly for small x and by Stirling's series (error < 1e-15) above. */
function logFactorial(x: number): number {
  if (x < 256) {
    let sum = 0;
    for (let k = 2; k <= x; k++) sum += Math.log(k);
    return sum;
  }
  const inverse = 1 / x;
  const inverseSquared = inverse * inverse;
  // Stirling: ln x! = x ln x − x + ½ ln(2πx) + 1/(12x) − 1/(360x³) + 1/(1260x⁵)
  return x * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI * x) + inverse * (1 / 12 - inverseSquared * (1 / 360 - inverseSquared / 1260));
}

/** P(X = k) for X ~ Binomial(n, 1/2). */
function binomialHalfTerm(n: number, k: number): number {
  const smaller = Math.min(k, n - k);
  if (n <= EXACT_TERMS_UP_TO) {
    let coefficient = 1;
    // After step i, coefficient = C(n − smaller + i, i): an integer at every step.
    for (let i = 1; i <= smaller; i++) coefficient = (coefficient * (n - smaller + i)) / i;
    return coefficient * 2 ** -n;
  }
  return Math.exp(logFactorial(n) - logFactorial(k) - logFactorial(n - k) - n * Math.LN2);
}

/**
 * P(X ≥ k) for X ~ Binomial(n, 1/2), for any n ≥ 0 and integer k (k ≤ 0 gives 1, k > n gives 0).
 * Sums the side of the distribution where terms shrink, so no term can overflow; the other side is
 * taken by symmetry, P(X ≥ k) = 1 − P(X ≥ n − k + 1).
 */
export function binomialHalfUpperTail(k: number, n: number): number {
  checkCount('n', n);
  if (!Number.isInteger(k)) throw new RangeError(`k must be an integer, got ${k}`);
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (2 * k < n) return 1 - binomialHalfUpperTail(n - k + 1, n);
  let term = binomialHalfTerm(n, k);
  let sum = 0;
  for (let x = k; x <= n && term > 0; x++) {
    sum += term;
    term = (term * (n - x)) / (x + 1);
  }
  return Math.min(1, sum);
}

/**
 * One-sided exact McNemar p-value that the first kind of discordant pair outnumbers the second
 * beyond chance: P(X ≥ b | n = b + c, 1/2). For a drop in pass rate, b = pass→fail pairs and
 * c = fail→pass pairs; swap them for an improvement. 1 when there is no discordant pair.
 *
 * @throws RangeError when b or c is not a non-negative integer.
 */
export function mcnemarExactOneSided(b: number, c: number): number {
  checkCount('b', b);
  checkCount('c', c);
  return binomialHalfUpperTail(b, b + c);
}

/**
 * The fewest discordant pairs, all in one direction, whose one-sided exact McNemar p is at most
 * alpha: the smallest b with 2^−b ≤ alpha, i.e. ⌈log2(1/alpha)⌉ (5 at alpha = 0.05, since
 * 1/32 ≤ 0.05 < 1/16). No comparison with fewer discordant pairs can show a change at alpha.
 *
 * @throws RangeError unless 0 < alpha < 1.
 */
export function fewestOneWayFlipsForSignificance(alpha: number): number {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be within (0, 1), got ${alpha}`);
  let flips = 1;
  while (2 ** -flips > alpha * (1 + 1e-9)) flips += 1;
  return flips;
}
