import type { Dispatcher } from 'undici';
import type { Redactor } from '../client/redact.js';
import type { Clock } from '../client/types.js';
import type { Job } from '../plan/types.js';
import type { ResolvedRelay, Suite } from '../suite/types.js';
import { executeJob } from './execute.js';
import type { PriceBook } from './pricing.js';
import type { SpendingCap } from './spendingCap.js';
import { formatUsd } from '../format/index.js';

/** What one relay's warm-up did; goes to run.json (`warmup`) and the console. */
export interface WarmupReport {
  relay: string;
  sent: number;
  failed: number;
  /** USD the warm-ups cost by their usage (priced relays only): billed by the relay, so counted by `--max-cost`, never in a row. */
  costUsd?: number;
  /** Distinct error messages (redacted), at most {@link MAX_WARMUP_ERRORS}, each with its count. */
  errors: Array<{ message: string; count: number }>;
}

const MAX_WARMUP_ERRORS = 5;

/** How many warm-up requests a relay gets: its own `warmup`, else the suite's, else none. */
export function warmupCountOf(relay: ResolvedRelay, suite: Pick<Suite, 'warmup'>): number {
  return relay.warmup ?? suite.warmup ?? 0;
}

/** What warm-ups share with the run: its connection pools, clock, redaction, prices and spending cap. */
export interface WarmupContext {
  suite: Suite;
  /** The jobs this run will measure, per relay; a relay with none is not warmed up. */
  jobsByRelay: ReadonlyMap<string, readonly Job[]>;
  /** The run's own pools: warming them is the point (TLS handshakes, keep-alive sockets). */
  dispatchers: ReadonlyMap<string, Dispatcher>;
  clock: Clock;
  random: () => number;
  redact: Redactor;
  signal: AbortSignal;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  sampleHeaders: (relay: ResolvedRelay) => ((job: Job, attempt: number) => Record<string, string>) | undefined;
  /** Prices each warm-up like a measured request. */
  prices?: PriceBook;
  /** `--max-cost`: a warm-up is billed like any request, so it reserves its worst case and adds its cost; none starts once the cap is reached. */
  spendingCap?: SpendingCap;
}

/**
 * Sends each relay's warm-up requests before any measured one (README.md#around-a-run): the
 * relay's first planned jobs in turn, once each (no retries), up to the relay's concurrency at a
 * time so that as many pooled connections are opened as the run will use (one at a time, spaced,
 * for a relay with `rpm`). Nothing is counted: no
 * row, no health record; but each is billed, so with `spendingCap` it reserves its worst case
 * like a measured job, and none starts once the cap is reached (README.md#cost). Relays warm up in parallel. Never throws for a failed request.
 */
export async function warmUpRelays(context: WarmupContext): Promise<WarmupReport[]> {
  const relays = context.suite.relays.filter((relay) => warmupCountOf(relay, context.suite) > 0 && (context.jobsByRelay.get(relay.name)?.length ?? 0) > 0);
  return Promise.all(relays.map((relay) => warmUpRelay(relay, context)));
}

async function warmUpRelay(relay: ResolvedRelay, context: WarmupContext): Promise<WarmupReport> {
  const count = warmupCountOf(relay, context.suite);
  const jobs = context.jobsByRelay.get(relay.name) ?? [];
  const dispatcher = context.dispatchers.get(relay.name);
  if (dispatcher === undefined) throw new Error(`internal: no dispatcher for relay ${relay.name}`);
  const sampleHeader = context.sampleHeaders(relay);
  const errors = new Map<string, number>();
  let failed = 0;
  let next = 0;
  let sent = 0;
  let costUsd: number | undefined;
  const once = { ...relay, retry: { ...relay.retry, max: 0 } };
  // With rpm:, warm-ups are spaced like measured requests (one start per 60000/rpm ms, as the
  // scheduler does) and the first measured one waits its turn after them, so the relay's limit holds.
  const spacingMs = relay.rpm === undefined ? 0 : 60_000 / relay.rpm;
  let lastStartMs: number | undefined;
  const waitForTurn = async (): Promise<void> => {
    if (spacingMs === 0 || lastStartMs === undefined) return;
    const waitMs = lastStartMs + spacingMs - context.clock();
    if (waitMs > 0) await context.sleep(waitMs, context.signal);
  };
  const worker = async (): Promise<void> => {
    while (next < count && !context.signal.aborted) {
      const index = next++;
      await waitForTurn();
      if (context.signal.aborted) break;
      const job = jobs[index % jobs.length] as Job;
      const worstUsd = context.spendingCap === undefined || context.prices === undefined ? 0 : context.prices.worstCaseOf(job);
      if (context.spendingCap !== undefined && !(await context.spendingCap.reserve(worstUsd))) break;
      lastStartMs = context.clock();
      sent += 1;
      let spentUsd: number | undefined;
      try {
        spentUsd = await warmUpOnce(job, index, worstUsd);
      } finally {
        context.spendingCap?.finish(worstUsd, spentUsd);
      }
    }
  };
  /**
   * Sends one warm-up; returns what it cost for the cap: its usage's price, or `worstUsd` when a
   * priced relay answered without usage (as for measured jobs), else undefined.
   */
  const warmUpOnce = async (job: Job, index: number, worstUsd: number): Promise<number | undefined> => {
    const outcome = await executeJob(job, {
      relay: once,
      dispatcher,
      clock: context.clock,
      random: context.random,
      redact: context.redact,
      signal: context.signal,
      sleep: context.sleep,
      // Negative attempt numbers: an emulated relay draws a warm-up sample apart from the measured ones.
      sampleHeader: sampleHeader === undefined ? undefined : (warmJob) => sampleHeader(warmJob, -(index + 1)),
    });
    if (outcome.failure !== undefined) {
      failed += 1;
      const message = context.redact(outcome.failure.message);
      errors.set(message, (errors.get(message) ?? 0) + 1);
    }
    const spent = outcome.attempts === 0 ? undefined : context.prices?.costOf(job, outcome.metrics);
    if (spent !== undefined) costUsd = (costUsd ?? 0) + spent;
    return spent ?? (outcome.httpStatus === 200 && worstUsd > 0 ? worstUsd : undefined);
  };
  const lanes = spacingMs > 0 ? 1 : Math.max(1, Math.min(count, relay.concurrency ?? context.suite.concurrency));
  await Promise.all(Array.from({ length: lanes }, worker));
  await waitForTurn();
  return {
    relay: relay.name,
    sent,
    failed,
    ...(costUsd === undefined ? {} : { costUsd: Math.round(costUsd * 1e9) / 1e9 }),
    errors: [...errors].slice(0, MAX_WARMUP_ERRORS).map(([message, n]) => ({ message, count: n })),
  };
}

/** One console line per relay that warmed up: `warm-up honest: 3 sent, 1 failed (HTTP 503: …)`. */
export function formatWarmup(reports: readonly WarmupReport[]): string {
  return reports
    .map((report) => {
      const failures = report.errors.map((error) => `${error.count}× ${error.message}`).join('; ');
      const cost = report.costUsd === undefined ? '' : ` (${formatUsd(report.costUsd)}, counted by --max-cost)`;
      return `warm-up ${report.relay}: ${report.sent} sent, not counted${cost}${report.failed === 0 ? '' : `; ${report.failed} failed: ${failures}`}`;
    })
    .join('\n');
}
