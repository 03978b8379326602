/**
 * A relay's serving capacity: `concurrent` requests are served at once; the next ones wait in a
 * FIFO queue of at most `queue`; an arrival that finds the queue full is refused (the handler
 * answers 429 RESOURCE_EXHAUSTED with Retry-After, as Google and relays do when over quota).
 * This is the M/M/c/K picture of a server (Kendall's notation): c = concurrent, K = c + queue.
 * A queued request's response plan starts when it leaves the queue, so waiting adds to its
 * time to headers and first token as it does behind a saturated relay.
 */
export interface CapacitySettings {
  /** Requests served at the same time. */
  concurrent: number;
  /** Requests allowed to wait for a slot; past that, 429. */
  queue: number;
}

/** A request admitted by the gate: call `release` once its response has ended (idempotent). */
export interface Admission {
  release(): void;
}

/** A relay's capacity: requests served at once, then a FIFO queue, then 429 with Retry-After (`acquire` says which). */
export interface CapacityGate {
  /**
   * Asks for a slot. `serve` runs at once when one is free, or when one frees up; `cancelled`
   * tells a queued request that its client went away (it is skipped). Returns false when the
   * queue is full: the caller refuses the request.
   */
  admit(serve: (admission: Admission) => void, cancelled: () => boolean): boolean;
  /** Drops every queued request (server shutdown); they are never served. */
  clear(): void;
  readonly serving: number;
  readonly queued: number;
}

/** A gate for one relay. Pure bookkeeping: no timers, no I/O. */
export function createCapacityGate(settings: CapacitySettings): CapacityGate {
  let serving = 0;
  const waiting: Array<{ serve: (admission: Admission) => void; cancelled: () => boolean }> = [];
  const start = (serve: (admission: Admission) => void): void => {
    serving += 1;
    let released = false;
    serve({
      release() {
        if (released) return;
        released = true;
        serving -= 1;
        next();
      },
    });
  };
  const next = (): void => {
    while (serving < settings.concurrent && waiting.length > 0) {
      const entry = waiting.shift();
      if (entry !== undefined && !entry.cancelled()) start(entry.serve);
    }
  };
  return {
    admit(serve, cancelled) {
      if (serving < settings.concurrent) {
        start(serve);
        return true;
      }
      // Clients that went away free their place in the queue before anyone is refused.
      for (let index = waiting.length - 1; index >= 0; index -= 1) if (waiting[index]?.cancelled() === true) waiting.splice(index, 1);
      if (waiting.length >= settings.queue) return false;
      waiting.push({ serve, cancelled });
      return true;
    },
    clear() {
      waiting.length = 0;
    },
    get serving() {
      return serving;
    },
    get queued() {
      return waiting.length;
    },
  };
}
