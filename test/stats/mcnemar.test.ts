import { describe, expect, it } from 'vitest';
import { holmAdjust } from '../../src/stats/holm.js';
import { binomialHalfUpperTail, fewestOneWayFlipsForSignificance, mcnemarExactOneSided } from '../../src/stats/mcnemar.js';

describe('mcnemarExactOneSided: P(X ≥ b | n = b + c, 1/2)', () => {
  it.each([
    // b, c, exact tail (hand-computed: sum of C(n, x) for x ≥ b, over 2^n)
    [6, 0, 1 / 64], // 6 discordant pairs all one way: 1/2^6
    [5, 1, 7 / 64], // (C(6,5) + C(6,6)) / 64
    [3, 0, 1 / 8],
    [8, 2, 56 / 1024], // (45 + 10 + 1) / 1024
    [7, 3, 176 / 1024], // (120 + 45 + 10 + 1) / 1024
    [1, 0, 1 / 2],
    [0, 0, 1], // no discordant pair: no evidence
    [0, 5, 1],
    [1, 1, 3 / 4],
  ])('b = %i, c = %i → p = %f exactly', (b, c, expected) => {
    expect(mcnemarExactOneSided(b, c)).toBe(expected);
  });

  it.each([
    // k, n, P(X ≥ k) from Python's fractions.Fraction(sum(comb(n, x) for x in range(k, n + 1)), 2**n)
    [12, 20, 0.2517223358154297],
    [70, 100, 3.925069822796835e-5],
    [40, 100, 0.9823998998911476],
    [540, 1000, 0.00622207313858589],
    [800, 1500, 0.005279627733355772],
    [1000, 2000, 0.5089195055729272],
    [1100, 2000, 4.228544767751963e-6],
    [5100, 10000, 0.023292763852473693],
  ])('P(X ≥ %i | n = %i) matches the exact rational to 10 significant digits', (k, n, expected) => {
    const p = binomialHalfUpperTail(k, n);
    // Above 1000 trials the first term comes from log-factorials near 8e4: ~1e-11 relative error.
    expect(Math.abs(p - expected) / expected).toBeLessThan(1e-10);
  });

  it('stays finite and within [0, 1] where 2^−n underflows', () => {
    expect(binomialHalfUpperTail(3000, 3000)).toBe(0);
    expect(binomialHalfUpperTail(1, 3000)).toBe(1);
    expect(binomialHalfUpperTail(1500, 3000)).toBeGreaterThan(0.5);
    expect(binomialHalfUpperTail(1500, 3000)).toBeLessThan(0.52);
  });

  it('refuses counts that are not non-negative integers', () => {
    expect(() => mcnemarExactOneSided(-1, 2)).toThrow(RangeError);
    expect(() => mcnemarExactOneSided(1.5, 2)).toThrow(RangeError);
  });

  it.each([
    [0.05, 5], // 1/32 ≤ 0.05 < 1/16
    [0.01, 7], // 1/128 ≤ 0.01 < 1/64
    [0.5, 1],
    [1 / 32, 5], // exactly on the boundary: p ≤ alpha
    [0.001, 10],
  ])('at alpha %f the fewest one-way flips that can be significant is %i', (alpha, flips) => {
    expect(fewestOneWayFlipsForSignificance(alpha)).toBe(flips);
  });
});

describe("holmAdjust, as R's p.adjust(method = 'holm')", () => {
  it('matches R on a worked example', () => {
    // R> p.adjust(c(0.50, 0.003, 0.32, 0.054, 0.0003), method = "holm")
    // [1] 0.6400 0.0120 0.6400 0.1620 0.0015
    // (the same input and output are pingouin.holm's documented example, which follows R)
    const adjusted = holmAdjust([0.5, 0.003, 0.32, 0.054, 0.0003]);
    [0.64, 0.012, 0.64, 0.162, 0.0015].forEach((expected, index) => expect(adjusted[index]).toBeCloseTo(expected, 12));
  });

  it('matches R where the running maximum carries a larger value down the order', () => {
    // R> p.adjust(c(0.319, 0.201, 0.4, 0.374, 0.113), method = "holm")
    // [1] 0.957 0.804 0.957 0.957 0.565
    const adjusted = holmAdjust([0.319, 0.201, 0.4, 0.374, 0.113]);
    [0.957, 0.804, 0.957, 0.957, 0.565].forEach((expected, index) => expect(adjusted[index]).toBeCloseTo(expected, 12));
  });

  it('caps at 1, keeps ties, and leaves a single test alone', () => {
    // R> p.adjust(c(0.3, 0.3, 0.9), "holm") → 0.9 0.9 0.9 ; p.adjust(0.02, "holm") → 0.02
    expect(holmAdjust([0.3, 0.3, 0.9])).toEqual([0.8999999999999999, 0.8999999999999999, 0.9].map((value) => expect.closeTo(value, 12)));
    expect(holmAdjust([0.02])).toEqual([0.02]);
    expect(holmAdjust([])).toEqual([]);
    expect(holmAdjust([0.6, 0.7])).toEqual([1, 1]);
    expect(() => holmAdjust([1.2])).toThrow(RangeError);
  });
});
