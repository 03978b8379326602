/**
 * Number formats for evidence strings: enough digits to check a verdict by hand against
 * requests.csv, no more.
 */
export function formatMs(value: number | undefined): string {
  if (value === undefined) return '–';
  return Math.abs(value) < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`;
}

/**
 * A share in [0,1] as a percentage for evidence text: one decimal below 10% (`4.2%`), whole above
 * (`83%`); `–` when undefined.
 */
export function formatShare(share: number | undefined): string {
  if (share === undefined) return '–';
  const percent = share * 100;
  return Math.abs(percent) < 10 && percent !== 0 ? `${percent.toFixed(1)}%` : `${Math.round(percent)}%`;
}

/** A token count rounded to a whole number (`1024`), `–` when undefined. */
export function formatTokens(value: number | undefined): string {
  return value === undefined ? '–' : String(Math.round(value));
}

/** A p-value for evidence text: `p = 0.031` (three decimals), or `p < 0.001`. */
export function formatP(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

/** `a ×3, b ×1`, most frequent first. */
export function formatCounts(counts: ReadonlyMap<string, number>): string {
  return [...counts.entries()]
    .sort((left, right) => right[1] - left[1])
    .map(([value, count]) => `${value} ×${count}`)
    .join(', ');
}

/** How many times each value occurs, in first-seen order (for `formatCounts`). */
export function countValues(values: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}
