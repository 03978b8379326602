/**
 * The `--max-cost` accounting (DESIGN.md, "Cost"): spent = the cost of finished requests, plus
 * the worst case of every request in flight (their real cost is not known until they end). A job
 * may start only while that sum is below the cap; once it is not, no job starts again, and the
 * ones in flight finish. So the final spend exceeds the cap by at most the worst case of the
 * jobs that were in flight, and only when their worst case was underestimated (a relay that
 * ignores `maxOutputTokens`) or started just under the cap. Pure: no clock, no I/O.
 */
export interface SpendingCap {
  /** Reserves `worstUsd` for a job about to start; false (and the cap counts as reached) when it must not start. */
  tryStart(worstUsd: number): boolean;
  /** Releases a finished job's reservation and adds what it really cost (0 when unknown). */
  finish(worstUsd: number, spentUsd: number | undefined): void;
  /** USD spent by finished requests, including those kept from before a resume. */
  readonly spentUsd: number;
  /** USD reserved by requests in flight. */
  readonly inFlightWorstUsd: number;
  /** The largest in-flight reservation seen: the most the run could have gone over. */
  readonly maxInFlightWorstUsd: number;
  /** Whether a job was refused. */
  readonly reached: boolean;
  readonly capUsd: number;
}

/** A cap of `capUsd` of which `alreadySpentUsd` (rows kept from before a resume) is spent. */
export function createSpendingCap(capUsd: number, alreadySpentUsd = 0): SpendingCap {
  let spent = alreadySpentUsd;
  let inFlight = 0;
  let maxInFlight = 0;
  let reached = false;
  return {
    tryStart(worstUsd) {
      if (reached || spent + inFlight >= capUsd) {
        reached = true;
        return false;
      }
      inFlight += worstUsd;
      maxInFlight = Math.max(maxInFlight, inFlight);
      return true;
    },
    finish(worstUsd, spentUsd) {
      inFlight = Math.max(0, inFlight - worstUsd);
      spent += spentUsd ?? 0;
    },
    get spentUsd() {
      return spent;
    },
    get inFlightWorstUsd() {
      return inFlight;
    },
    get maxInFlightWorstUsd() {
      return maxInFlight;
    },
    get reached() {
      return reached;
    },
    capUsd,
  };
}
