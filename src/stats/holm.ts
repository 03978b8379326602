/**
 * Holm's step-down adjustment (Holm 1979, "A simple sequentially rejective multiple test
 * procedure", Scandinavian Journal of Statistics 6:65–70), as R's `p.adjust(p, method = "holm")`
 * computes it: sort the m p-values ascending, multiply the i-th smallest by (m − i + 1), take the
 * running maximum and cap at 1, then return them in the input order:
 *
 *   p.adjust source: `pmin(1, cummax((n - i + 1L) * p[o]))[ro]`
 *
 * Rejecting every hypothesis whose adjusted p is ≤ alpha controls the family-wise error rate at
 * alpha under any dependence between the tests, and never rejects less than Bonferroni.
 *
 * @param pValues each within [0, 1]; the order is kept.
 * @returns adjusted p-values, one per input, in the same order.
 * @throws RangeError for a value outside [0, 1] or NaN.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  for (const value of pValues) {
    if (!(value >= 0 && value <= 1)) throw new RangeError(`p-values must be within [0, 1], got ${value}`);
  }
  const m = pValues.length;
  const order = pValues.map((value, index) => ({ value, index })).sort((left, right) => left.value - right.value || left.index - right.index);
  const adjusted = new Array<number>(m);
  let runningMax = 0;
  order.forEach(({ value, index }, rank) => {
    runningMax = Math.max(runningMax, Math.min(1, (m - rank) * value));
    adjusted[index] = runningMax;
  });
  return adjusted;
}
