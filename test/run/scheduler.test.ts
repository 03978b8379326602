import { afterEach, describe, expect, it, vi } from 'vitest';
import { runLanes, type RelayLane } from '../../src/run/scheduler.js';

afterEach(() => {
  vi.useRealTimers();
});

function lane(name: string, count: number, extra: Partial<RelayLane<string>> = {}): RelayLane<string> {
  return { name, jobs: Array.from({ length: count }, (_, index) => `${name}-${index}`)[Symbol.iterator](), concurrency: undefined, rpm: undefined, ...extra };
}

describe('runLanes', () => {
  it('never exceeds the global cap or a relay cap, and runs every job once', async () => {
    let inFlight = 0;
    let peak = 0;
    const perRelay = new Map<string, number>();
    const peakPerRelay = new Map<string, number>();
    const done: string[] = [];
    await runLanes(
      [lane('a', 30, { concurrency: 2 }), lane('b', 30)],
      async (job, relay) => {
        inFlight += 1;
        perRelay.set(relay, (perRelay.get(relay) ?? 0) + 1);
        peak = Math.max(peak, inFlight);
        peakPerRelay.set(relay, Math.max(peakPerRelay.get(relay) ?? 0, perRelay.get(relay) ?? 0));
        await new Promise((resolve) => setTimeout(resolve, 1));
        inFlight -= 1;
        perRelay.set(relay, (perRelay.get(relay) ?? 0) - 1);
        done.push(job);
      },
      { concurrency: 5, now: () => performance.now() },
    );
    expect(peak).toBe(5);
    expect(peakPerRelay.get('a')).toBe(2);
    expect(done).toHaveLength(60);
    expect(new Set(done).size).toBe(60);
  });

  it('does not let a slow relay starve a fast one', async () => {
    const finishedAt = new Map<string, number>();
    const start = performance.now();
    await runLanes(
      [lane('slow', 8), lane('fast', 40)],
      async (_job, relay) => {
        await new Promise((resolve) => setTimeout(resolve, relay === 'slow' ? 200 : 2));
        finishedAt.set(relay, performance.now() - start);
      },
      { concurrency: 4, now: () => performance.now() },
    );
    // Fair share: the fast relay keeps two of the four slots, so its 40 jobs finish long before
    // the slow relay's 8 (4 rounds of 200 ms). A FIFO limiter would hand the slow relay every slot.
    expect(finishedAt.get('fast')).toBeLessThan(finishedAt.get('slow') ?? 0);
    expect(finishedAt.get('fast')).toBeLessThan(400);
  });

  it("spaces a relay's starts by its rpm, using the injected clock", async () => {
    vi.useFakeTimers();
    const startedAt: number[] = [];
    const run = runLanes(
      [lane('limited', 3, { rpm: 60 })],
      async () => {
        startedAt.push(Date.now());
      },
      { concurrency: 10, now: () => Date.now() },
    );
    await vi.advanceTimersByTimeAsync(5000);
    await run;
    const origin = startedAt[0] ?? 0;
    expect(startedAt.map((time) => time - origin)).toEqual([0, 1000, 2000]);
  });

  it('starts no new job once stopped, and still resolves', async () => {
    const controller = new AbortController();
    const started: string[] = [];
    await runLanes(
      [lane('a', 50)],
      async (job) => {
        started.push(job);
        if (started.length === 3) controller.abort();
        await new Promise((resolve) => setTimeout(resolve, 1));
      },
      { concurrency: 2, now: () => performance.now(), signal: controller.signal },
    );
    expect(started.length).toBeLessThanOrEqual(4);
  });
});
