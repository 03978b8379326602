/** Counts as text. Pure; imports nothing from `src/`. */

/** How often each value occurs, in first-seen order. */
export function countValues(values: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** `a ×3, b ×1`, most frequent first (ties keep their order). */
export function formatCounts(counts: ReadonlyMap<string, number>): string {
  return [...counts.entries()]
    .sort((left, right) => right[1] - left[1])
    .map(([value, count]) => `${value} ×${count}`)
    .join(', ');
}

/** Passes of graded answers: `25/30`. */
export function passFraction(counts: { passed: number; graded: number }): string {
  return `${counts.passed}/${counts.graded}`;
}
