import { describe, expect, it } from 'vitest';
import { scheduleStep } from '../../../src/run/load/arrivals.js';
import { runOpenLoop, type OpenLoopIo } from '../../../src/run/load/openLoop.js';

/** A discrete-event clock: time jumps to the next due event; nothing real waits. */
function simulatedClock(): OpenLoopIo & { after: (ms: number) => Promise<void>; drive: (done: Promise<unknown>) => Promise<void> } {
  let nowMs = 0;
  const events: Array<{ atMs: number; seq: number; resolve: () => void }> = [];
  let seq = 0;
  const at = (atMs: number): Promise<void> => new Promise((resolve) => events.push({ atMs, seq: seq++, resolve }));
  return {
    now: () => nowMs,
    waitUntil: (atMs) => (atMs <= nowMs ? Promise.resolve() : at(atMs)),
    after: (ms) => at(nowMs + ms),
    async drive(done) {
      let finished = false;
      void done.then(() => (finished = true));
      for (;;) {
        for (let tick = 0; tick < 20; tick += 1) await new Promise((resolve) => setImmediate(resolve));
        if (finished) return;
        events.sort((a, b) => a.atMs - b.atMs || a.seq - b.seq);
        const next = events.shift();
        if (next === undefined) throw new Error('deadlock: nothing due and the step not finished');
        nowMs = Math.max(nowMs, next.atMs);
        next.resolve();
      }
    },
  };
}

describe('open-loop driver on an injected clock', () => {
  // [label, rate, step s, request ms, maxInFlight, expected sent, expected dropped]
  it.each([
    ['no room problem', 10, 1, 50, 2, 10, 0],
    ['2 in flight, 250 ms requests every 100 ms', 10, 1, 250, 2, 7, 3],
    ['1 in flight, 250 ms requests every 100 ms', 10, 1, 250, 1, 4, 6],
    ['1 in flight, requests longer than the step', 10, 1, 5000, 1, 1, 9],
    ['3 in flight, 1 s requests at 20/s', 20, 1, 1000, 3, 3, 17],
  ])('%s: dropped counts are exact', async (_label, rate, stepS, requestMs, maxInFlight, sent, dropped) => {
    const clock = simulatedClock();
    const starts: Array<{ index: number; lagMs: number }> = [];
    const done = runOpenLoop({
      schedule: scheduleStep({ process: 'constant', ratePerS: rate, warmupS: 0, stepS, random: Math.random }),
      maxInFlight,
      io: clock,
      send: (arrival, scheduledMs) => {
        starts.push({ index: arrival.index, lagMs: clock.now() - scheduledMs });
        return clock.after(requestMs);
      },
    });
    await clock.drive(done);
    const result = await done;
    expect(result.sent).toBe(sent);
    expect(result.dropped).toBe(dropped);
    expect(result.measuredArrivals).toBe(rate * stepS);
    // Open loop: every start is exactly on schedule, however slow the requests are.
    expect(starts.every((start) => start.lagMs === 0)).toBe(true);
  });

  it('warm-up drops are not counted as measured ones', async () => {
    const clock = simulatedClock();
    const done = runOpenLoop({
      schedule: scheduleStep({ process: 'constant', ratePerS: 10, warmupS: 0.5, stepS: 1, random: Math.random }),
      maxInFlight: 1,
      io: clock,
      send: () => clock.after(250),
    });
    await clock.drive(done);
    const result = await done;
    // Warm-up is 0–400 ms. Starts at 0, 300, 600, 900; drops at 100, 200, 400 (warm-up) and 500, 700, 800.
    expect(result).toMatchObject({ sent: 4, dropped: 6, droppedMeasured: 3, measuredArrivals: 5 });
  });

  it('a stop sends nothing more and waits for what is in flight', async () => {
    const clock = simulatedClock();
    const stop = new AbortController();
    let finished = 0;
    const done = runOpenLoop({
      schedule: scheduleStep({ process: 'constant', ratePerS: 10, warmupS: 0, stepS: 1, random: Math.random }),
      maxInFlight: 10,
      io: clock,
      stop: stop.signal,
      send: async (arrival) => {
        if (arrival.index === 3) stop.abort();
        await clock.after(1000);
        finished += 1;
      },
    });
    await clock.drive(done);
    const result = await done;
    expect(result).toMatchObject({ sent: 4, stopped: true, measuredArrivals: 4 });
    expect(finished).toBe(4);
  });

  it('mayStart false (a spending cap) ends the step before that arrival', async () => {
    const clock = simulatedClock();
    const done = runOpenLoop({
      schedule: scheduleStep({ process: 'constant', ratePerS: 10, warmupS: 0, stepS: 1, random: Math.random }),
      maxInFlight: 10,
      io: clock,
      mayStart: (arrival) => arrival.index < 6,
      send: () => clock.after(10),
    });
    await clock.drive(done);
    expect(await done).toMatchObject({ sent: 6, stopped: true, measuredArrivals: 6, scheduleEndedMs: 600 });
  });
});
