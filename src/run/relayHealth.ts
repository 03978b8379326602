import type { RequestFailure } from '../client/types.js';

/**
 * When a relay is given up on and its remaining jobs become `skipped` rows (README.md#reliability-timeouts-retries-resume-secrets):
 * an error-rate ceiling (share in [0,1]) applied after `minSamples` finished jobs, a count of
 * consecutive 401/403 answers, and a count of consecutive hopeless connection failures.
 */
export interface RelayHealthOptions {
  /** Abort a relay whose error rate exceeds this after `minSamples` jobs; undefined = only the auth rule. */
  maxErrorRate: number | undefined;
  minSamples: number;
  /** Consecutive 401/403 answers after which a relay is declared down whatever the rate setting: a bad key does not heal itself. */
  consecutiveAuthFailures: number;
  /**
   * Consecutive jobs whose connection failed in a way retrying cannot fix (name not found, refused,
   * TLS certificate; see `HOPELESS_CONNECTION_CODES`) after which a relay is given up on. Default 3:
   * enough to rule out a one-off, few enough not to wait out every job's retries.
   */
  consecutiveHopelessFailures?: number;
}

/**
 * The run's relay-health rules: no error-rate abort (undefined), 20 jobs before a rate is judged,
 * 20 consecutive 401/403 answers, 3 consecutive hopeless connection failures (DNS, refused, TLS).
 */
export const DEFAULT_RELAY_HEALTH: RelayHealthOptions = { maxErrorRate: undefined, minSamples: 20, consecutiveAuthFailures: 20, consecutiveHopelessFailures: 3 };

/**
 * Per-relay health state from `createRelayHealth`: `record` each finished job's failure (undefined
 * for success; aborted requests are ignored), then `downReason` says why a relay was given up on
 * (a one-line message for the skipped rows and the console), or undefined while it is still worth sending to.
 */
export interface RelayHealth {
  record(relay: string, failure: RequestFailure | undefined): void;
  /** Why this relay was given up on, or undefined while it is still worth sending to. */
  downReason(relay: string): string | undefined;
}

/**
 * Decides when a relay is clearly down so the rest of its plan is skipped instead of burned.
 * Aborted requests (our own Ctrl-C) are not the relay's fault and are not counted.
 */
export function createRelayHealth(options: RelayHealthOptions): RelayHealth {
  const state = new Map<string, { done: number; errors: number; authStreak: number; hopelessStreak: number; reason: string | undefined }>();
  const hopelessLimit = options.consecutiveHopelessFailures ?? 3;
  return {
    record(relay, failure) {
      if (failure?.kind === 'aborted' || failure?.kind === 'skipped') return;
      const entry = state.get(relay) ?? { done: 0, errors: 0, authStreak: 0, hopelessStreak: 0, reason: undefined };
      state.set(relay, entry);
      entry.done += 1;
      if (failure !== undefined) entry.errors += 1;
      const auth = failure?.httpStatus === 401 || failure?.httpStatus === 403;
      entry.authStreak = auth ? entry.authStreak + 1 : 0;
      entry.hopelessStreak = failure?.hopeless === undefined ? 0 : entry.hopelessStreak + 1;
      if (entry.reason !== undefined) return;
      if (entry.hopelessStreak >= hopelessLimit) {
        entry.reason = `${entry.hopelessStreak} consecutive connection failures that retrying cannot fix (last: ${failure?.message ?? ''}); fix the relay's baseUrl or certificate and resume`;
      } else if (entry.authStreak >= options.consecutiveAuthFailures) {
        entry.reason = `${entry.authStreak} consecutive auth failures (last: ${failure?.message ?? ''}); fix the key and resume`;
      } else if (options.maxErrorRate !== undefined && entry.done >= options.minSamples && entry.errors / entry.done > options.maxErrorRate) {
        entry.reason = `error rate ${(entry.errors / entry.done).toFixed(2)} over ${entry.done} jobs exceeded --max-error-rate ${options.maxErrorRate}`;
      }
    },
    downReason(relay) {
      return state.get(relay)?.reason;
    },
  };
}
