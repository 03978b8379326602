/** p-values as text, three decimals, floored at 0.001 (smaller values are not meaningfully different). Pure. */

/** A p-value as a sentence fragment, for evidence text: `p = 0.012`, `p < 0.001`. */
export function pValueEquation(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

/** A p-value as a bare value, where the label says "p" already: `0.012`, `< 0.001`. */
export function pValueNumber(p: number): string {
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}
