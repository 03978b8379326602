/**
 * The `--max-cost` accounting (README.md#cost): spent = the cost of finished requests, plus
 * the worst case of every request in flight (their real cost is not known until they end). A job
 * starts only while that sum is below the cap; otherwise it waits for a request in flight to end
 * (which replaces its worst case by its real cost) and tries again. Once the finished cost alone
 * reaches the cap, no job starts again and the ones in flight finish. Every start had
 * spent + in-flight worst < cap, so the final spend exceeds the cap by at most one job's worst
 * case, and then only when that worst case was underestimated (a relay that ignores
 * `maxOutputTokens`). Pure: no clock, no I/O.
 */
export interface SpendingCap {
  /**
   * Reserves `worstUsd` for a job about to start. Resolves true when it may start, false when the
   * cap is reached (finished cost ≥ cap); waits while requests in flight hold the room it needs.
   */
  reserve(worstUsd: number): Promise<boolean>;
  /** Releases a finished job's reservation and adds what it really cost (0 when unknown). */
  finish(worstUsd: number, spentUsd: number | undefined): void;
  /** USD spent by finished requests, including those kept from before a resume. */
  readonly spentUsd: number;
  /** USD reserved by requests in flight. */
  readonly inFlightWorstUsd: number;
  /** The largest worst case of one job seen: the most the run can go over the cap. */
  readonly maxJobWorstUsd: number;
  /** Whether a job was refused because the cap was reached. */
  readonly reached: boolean;
  readonly capUsd: number;
}

/** A cap of `capUsd` of which `alreadySpentUsd` (rows kept from before a resume) is spent. */
export function createSpendingCap(capUsd: number, alreadySpentUsd = 0): SpendingCap {
  let spent = alreadySpentUsd;
  let inFlight = 0;
  let maxJobWorst = 0;
  let reached = false;
  let waiters: Array<() => void> = [];
  const wake = (): void => {
    const woken = waiters;
    waiters = [];
    for (const resolve of woken) resolve();
  };
  return {
    async reserve(worstUsd) {
      for (;;) {
        if (reached || spent >= capUsd) {
          reached = true;
          wake();
          return false;
        }
        if (spent + inFlight < capUsd) {
          inFlight += worstUsd;
          maxJobWorst = Math.max(maxJobWorst, worstUsd);
          return true;
        }
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
    finish(worstUsd, spentUsd) {
      inFlight = Math.max(0, inFlight - worstUsd);
      spent += spentUsd ?? 0;
      wake();
    },
    get spentUsd() {
      return spent;
    },
    get inFlightWorstUsd() {
      return inFlight;
    },
    get maxJobWorstUsd() {
      return maxJobWorst;
    },
    get reached() {
      return reached;
    },
    capUsd,
  };
}
