import type { Arrival, StepSchedule } from './arrivals.js';

/** What the open-loop driver needs from the outside world; injected so tests run on a fake clock. */
export interface OpenLoopIo {
  /** Monotonic clock, ms (performance.now() in a run). */
  now: () => number;
  /** Resolves at or after `atMs` on the same clock (at once when it has passed). */
  waitUntil: (atMs: number) => Promise<void>;
}

/** The open-loop driver's inputs: scheduled start times (ms, monotonic), maxInFlight, clock and timer, stop signal. */
export interface OpenLoopOptions {
  schedule: StepSchedule;
  /** Requests in flight allowed; an arrival that finds this many is dropped, never queued. */
  maxInFlight: number;
  io: OpenLoopIo;
  /**
   * Sends one arrival. Called synchronously at its due time with its scheduled time on the
   * driver's clock; the promise settles when the request has finished (it must not reject).
   */
  send: (arrival: Arrival, scheduledMs: number) => Promise<void>;
  /** Asked just before each send: false stops the step (no later arrival is sent), e.g. a spending cap. */
  mayStart?: (arrival: Arrival) => boolean;
  /** When aborted, no further arrival is sent; those in flight are awaited. */
  stop?: AbortSignal;
}

/** What happened to a step's arrivals (k6 calls the dropped ones "dropped iterations"). */
export interface OpenLoopResult {
  /** Clock time the step started, ms. */
  startedMs: number;
  /** Clock time the schedule ended or was stopped, ms (in-flight requests may finish later). */
  scheduleEndedMs: number;
  sent: number;
  dropped: number;
  /** Dropped arrivals in the measured window (warm-up drops are not counted). */
  droppedMeasured: number;
  /** Arrivals of the measured window that came due (sent or dropped) before any stop. */
  measuredArrivals: number;
  /** True when `stop` or `mayStart` ended the step before its schedule did. */
  stopped: boolean;
}

/**
 * Runs one step open loop: each arrival is sent at its scheduled time whatever earlier requests
 * are doing; when `maxInFlight` requests are already in flight it is dropped and counted. Resolves
 * once the schedule has ended and every request sent has finished. Pure apart from `io` and `send`.
 */
export async function runOpenLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const { schedule, io } = options;
  const startedMs = io.now();
  const pending = new Set<Promise<void>>();
  let inFlight = 0;
  const result: OpenLoopResult = { startedMs, scheduleEndedMs: startedMs, sent: 0, dropped: 0, droppedMeasured: 0, measuredArrivals: 0, stopped: false };
  const stopped = (): boolean => options.stop?.aborted === true;
  for (const arrival of schedule.arrivals) {
    const dueMs = startedMs + arrival.atMs;
    await io.waitUntil(dueMs);
    if (stopped()) {
      result.stopped = true;
      break;
    }
    if (!arrival.warmup) result.measuredArrivals += 1;
    if (inFlight >= options.maxInFlight) {
      result.dropped += 1;
      if (!arrival.warmup) result.droppedMeasured += 1;
      continue;
    }
    if (options.mayStart !== undefined && !options.mayStart(arrival)) {
      if (!arrival.warmup) result.measuredArrivals -= 1;
      result.stopped = true;
      break;
    }
    inFlight += 1;
    result.sent += 1;
    const request = options.send(arrival, dueMs).finally(() => {
      inFlight -= 1;
      pending.delete(request);
    });
    pending.add(request);
  }
  if (!result.stopped && Number.isFinite(schedule.endMs)) await io.waitUntil(startedMs + schedule.endMs);
  if (stopped() && !result.stopped) result.stopped = true;
  result.scheduleEndedMs = result.stopped || !Number.isFinite(schedule.endMs) ? Math.min(io.now(), startedMs + schedule.endMs) : startedMs + schedule.endMs;
  while (pending.size > 0) await Promise.all([...pending]);
  return result;
}
