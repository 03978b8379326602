/**
 * The two signals of a two-stage Ctrl-C/SIGTERM (docs/exit-codes.md: exit 130): `stop` aborts on
 * the first signal (start no new job), `abort` after the grace period (cut requests in flight);
 * `dispose()` removes the signal handlers and the grace timer once the last request is done.
 */
export interface Interruption {
  /** Aborted on the first Ctrl-C / SIGTERM: start no new job. */
  stop: AbortSignal;
  /** Aborted after the grace period: cut the requests in flight. */
  abort: AbortSignal;
  dispose(): void;
}

/**
 * Two-stage interruption. The first SIGINT or SIGTERM stops new jobs and gives the ones in flight
 * `graceMs` to finish before they are aborted (each still becomes a row). A second signal exits at
 * once: rows are written synchronously, so the ones already written are intact.
 */
export function handleInterruption(graceMs: number, onFirst: () => void): Interruption {
  const stop = new AbortController();
  const abort = new AbortController();
  let graceTimer: NodeJS.Timeout | undefined;
  const onSignal = (): void => {
    if (stop.signal.aborted) {
      process.stderr.write('\nSecond interrupt: exiting now. Rows already written are intact.\n');
      process.exit(130);
    }
    stop.abort();
    onFirst();
    graceTimer = setTimeout(() => abort.abort(), graceMs);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    stop: stop.signal,
    abort: abort.signal,
    dispose() {
      if (graceTimer !== undefined) clearTimeout(graceTimer);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
