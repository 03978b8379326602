/**
 * Sleeps `ms` milliseconds, but wakes at once when `signal` aborts, so Ctrl-C never waits out a
 * retry backoff or a warm-up's spacing. Never rejects.
 */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
