/**
 * One relay's queue for `runLanes`: its name, a lazy iterator of its jobs, its own concurrency cap
 * (undefined: only the global cap) and its rate limit in requests per minute (undefined: none;
 * starts are spaced 60 000 / rpm ms apart).
 */
export interface RelayLane<T> {
  name: string;
  /** Jobs of this relay, pulled lazily so a 100,000-job plan is never queued as closures. */
  jobs: Iterator<T>;
  /** Concurrency cap of this relay; undefined = only the global cap applies. */
  concurrency: number | undefined;
  /** Requests per minute; undefined = unlimited. */
  rpm: number | undefined;
}

/**
 * The global settings of `runLanes`: the cap on jobs in flight across relays (the suite's
 * `concurrency`), the injected monotonic clock in ms, and the signal after which no job starts.
 */
export interface SchedulerOptions {
  concurrency: number;
  /** Monotonic clock in ms (injected so rpm spacing is testable). */
  now: () => number;
  /** When aborted, no new job starts; running ones finish (their own signal aborts them). */
  signal?: AbortSignal;
}

interface LaneState<T> {
  lane: RelayLane<T>;
  next: IteratorResult<T>;
  cap: number;
  inFlight: number;
  spacingMs: number;
  nextStartAtMs: number;
}

/**
 * Runs every lane's jobs under a global cap, per-relay caps and per-relay rpm.
 *
 * A FIFO limiter (p-limit) is not enough here: fed every job up front, a slow relay's jobs pile up
 * in its queue and end up holding every global slot, starving fast relays — and the queue holds a
 * closure per job. So jobs are pulled lazily, and each free slot goes to the eligible relay with
 * the fewest jobs in flight (max-min fairness). Counting is synchronous, so a pump never over-starts.
 */
export async function runLanes<T>(lanes: Array<RelayLane<T>>, execute: (job: T, lane: string) => Promise<void>, options: SchedulerOptions): Promise<void> {
  const states: Array<LaneState<T>> = lanes.map((lane) => ({
    lane,
    next: lane.jobs.next(),
    cap: Math.min(lane.concurrency ?? options.concurrency, options.concurrency),
    inFlight: 0,
    spacingMs: lane.rpm === undefined ? 0 : 60_000 / lane.rpm,
    nextStartAtMs: Number.NEGATIVE_INFINITY,
  }));
  let totalInFlight = 0;
  let cursor = 0;
  let wakeTimer: NodeJS.Timeout | undefined;
  const stopped = (): boolean => options.signal?.aborted === true;

  return new Promise<void>((resolve, reject) => {
    const pickLane = (nowMs: number): { chosen: LaneState<T> | undefined; wakeAtMs: number } => {
      let chosen: LaneState<T> | undefined;
      let wakeAtMs = Number.POSITIVE_INFINITY;
      for (let offset = 0; offset < states.length; offset += 1) {
        const state = states[(cursor + offset) % states.length];
        if (state === undefined || state.next.done === true || state.inFlight >= state.cap) continue;
        if (state.nextStartAtMs > nowMs) {
          wakeAtMs = Math.min(wakeAtMs, state.nextStartAtMs);
          continue;
        }
        if (chosen === undefined || state.inFlight < chosen.inFlight) chosen = state;
      }
      return { chosen, wakeAtMs };
    };

    const pump = (): void => {
      if (wakeTimer !== undefined) clearTimeout(wakeTimer);
      wakeTimer = undefined;
      let wakeAtMs = Number.POSITIVE_INFINITY;
      while (!stopped() && totalInFlight < options.concurrency) {
        const nowMs = options.now();
        const pick = pickLane(nowMs);
        wakeAtMs = pick.wakeAtMs;
        if (pick.chosen === undefined) break;
        cursor = (states.indexOf(pick.chosen) + 1) % states.length;
        start(pick.chosen, nowMs);
      }
      const drained = stopped() || states.every((state) => state.next.done === true);
      if (drained && totalInFlight === 0) {
        resolve();
      } else if (Number.isFinite(wakeAtMs) && !stopped()) {
        wakeTimer = setTimeout(pump, Math.max(0, wakeAtMs - options.now()));
      }
    };

    const start = (state: LaneState<T>, nowMs: number): void => {
      const current = state.next;
      if (current.done === true) return;
      state.next = state.lane.jobs.next();
      if (state.spacingMs > 0) state.nextStartAtMs = Math.max(nowMs, state.nextStartAtMs) + state.spacingMs;
      state.inFlight += 1;
      totalInFlight += 1;
      execute(current.value, state.lane.name).then(
        () => {
          state.inFlight -= 1;
          totalInFlight -= 1;
          pump();
        },
        (error: unknown) => {
          if (wakeTimer !== undefined) clearTimeout(wakeTimer);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    };

    options.signal?.addEventListener('abort', () => queueMicrotask(pump), { once: true });
    pump();
  });
}
