import { describe, expect, it } from 'vitest';
import { errorStats, joinWithTruth, type HarnessTiming, type TruthTiming } from '../../src/bench/fidelity.js';

const row = (overrides: Partial<HarnessTiming>): HarnessTiming => ({
  jobId: 'job-a',
  attempts: 1,
  t0EpochMs: 1_000_000,
  ttftMs: 250,
  totalMs: 900,
  chunks: 2,
  ok: true,
  ...overrides,
});

const truth = (overrides: Partial<TruthTiming>): TruthTiming => ({
  sample: 'job-a/1',
  chunkEpochUs: [1_000_249_500, 1_000_600_000],
  endEpochUs: 1_000_899_250,
  ...overrides,
});

describe('joinWithTruth', () => {
  it('subtracts the emulator send time from the harness absolute time, per sample', () => {
    const errors = joinWithTruth([row({})], [truth({})]);
    expect(errors.ttftErrMs).toHaveLength(1);
    expect(errors.ttftErrMs[0]).toBeCloseTo(0.5, 9);
    expect(errors.totalErrMs[0]).toBeCloseTo(0.75, 9);
    expect(errors.unmatched).toBe(0);
  });

  it('matches the final attempt: job id and attempt number name the sample', () => {
    const retried = row({ attempts: 2, ttftMs: 100 });
    const records = [truth({}), truth({ sample: 'job-a/2', chunkEpochUs: [1_000_098_000, 1_000_200_000] })];
    expect(joinWithTruth([retried], records).ttftErrMs[0]).toBeCloseTo(2, 9);
  });

  it('uses the chunk the caller names as the first one with text', () => {
    expect(joinWithTruth([row({ ttftMs: 601 })], [truth({})], 1).ttftErrMs[0]).toBeCloseTo(1, 9);
  });

  it('counts rows without ground truth, and leaves out rows whose chunk count disagrees', () => {
    const errors = joinWithTruth([row({ jobId: 'job-b' }), row({ chunks: 3 }), row({ jobId: 'job-c' })], [truth({}), truth({ sample: 'job-c/1' })]);
    expect(errors.unmatched).toBe(1);
    expect(errors.chunkMismatches).toBe(1);
    expect(errors.ttftErrMs).toHaveLength(1);
  });

  it('compares the total only for requests that succeeded', () => {
    const errors = joinWithTruth([row({ ok: false })], [truth({})]);
    expect(errors.ttftErrMs).toHaveLength(1);
    expect(errors.totalErrMs).toHaveLength(0);
  });

  it('ignores ground truth of requests that carried no sample header', () => {
    expect(joinWithTruth([row({})], [truth({ sample: null })]).unmatched).toBe(1);
  });
});

describe('errorStats', () => {
  it('gives p50 and p99 by linear interpolation, min and max', () => {
    const values = Array.from({ length: 101 }, (_, index) => index / 10);
    const stats = errorStats([...values].reverse());
    expect(stats).toEqual({ count: 101, p50Ms: 5, p99Ms: expect.closeTo(9.9, 9), minMs: 0, maxMs: 10 });
  });

  it('keeps the sign: a negative minimum exposes a clock offset', () => {
    expect(errorStats([-0.2, 0.1, 0.3])?.minMs).toBe(-0.2);
  });

  it('is undefined without errors', () => {
    expect(errorStats([])).toBeUndefined();
  });
});
