import { describe, expect, it } from 'vitest';
import { describeLoadPlan, expectedLoadRequests, loadEstimateJobs } from '../../src/plan/describeLoad.js';
import type { LoadSettings } from '../../src/suite/types.js';

const base: LoadSettings = { arrival: 'poisson', rates: [2, 4], warmupS: 1, maxInFlight: 8, slo: {}, maxStartLagMs: 10, stepS: 10 };

describe('the load plan validate prints', () => {
  it.each([
    ['stepS: rate × step, warm-up included', base, 60],
    [
      'requests: N plus the warm-up at each rate',
      { arrival: 'poisson', rates: [2, 4], warmupS: 1, maxInFlight: 8, slo: {}, maxStartLagMs: 10, requests: 20 } satisfies LoadSettings,
      46,
    ],
    ['a fractional rate', { ...base, rates: [0.5], stepS: 9 }, 5],
  ])('%s', (_label, load, expected) => {
    expect(expectedLoadRequests(load)).toBe(expected);
  });

  it('prices each relay at its expected arrivals, its jobs in turn', () => {
    const jobs = [
      { relay: 'a', id: 1 },
      { relay: 'a', id: 2 },
      { relay: 'b', id: 3 },
    ];
    const priced = loadEstimateJobs(jobs, { ...base, rates: [1], stepS: 3 });
    expect(priced.map((job) => job.id)).toEqual([1, 2, 1, 3, 3, 3]);
    expect(describeLoadPlan(base, 2)).toContain('about 60 requests per relay, 120 in all, over at least 20 s');
  });
});
