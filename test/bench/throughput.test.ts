import { describe, expect, it } from 'vitest';
import { scalingPoints, startupSummary } from '../../src/bench/processStats.js';
import { streamsPerSecond, throughputRatio } from '../../src/bench/throughput.js';

describe('streamsPerSecond', () => {
  const spans = (endsMs: number[]) => endsMs.map((endEpochMs) => ({ startEpochMs: 0, endEpochMs }));

  it('counts the completions between the 10th and 90th percentile of end times, over the time between them', () => {
    // 20 streams: the 3rd and the 18th end 1.5 s apart with 15 completions after the 3rd.
    const ends = [0, 100, 1000, ...Array.from({ length: 14 }, (_, index) => 1100 + index * 100), 2500, 9000, 9500];
    expect(streamsPerSecond(spans(ends))).toBe(10);
  });

  it('ignores a slow start and a slow tail', () => {
    const steady = Array.from({ length: 80 }, (_, index) => 10_000 + index * 10);
    const withStragglers = [...Array.from({ length: 10 }, (_, index) => index * 900), ...steady, ...Array.from({ length: 10 }, (_, index) => 20_000 + index * 900)];
    expect(streamsPerSecond(spans(withStragglers))).toBeCloseTo(100, 0);
  });

  it('is undefined for too few streams or no elapsed time', () => {
    expect(streamsPerSecond([])).toBeUndefined();
    expect(streamsPerSecond(spans([5, 5, 5]))).toBeUndefined();
  });

  it('compares the harness with the ceiling', () => {
    expect(throughputRatio(700, 1000)).toBe(0.7);
    expect(throughputRatio(undefined, 1000)).toBeUndefined();
    expect(throughputRatio(700, 0)).toBeUndefined();
  });
});

describe('scalingPoints', () => {
  it('sorts by size and separates the fixed cost from the marginal cost per request', () => {
    const points = scalingPoints([
      { jobs: 10_000, cpuMs: 5500, peakRssMb: 120, wallS: 6 },
      { jobs: 1000, cpuMs: 1000, peakRssMb: 100, wallS: 1 },
    ]);
    expect(points.map((point) => point.jobs)).toEqual([1000, 10_000]);
    expect(points[0]).toMatchObject({ cpu_ms_per_request: 1, marginal_cpu_ms_per_request: null });
    expect(points[1]).toMatchObject({ cpu_ms_per_request: 0.55, marginal_cpu_ms_per_request: 0.5, peak_rss_mb: 120 });
  });
});

describe('startupSummary', () => {
  it('summarises timings as hyperfine does', () => {
    expect(startupSummary('relaybench --help', [80, 90, 100])).toEqual({ command: 'relaybench --help', runs: 3, mean_ms: 90, stddev_ms: 10, min_ms: 80, max_ms: 100 });
  });

  it('refuses an empty series', () => {
    expect(() => startupSummary('x', [])).toThrow(RangeError);
  });
});
