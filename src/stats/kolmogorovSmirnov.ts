/**
 * One-sample Kolmogorov–Smirnov test of `values` against a continuous CDF.
 * D = sup |F_n(x) − F(x)|, checked on both sides of each step of the empirical CDF. The p-value
 * uses the asymptotic Kolmogorov distribution with Stephens' small-sample correction,
 * λ = (√n + 0.12 + 0.11/√n)·D, Q(λ) = 2 Σ_{k≥1} (−1)^{k−1} e^{−2k²λ²} (Stephens 1970; Press et al.,
 * Numerical Recipes, §14.3). Returns `{ statistic: D, pValue }`; throws on an empty sample.
 */
export function kolmogorovSmirnov(values: readonly number[], cdf: (x: number) => number): { statistic: number; pValue: number } {
  const n = values.length;
  if (n === 0) throw new RangeError('Kolmogorov–Smirnov needs at least one value');
  const sorted = [...values].sort((a, b) => a - b);
  let statistic = 0;
  sorted.forEach((value, index) => {
    const expected = cdf(value);
    statistic = Math.max(statistic, (index + 1) / n - expected, expected - index / n);
  });
  const root = Math.sqrt(n);
  const lambda = (root + 0.12 + 0.11 / root) * statistic;
  return { statistic, pValue: kolmogorovQ(lambda) };
}

/** Q_KS(λ), the Kolmogorov distribution's upper tail; 1 for λ near 0 where the series converges slowly. */
function kolmogorovQ(lambda: number): number {
  if (lambda < 0.2) return 1;
  let sum = 0;
  for (let k = 1; k <= 100; k += 1) {
    const term = (k % 2 === 1 ? 2 : -2) * Math.exp(-2 * k * k * lambda * lambda);
    sum += term;
    if (Math.abs(term) < 1e-12) break;
  }
  return Math.min(1, Math.max(0, sum));
}
