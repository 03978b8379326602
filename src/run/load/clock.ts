/**
 * Waiting for an arrival's due time on the monotonic clock. Node's timers fire at millisecond
 * granularity or later, so a timer wakes us about a millisecond early and `setImmediate` turns
 * the event loop until the due time: I/O keeps flowing, and a start is late by the loop's own
 * delay, not by a timer's rounding. Wakes at once when `signal` aborts.
 */
export function waitUntilMs(atMs: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      const leftMs = atMs - performance.now();
      if (leftMs <= 0 || signal?.aborted === true) {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      } else if (leftMs > EARLY_WAKE_MS) {
        timer = setTimeout(check, leftMs - EARLY_WAKE_MS);
      } else {
        setImmediate(check);
      }
    };
    let timer: NodeJS.Timeout | undefined;
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    check();
  });
}

/** How early the timer wakes before a due time; the rest is spun off with setImmediate. */
const EARLY_WAKE_MS = 1.5;
