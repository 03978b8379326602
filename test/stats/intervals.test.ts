import { describe, expect, it } from 'vitest';
import { bootstrapDiffOfMedians } from '../../src/stats/bootstrap.js';
import { newcombeDiffInterval } from '../../src/stats/newcombe.js';
import { createRandom } from '../../src/stats/random.js';

describe('newcombeDiffInterval', () => {
  it('reproduces Newcombe (1998) method 10 examples', () => {
    const example = newcombeDiffInterval(56, 70, 48, 80);
    expect(example?.estimate).toBeCloseTo(0.2, 12);
    expect(example?.low).toBeCloseTo(0.0524, 4);
    expect(example?.high).toBeCloseTo(0.3339, 4);
    const small = newcombeDiffInterval(9, 10, 3, 10);
    expect(small?.low).toBeCloseTo(0.1705, 4);
    expect(small?.high).toBeCloseTo(0.809, 4);
  });

  it('keeps a non-degenerate interval at 100% vs 100%', () => {
    const ties = newcombeDiffInterval(10, 10, 10, 10);
    expect(ties?.estimate).toBe(0);
    expect(ties!.low).toBeLessThan(-0.2);
    expect(ties!.high).toBeGreaterThan(0.2);
  });

  it('is undefined when a group has no trials', () => {
    expect(newcombeDiffInterval(0, 0, 3, 10)).toBeUndefined();
  });
});

describe('bootstrapDiffOfMedians', () => {
  // Evenly spread samples (medians exactly 350 and 150) shuffled by a seeded source, so the true
  // difference of medians is known: 200.
  const random = createRandom(7);
  const spread = (from: number) => Array.from({ length: 61 }, (_, index) => from + (index * 100) / 60);
  const shuffle = (values: number[]) =>
    values
      .map((value) => ({ value, key: random() }))
      .sort((x, y) => x.key - y.key)
      .map(({ value }) => value);
  const slow = shuffle(spread(300));
  const fast = shuffle(spread(100));

  it('is deterministic for a seed and varies with it', () => {
    const first = bootstrapDiffOfMedians(slow, fast, { iterations: 500, seed: 42 });
    const again = bootstrapDiffOfMedians(slow, fast, { iterations: 500, seed: 42 });
    const other = bootstrapDiffOfMedians(slow, fast, { iterations: 500, seed: 43 });
    expect(again).toEqual(first);
    expect(other?.low).not.toBe(first?.low);
    expect(other?.estimate).toBe(first?.estimate);
  });

  it('covers the true difference of medians (200) and excludes zero on a clear case', () => {
    const result = bootstrapDiffOfMedians(slow, fast, { iterations: 2000, seed: 1 })!;
    expect(result.low).toBeLessThan(200);
    expect(result.high).toBeGreaterThan(200);
    expect(result.low).toBeGreaterThan(150);
    expect(result.high).toBeLessThan(250);
    expect(result.estimate).toBeCloseTo(200, 9);
    expect(result.estimate).toBeGreaterThan(result.low);
    expect(result.estimate).toBeLessThan(result.high);
  });

  it('widens with the confidence level and is undefined for an empty sample', () => {
    const ninety = bootstrapDiffOfMedians(slow, fast, { iterations: 1000, seed: 3, confidence: 0.9 })!;
    const ninetyNine = bootstrapDiffOfMedians(slow, fast, { iterations: 1000, seed: 3, confidence: 0.99 })!;
    expect(ninetyNine.high - ninetyNine.low).toBeGreaterThan(ninety.high - ninety.low);
    expect(bootstrapDiffOfMedians([], fast, { iterations: 10, seed: 1 })).toBeUndefined();
  });
});
