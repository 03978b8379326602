/** Helpers the graders' candidate builders share (see Grader in types.ts and exemplar.ts). */

/** `items` rotated to start at index `seed` mod length, so each seed tries them in another order. */
export function rotate<T>(items: readonly T[], seed: number): T[] {
  if (items.length === 0) return [];
  const start = Math.abs(Math.trunc(seed)) % items.length;
  return [...items.slice(start), ...items.slice(0, start)];
}

/** The values that are not undefined, in order. */
export function defined(values: ReadonlyArray<string | undefined>): string[] {
  return values.filter((value): value is string => value !== undefined);
}
