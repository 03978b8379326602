import { describe, expect, it } from 'vitest';
import { growthLimitMb, memoryGrowth } from '../../src/bench/memoryGrowth.js';

describe('memoryGrowth', () => {
  it('reports the largest run and its growth over the smallest, whatever the order given', () => {
    expect(
      memoryGrowth([
        { jobs: 100_000, peakRssMb: 591 },
        { jobs: 20_000, peakRssMb: 259 },
      ]),
    ).toEqual({
      jobs: 100_000,
      peak_rss_mb: 591,
      base_jobs: 20_000,
      base_peak_rss_mb: 259,
      growth_mb: 332,
    });
  });

  it('uses the two ends when more sizes ran', () => {
    const result = memoryGrowth([
      { jobs: 5000, peakRssMb: 198 },
      { jobs: 1000, peakRssMb: 148 },
      { jobs: 20_000, peakRssMb: 258 },
    ]);
    expect([result.base_jobs, result.jobs, result.growth_mb]).toEqual([1000, 20_000, 110]);
  });

  it('keeps a negative growth (the larger run peaked lower) rather than hiding it', () => {
    expect(
      memoryGrowth([
        { jobs: 20_000, peakRssMb: 200 },
        { jobs: 100_000, peakRssMb: 195 },
      ]).growth_mb,
    ).toBe(-5);
  });

  it('has no growth with one size, and throws with none', () => {
    expect(memoryGrowth([{ jobs: 20_000, peakRssMb: 200 }])).toMatchObject({ base_jobs: null, growth_mb: null });
    expect(
      memoryGrowth([
        { jobs: 20_000, peakRssMb: 200 },
        { jobs: 20_000, peakRssMb: 210 },
      ]).growth_mb,
    ).toBeNull();
    expect(() => memoryGrowth([])).toThrow(RangeError);
  });
});

describe('growthLimitMb', () => {
  it.each([
    [20_000, 100_000, 60],
    [5000, 20_000, 11.25],
    [0, 80_000, 60],
    [20_000, 20_000, 0],
  ])('%i → %i jobs: %d MB', (from, to, limit) => {
    expect(growthLimitMb(from, to)).toBeCloseTo(limit, 10);
  });
});
