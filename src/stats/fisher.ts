/**
 * Fisher's exact test on a 2×2 table, for "did the pass rate really drop?" with the handful of
 * repeats a benchmark can afford, where chi-square approximations are unreliable.
 *
 * Table layout (rows are the two runs, columns pass / fail):
 *
 *            pass  fail
 *   row 1      a     b
 *   row 2      c     d
 *
 * With all margins fixed, `a` follows a hypergeometric distribution (Fisher 1935). Probabilities
 * are computed from log-factorials and normalised over the support, so tables with thousands of
 * observations neither overflow nor underflow. Conventions follow R's `fisher.test`.
 */
export interface FisherResult {
  /** P(X ≤ a): evidence that row 1's odds of the first column are lower (odds ratio < 1). */
  pLess: number;
  /** P(X ≥ a): evidence that row 1's odds of the first column are higher (odds ratio > 1). */
  pGreater: number;
  /** Sum of the probabilities of all tables no more likely than the observed one. */
  pTwoSided: number;
}

/** R's tolerance for "no more likely than observed", so that ties lost to rounding still count. */
const RELATIVE_TIE_TOLERANCE = 1 + 1e-7;

/**
 * Fisher's exact test of the 2×2 table [[a, b], [c, d]] (layout above; Fisher 1935, R's
 * `fisher.test` conventions): one-sided and two-sided p-values from the hypergeometric
 * distribution of `a` with all margins fixed. Cells are counts.
 * @throws RangeError when a cell is not a non-negative integer.
 */
export function fisherExact(a: number, b: number, c: number, d: number): FisherResult {
  for (const cell of [a, b, c, d]) {
    if (!Number.isInteger(cell) || cell < 0) throw new RangeError(`table cells must be non-negative integers, got ${cell}`);
  }
  const row1 = a + b;
  const row2 = c + d;
  const column1 = a + c;
  const total = row1 + row2;
  const logFactorials = logFactorialTable(total);
  const logFactorial = (k: number): number => logFactorials[k] as number;
  const lowestA = Math.max(0, column1 - row2);
  const highestA = Math.min(row1, column1);

  // log of C(row1, x)·C(row2, column1 − x), the hypergeometric weight up to a constant factor.
  const logWeight = (x: number): number =>
    logFactorial(row1) - logFactorial(x) - logFactorial(row1 - x) + logFactorial(row2) - logFactorial(column1 - x) - logFactorial(row2 - column1 + x);

  const logWeights: number[] = [];
  for (let x = lowestA; x <= highestA; x++) logWeights.push(logWeight(x));
  const largest = logWeights.reduce((highest, value) => Math.max(highest, value), -Infinity);
  const weights = logWeights.map((value) => Math.exp(value - largest));
  const totalWeight = weights.reduce((sum, value) => sum + value, 0);
  const observed = weights[a - lowestA] as number;

  let less = 0;
  let greater = 0;
  let twoSided = 0;
  weights.forEach((weight, index) => {
    const x = lowestA + index;
    if (x <= a) less += weight;
    if (x >= a) greater += weight;
    if (weight <= observed * RELATIVE_TIE_TOLERANCE) twoSided += weight;
  });
  const probability = (weight: number): number => Math.min(1, weight / totalWeight);
  return { pLess: probability(less), pGreater: probability(greater), pTwoSided: probability(twoSided) };
}

/**
 * One-sided Fisher test. For a regression gate put the current run in row 1 and the baseline in
 * row 2 (columns pass, fail) and ask for `'less'`: a small p means the current pass rate is
 * credibly lower.
 */
export function fisherExactOneSided(a: number, b: number, c: number, d: number, alternative: 'less' | 'greater'): number {
  const result = fisherExact(a, b, c, d);
  return alternative === 'less' ? result.pLess : result.pGreater;
}

/** ln(k!) for k = 0..n, built by summing logs: exact enough and O(n) for the n of a benchmark. */
function logFactorialTable(n: number): Float64Array {
  const table = new Float64Array(n + 1);
  for (let k = 2; k <= n; k++) table[k] = (table[k - 1] as number) + Math.log(k);
  return table;
}
