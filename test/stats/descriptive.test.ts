import { describe, expect, it } from 'vitest';
import { max, mean, min, stddev } from '../../src/stats/descriptive.js';

describe('descriptive statistics', () => {
  it('computes mean, min and max', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(min([3, -1, 7])).toBe(-1);
    expect(max([3, -1, 7])).toBe(7);
  });

  it('uses the sample (n − 1) standard deviation', () => {
    // Population sd of this classic set is exactly 2; the sample sd is sqrt(32 / 7).
    expect(stddev([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
  });

  it('answers undefined when there is nothing to summarise', () => {
    expect(mean([])).toBeUndefined();
    expect(min([])).toBeUndefined();
    expect(max([])).toBeUndefined();
    expect(stddev([5])).toBeUndefined();
  });

  it('handles arrays too large for Math.min(...spread)', () => {
    const many = Array.from({ length: 300_000 }, (_, index) => index);
    expect(min(many)).toBe(0);
    expect(max(many)).toBe(299_999);
  });
});
