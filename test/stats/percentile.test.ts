import { describe, expect, it } from 'vitest';
import { percentile, quantiles } from '../../src/stats/percentile.js';

describe('percentile (Hyndman & Fan type 7, numpy default)', () => {
  it.each([
    // numpy.percentile([1, 2, 3, 4], p): rank h = 3p/100
    [[1, 2, 3, 4], 50, 2.5],
    [[1, 2, 3, 4], 90, 3.7],
    [[1, 2, 3, 4], 99, 3.97],
    // [15, 20, 35, 40, 50] at 40: h = 1.6 → 20 + 0.6 × 15
    [[15, 20, 35, 40, 50], 40, 29],
    [[15, 20, 35, 40, 50], 0, 15],
    [[15, 20, 35, 40, 50], 100, 50],
    [[10, 20], 25, 12.5],
    [[7], 99, 7],
  ])('percentile(%j, %d) = %d', (values, p, expected) => {
    expect(percentile(values, p)).toBeCloseTo(expected, 12);
  });

  it('is undefined for no values and rejects percentiles outside [0, 100]', () => {
    expect(percentile([], 50)).toBeUndefined();
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });

  it('quantiles sorts a copy and answers each percentile', () => {
    const values = [40, 15, 50, 35, 20];
    expect(quantiles(values, [0, 40, 100])).toEqual([15, 29, 50]);
    expect(values).toEqual([40, 15, 50, 35, 20]);
    expect(quantiles([], [50])).toBeUndefined();
  });
});
