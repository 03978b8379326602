import { createHash } from 'node:crypto';
import type { Dispatcher } from 'undici';
import { createDispatcher } from '../../client/dispatcher.js';
import type { Redactor } from '../../client/redact.js';
import { grade } from '../../grade/index.js';
import type { Job } from '../../plan/types.js';
import type { RequestRow } from '../../runfolder/columns.js';
import type { RowAppender } from '../../runfolder/requestsCsv.js';
import { toRequestRow } from '../toRow.js';
import { createRandom } from '../../stats/random.js';
import type { Case, LoadSettings, ResolvedRelay, Suite } from '../../suite/types.js';
import type { CaptureSink } from '../captures.js';
import { executeJob } from '../execute.js';
import { createPriceBook } from '../pricing.js';
import { detailOf, redactRow } from '../jobRecords.js';
import type { JobDetail } from '../../runfolder/details.js';
import type { SpendingCap } from '../spendingCap.js';
import { loadRowOf, type StepAccount } from './stepRow.js';
import type { LoadRow } from '../../runfolder/loadCsv.js';
import { scheduleStep, shuffledPicks, stepSeed, type Arrival } from './arrivals.js';
import { waitUntilMs } from './clock.js';
import { runOpenLoop } from './openLoop.js';

/** What a load run needs: the suite with its `load:` block, writers, redaction, clock, signals, cap. */
export interface LoadRunOptions {
  suite: Suite & { load: LoadSettings };
  runId: string;
  /** The planned jobs (case × relay × thinking × repeat): each arrival sends one, drawn in a seeded shuffle. */
  jobs: readonly Job[];
  rows: RowAppender<RequestRow>;
  details: RowAppender<JobDetail>;
  redact: Redactor;
  /** First Ctrl-C: no new arrival; requests in flight finish. */
  stopSignal: AbortSignal;
  /** After the grace period: requests in flight are cut (they leave no row). */
  abortSignal: AbortSignal;
  sampleHeaders: (relay: ResolvedRelay) => ((job: Job, attempt: number) => Record<string, string>) | undefined;
  spendingCap?: SpendingCap;
  capture?: CaptureSink;
  /** Called as each (relay, rate) step ends, with its load.csv row. */
  onStep?: (row: LoadRow) => void;
}

/** A finished (or stopped) load run: load.csv rows per (relay, rate), counts, and why it stopped if it did. */
export interface LoadRunResult {
  /** One per (relay, rate) step with measured arrivals, relays in suite order, rates in order. */
  loadRows: LoadRow[];
  accounts: StepAccount[];
  /** Measured rows written. */
  completed: number;
  interrupted: boolean;
  capReached: boolean;
}

/**
 * A load arrival's job id: the planned job's id, the rate and the arrival's index hashed together
 * (16 hex, like every job id), so each arrival is its own row and its own emulator sample.
 */
export function arrivalJobId(baseJobId: string, ratePerS: number, stepIndex: number, arrivalIndex: number): string {
  return createHash('sha256').update(`${baseJobId}\u0000load\u0000${stepIndex}\u0000${ratePerS}\u0000${arrivalIndex}`).digest('hex').slice(0, 16);
}

/**
 * Runs load mode (README.md#load-mode-how-a-relay-holds-up-at-a-request-rate): every relay at the same time, each through its rates in
 * order, each step an open-loop schedule (runOpenLoop) with its own seeded arrivals and case
 * shuffle, identical across relays. Each arrival is sent once (no retries: a retry would add load
 * the schedule did not offer, and hide the 429s a load test is looking for). Warm-up arrivals are
 * sent but leave no row; measured ones are rows carrying `load_rate` and `start_lag_ms` (t0 minus
 * the scheduled time, on the monotonic clock). A step drains its requests before the next starts.
 */
export async function runLoad(options: LoadRunOptions): Promise<LoadRunResult> {
  const { suite } = options;
  const load = suite.load;
  const casesById = new Map<string, Case>(suite.cases.map((testCase) => [testCase.id, testCase]));
  const prices = createPriceBook(suite);
  const cap = options.spendingCap;
  const capStop = new AbortController();
  const stop = AbortSignal.any([options.stopSignal, capStop.signal]);
  const random = createRandom(suite.seed);
  const relays = suite.relays.filter((relay) => options.jobs.some((job) => job.relay === relay.name));
  const dispatchers = new Map<string, Dispatcher>();
  let completed = 0;

  const runRelay = async (relay: ResolvedRelay): Promise<Array<{ row: LoadRow; account: StepAccount }>> => {
    const once: ResolvedRelay = { ...relay, retry: { ...relay.retry, max: 0 } };
    const dispatcher = createDispatcher({ connectTimeoutMs: relay.timeouts.connectMs, proxy: relay.proxy, connections: load.maxInFlight });
    dispatchers.set(relay.name, dispatcher);
    const pool = options.jobs.filter((job) => job.relay === relay.name);
    const sampleHeader = options.sampleHeaders(relay);
    const steps: Array<{ row: LoadRow; account: StepAccount }> = [];
    for (const [stepIndex, ratePerS] of load.rates.entries()) {
      if (stop.aborted) break;
      const schedule = scheduleStep({
        process: load.arrival,
        ratePerS,
        warmupS: load.warmupS,
        ...(load.stepS === undefined ? {} : { stepS: load.stepS }),
        ...(load.requests === undefined ? {} : { measured: load.requests }),
        random: createRandom(stepSeed(suite.seed, stepIndex, 'arrivals')),
      });
      const picks = shuffledPicks(
        pool.map((_, index) => index),
        schedule.arrivals.length,
        createRandom(stepSeed(suite.seed, stepIndex, 'cases')),
      );
      const stepRows: RequestRow[] = [];
      const send = async (arrival: Arrival, scheduledMs: number): Promise<void> => {
        const base = pool[picks[arrival.index] ?? 0] as Job;
        const job: Job = { ...base, jobId: arrivalJobId(base.jobId, ratePerS, stepIndex, arrival.index), repeat: arrival.index + 1 };
        const worstUsd = cap === undefined ? 0 : prices.worstCaseOf(job);
        // mayStart saw room under the cap, so this reservation is granted synchronously.
        if (cap !== undefined) void cap.reserve(worstUsd);
        const startedAtIso = new Date().toISOString();
        let spentUsd: number | undefined;
        try {
          const outcome = await executeJob(job, {
            relay: once,
            dispatcher,
            clock: () => performance.now(),
            random,
            redact: options.redact,
            signal: options.abortSignal,
            sleep: noSleep,
            sampleHeader,
            captureRaw: options.capture !== undefined && options.capture.policy !== 'none',
          });
          spentUsd = prices.costOf(job, outcome.metrics) ?? 0;
          // Cut short by our own interruption: not a measurement of the relay, no row.
          if (arrival.warmup || outcome.failure?.kind === 'aborted' || (options.abortSignal.aborted && outcome.failure !== undefined)) return;
          const graded = outcome.failure === undefined ? grade(outcome.metrics.answerText, casesById.get(job.caseId)?.expect) : undefined;
          const costUsd = outcome.failure === undefined ? prices.costOf(job, outcome.metrics) : undefined;
          const startLagMs = outcome.t0EpochMs - performance.timeOrigin - scheduledMs;
          const row: RequestRow = {
            ...toRequestRow({ runId: options.runId, suite: suite.name, job, startedAtIso, ...outcome, grade: graded, costUsd }),
            load_rate: ratePerS,
            start_lag_ms: Math.round(Math.max(0, startLagMs) * 1000) / 1000,
          };
          const clean = redactRow(row, options.redact);
          options.rows.append(clean);
          options.details.append(detailOf(job, outcome, options.redact));
          options.capture?.record(job, outcome, outcome.raw);
          stepRows.push(clean);
          completed += 1;
        } finally {
          cap?.finish(worstUsd, spentUsd);
        }
      };
      const mayStart = (): boolean => {
        if (cap === undefined || cap.spentUsd + cap.inFlightWorstUsd < cap.capUsd) return true;
        capStop.abort();
        return false;
      };
      const result = await runOpenLoop({
        schedule,
        maxInFlight: load.maxInFlight,
        io: { now: () => performance.now(), waitUntil: (atMs) => waitUntilMs(atMs, stop) },
        send,
        mayStart,
        stop,
      });
      if (result.measuredArrivals === 0) break;
      const windowS = Math.max(0, result.scheduleEndedMs - result.startedMs - schedule.windowStartMs) / 1000;
      const account: StepAccount = { relay: relay.name, offeredRps: ratePerS, arrivals: result.measuredArrivals, dropped: result.droppedMeasured, windowS };
      const row = loadRowOf(account, stepRows, load.slo);
      options.onStep?.(row);
      steps.push({ row, account });
      if (result.stopped) break;
    }
    return steps;
  };

  let perRelay: Array<Array<{ row: LoadRow; account: StepAccount }>> = [];
  try {
    perRelay = await Promise.all(relays.map(runRelay));
  } finally {
    await Promise.all([...dispatchers.values()].map((dispatcher) => dispatcher.close().catch(() => undefined)));
  }
  const flat = perRelay.flat();
  return {
    loadRows: flat.map((step) => step.row),
    accounts: flat.map((step) => step.account),
    completed,
    interrupted: options.stopSignal.aborted,
    capReached: capStop.signal.aborted,
  };
}

/** Retries are off in load mode, so nothing ever waits to retry. */
async function noSleep(): Promise<void> {}
