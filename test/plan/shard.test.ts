import { describe, expect, it } from 'vitest';
import { jobIdOf } from '../../src/plan/jobId.js';
import { parseShard, selectShard } from '../../src/plan/shard.js';

/** Real job ids: 5 cases × 3 relays × 2 budgets × 3 repeats = 90 jobs, in plan order. */
const jobs = ['a', 'b', 'c', 'd', 'e'].flatMap((caseId) =>
  ['r1', 'r2', 'r3'].flatMap((relay) =>
    [0, 1024].flatMap((budget) =>
      [1, 2, 3].map((repeat) => {
        const identity = { caseId, relay, model: 'gemini-2.5-flash', thinking: { kind: 'budget' as const, budget }, repeat, body: { contents: [{ parts: [{ text: caseId }] }] } };
        return { jobId: jobIdOf(identity), ...identity };
      }),
    ),
  ),
);

describe('parseShard', () => {
  it('reads k/n as a 1-based index and a count', () => {
    expect(parseShard('1/2')).toEqual({ index: 1, count: 2 });
    expect(parseShard(' 4 / 4 ')).toEqual({ index: 4, count: 4 });
  });

  it.each([
    ['0/2', /--shard: got "0\/2"; expected k\/n with whole numbers 1 ≤ k ≤ n/],
    ['3/2', /got "3\/2".*1 ≤ k ≤ n/],
    ['1/0', /got "1\/0".*1 ≤ k ≤ n/],
    ['x/y', /got "x\/y".*1 ≤ k ≤ n/],
    ['2', /got "2".*1 ≤ k ≤ n/],
    ['1.5/3', /got "1.5\/3"/],
    ['-1/3', /got "-1\/3"/],
    ['', /got ""/],
  ])('rejects %s with a message that says what is expected', (text, message) => {
    expect(() => parseShard(text)).toThrow(message);
  });
});

describe('selectShard', () => {
  it('partitions the plan: shards 1/2 and 2/2 hold every job exactly once', () => {
    const first = selectShard(jobs, { index: 1, count: 2 });
    const second = selectShard(jobs, { index: 2, count: 2 });
    const ids = [...first, ...second].map((job) => job.jobId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(jobs.map((job) => job.jobId)));
  });

  it('balances the shards to within one job and keeps plan order', () => {
    for (const count of [1, 3, 4, 7]) {
      const shards = Array.from({ length: count }, (_, offset) => selectShard(jobs, { index: offset + 1, count }));
      const sizes = shards.map((shard) => shard.length);
      expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(jobs.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      for (const shard of shards) {
        const positions = shard.map((job) => jobs.indexOf(job));
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
      }
    }
  });

  it('is deterministic and independent of the order the plan is listed in', () => {
    const shuffled = [...jobs].reverse();
    const fromPlan = selectShard(jobs, { index: 2, count: 3 }).map((job) => job.jobId);
    const fromShuffled = selectShard(shuffled, { index: 2, count: 3 }).map((job) => job.jobId);
    expect(new Set(fromShuffled)).toEqual(new Set(fromPlan));
  });

  it('mixes cases into every shard rather than slicing the plan', () => {
    const firstOfFour = selectShard(jobs, { index: 1, count: 4 });
    expect(new Set(firstOfFour.map((job) => job.caseId)).size).toBe(5);
  });
});
