import { describe, expect, it } from 'vitest';
import { fisherExact, fisherExactOneSided } from '../../src/stats/fisher.js';

/** Exact hypergeometric P(X = x) with BigInt binomials: slow but free of rounding, as a reference. */
function exactProbability(x: number, row1: number, row2: number, column1: number): number {
  const choose = (n: number, k: number): bigint => {
    let result = 1n;
    for (let i = 1; i <= k; i++) result = (result * BigInt(n - k + i)) / BigInt(i);
    return result;
  };
  const numerator = choose(row1, x) * choose(row2, column1 - x);
  const denominator = choose(row1 + row2, column1);
  const scale = 10n ** 30n;
  return Number((numerator * scale) / denominator) / 1e30;
}

function referenceTest(a: number, b: number, c: number, d: number) {
  const column1 = a + c;
  const low = Math.max(0, column1 - (c + d));
  const high = Math.min(a + b, column1);
  const probabilities = new Map<number, number>();
  for (let x = low; x <= high; x++) probabilities.set(x, exactProbability(x, a + b, c + d, column1));
  const observed = probabilities.get(a)!;
  let pLess = 0;
  let pGreater = 0;
  let pTwoSided = 0;
  for (const [x, probability] of probabilities) {
    if (x <= a) pLess += probability;
    if (x >= a) pGreater += probability;
    if (probability <= observed * (1 + 1e-7)) pTwoSided += probability;
  }
  return { pLess, pGreater, pTwoSided };
}

describe('fisherExact', () => {
  it("reproduces Fisher's tea-tasting table [[3, 1], [1, 3]]", () => {
    const result = fisherExact(3, 1, 1, 3);
    expect(result.pTwoSided).toBeCloseTo(0.4857, 4);
    expect(result.pGreater).toBeCloseTo(0.2429, 4);
    expect(result.pLess).toBeCloseTo(69 / 70, 10);
  });

  it('reproduces the textbook table [[1, 11], [9, 3]] (observed table 0.001346, one-sided 0.001380, two-sided 0.002759)', () => {
    const result = fisherExact(1, 11, 9, 3);
    expect(result.pLess).toBeCloseTo(0.00138, 6);
    expect(result.pGreater).toBeCloseTo(1 - 0.00138 + 0.001346, 6);
    expect(result.pTwoSided).toBeCloseTo(0.002759, 6);
    expect(fisherExactOneSided(1, 11, 9, 3, 'less')).toBe(result.pLess);
    expect(fisherExactOneSided(1, 11, 9, 3, 'greater')).toBe(result.pGreater);
  });

  it.each([
    [30, 70, 45, 55],
    [12, 0, 3, 9],
    [1800, 200, 1700, 300],
  ])('agrees with an exact BigInt reference for [[%d, %d], [%d, %d]]', (a, b, c, d) => {
    const result = fisherExact(a, b, c, d);
    const reference = referenceTest(a, b, c, d);
    for (const key of ['pLess', 'pGreater', 'pTwoSided'] as const) {
      expect(Math.abs(result[key] - reference[key])).toBeLessThan(1e-9 + reference[key] * 1e-9);
    }
  });

  it('stays finite for thousands of observations and degenerate margins', () => {
    const result = fisherExact(2500, 2500, 2400, 2600);
    expect(Number.isFinite(result.pTwoSided)).toBe(true);
    expect(result.pTwoSided).toBeGreaterThan(0);
    expect(result.pTwoSided).toBeLessThan(0.2);
    expect(fisherExact(5, 0, 5, 0)).toEqual({ pLess: 1, pGreater: 1, pTwoSided: 1 });
  });

  it('rejects cells that are not counts', () => {
    expect(() => fisherExact(1.5, 1, 1, 1)).toThrow(RangeError);
    expect(() => fisherExact(-1, 1, 1, 1)).toThrow(RangeError);
  });
});
