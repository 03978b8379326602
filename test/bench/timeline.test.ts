import { describe, expect, it } from 'vitest';
import { runTimeline, serverSpanOf } from '../../src/bench/timeline.js';

describe('serverSpanOf', () => {
  it('takes the earliest receive and the latest end over every logged request, in ms', () => {
    const span = serverSpanOf([
      { receivedEpochUs: 2_000_500, endEpochUs: 2_900_000 },
      { receivedEpochUs: 1_000_250, endEpochUs: 5_000_000 },
      // Received last but ended before another: the end is the latest end, not the last line's.
      { receivedEpochUs: 3_000_000, endEpochUs: 4_000_000 },
    ]);
    expect(span).toEqual({ requests: 3, firstReceivedEpochMs: 1000.25, lastEndEpochMs: 5000 });
  });

  it('is undefined for a log with no request', () => {
    expect(serverSpanOf([])).toBeUndefined();
  });
});

describe('runTimeline', () => {
  const server = { requests: 2000, firstReceivedEpochMs: 10_250, lastEndEpochMs: 13_350 };

  it('splits spawn → exit into start-up, run and post-run, and states post-run per 10,000 rows', () => {
    // The example: 4.3 s in all, 3.1 s of run; here 0.25 s start-up and 0.95 s after the last response.
    const timeline = runTimeline({ jobs: 2000, concurrency: 64, rows: 2000 }, { spawnEpochMs: 10_000, exitEpochMs: 14_300 }, server);
    expect(timeline).toEqual({ jobs: 2000, concurrency: 64, requests: 2000, startup_ms: 250, run_s: 3.1, post_run_s: 0.95, post_run_s_per_10k_rows: 4.75, wall_s: 4.3 });
  });

  it('scales post-run by the rows written, not the jobs planned', () => {
    const timeline = runTimeline({ jobs: 100_000, concurrency: 256, rows: 40_000 }, { spawnEpochMs: 10_000, exitEpochMs: 15_350 }, server);
    expect(timeline.post_run_s).toBe(2);
    expect(timeline.post_run_s_per_10k_rows).toBe(0.5);
  });

  it('refuses instants out of order: the clocks disagree', () => {
    expect(() => runTimeline({ jobs: 1, concurrency: 1, rows: 1 }, { spawnEpochMs: 10_300, exitEpochMs: 14_000 }, server)).toThrow(RangeError);
    expect(() => runTimeline({ jobs: 1, concurrency: 1, rows: 1 }, { spawnEpochMs: 10_000, exitEpochMs: 13_000 }, server)).toThrow(/out of order/);
  });

  it('refuses a run without rows', () => {
    expect(() => runTimeline({ jobs: 4, concurrency: 1, rows: 0 }, { spawnEpochMs: 10_000, exitEpochMs: 14_000 }, server)).toThrow(/0 rows/);
  });
});
