/**
 * Quantile function (inverse CDF) of the standard normal distribution, for turning a confidence
 * level or a power into a z value.
 *
 * Peter J. Acklam's rational approximation (2003) with its central and tail regions; the relative
 * error is below 1.15e-9, far finer than any sample size or interval we derive from it needs.
 */
const CENTRAL_NUMERATOR = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const CENTRAL_DENOMINATOR = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const TAIL_NUMERATOR = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const TAIL_DENOMINATOR = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const LOWER_TAIL_START = 0.02425;

/** Horner evaluation of c[0]·x^(k−1) + … + c[k−1]. */
function polynomial(coefficients: readonly number[], x: number): number {
  return coefficients.reduce((accumulated, coefficient) => accumulated * x + coefficient, 0);
}

/** @param probability in (0, 1); 0 and 1 give −∞ and +∞. */
export function normalQuantile(probability: number): number {
  if (!(probability >= 0 && probability <= 1)) throw new RangeError(`probability must be within [0, 1], got ${probability}`);
  if (probability === 0) return -Infinity;
  if (probability === 1) return Infinity;
  if (probability < LOWER_TAIL_START) {
    const q = Math.sqrt(-2 * Math.log(probability));
    return polynomial(TAIL_NUMERATOR, q) / (polynomial(TAIL_DENOMINATOR, q) * q + 1);
  }
  if (probability > 1 - LOWER_TAIL_START) return -normalQuantile(1 - probability);
  const q = probability - 0.5;
  const r = q * q;
  return (polynomial(CENTRAL_NUMERATOR, r) * q) / (polynomial(CENTRAL_DENOMINATOR, r) * r + 1);
}
