/**
 * Edit distance with adjacent transpositions (optimal string alignment), because the typos
 * people make in keys are mostly one slip: a missing, extra, swapped or wrong letter.
 */
export function editDistance(a: string, b: string): number {
  const width = b.length + 1;
  const table = new Array<number>((a.length + 1) * width).fill(0);
  const at = (i: number, j: number): number => table[i * width + j] ?? 0;
  for (let i = 0; i <= a.length; i++) table[i * width] = i;
  for (let j = 0; j <= b.length; j++) table[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const substitution = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      table[i * width + j] = best;
    }
  }
  return at(a.length, b.length);
}

/** Case and `_`/`-` are ignored so `max_output_tokens` and `Temperature` find their camelCase key. */
function normalize(word: string): string {
  return word.toLowerCase().replace(/[_-]/g, '');
}

/** The closest candidate when it is close enough to be the likely intent, else undefined. */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  const target = normalize(word);
  const allowed = Math.max(1, Math.floor(target.length / 3));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(target, normalize(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= allowed ? best : undefined;
}

/** `Did you mean "regex"?` for use as an issue hint, or undefined when nothing is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const match = closestMatch(word, candidates);
  return match === undefined ? undefined : `Did you mean "${match}"?`;
}
