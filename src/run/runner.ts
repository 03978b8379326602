import type { JobDetail, RelayRunStats } from '../runfolder/details.js';
import type { Dispatcher } from 'undici';
import { createDispatcher } from '../client/dispatcher.js';
import { primeHttpParser } from '../client/primeParser.js';
import type { Redactor } from '../client/redact.js';
import type { Clock } from '../client/types.js';
import { grade, type Grade } from '../grade/index.js';
import type { Job } from '../plan/types.js';
import type { RequestRow } from '../runfolder/columns.js';
import { toRequestRow } from './toRow.js';
import type { RowAppender } from '../runfolder/requestsCsv.js';
import { createMetricsFold } from '../metrics/fold.js';
import { createRandom } from '../stats/random.js';
import type { Case, ResolvedRelay, Suite } from '../suite/types.js';
import { executeJob, type JobOutcome } from './execute.js';
import { createRelayHealth, DEFAULT_RELAY_HEALTH, type RelayHealthOptions } from './relayHealth.js';
import { runLanes } from './scheduler.js';
import { createPriceBook } from './pricing.js';
import type { SpendingCap } from './spendingCap.js';
import { warmUpRelays, type WarmupReport } from './warmup.js';
import type { CaptureSink } from './captures.js';
import type { Judging } from './judging.js';
import { abortableSleep } from './abortableSleep.js';
import { detailOf, redactRow } from './jobRecords.js';
import { handOver } from './handOver.js';

/**
 * Progress of a run for the console: jobs finished (rows written, skipped ones included), jobs to
 * run this session, and how many of the finished ones failed (a row with an error_kind).
 */
export interface RunProgress {
  done: number;
  total: number;
  errors: number;
}

/**
 * What `runJobs` needs: jobs still to run, the requests.csv and details.jsonl appenders, the injected
 * clock (ms), the two Ctrl-C signals, and optional health rules, `--max-cost` cap (USD), captures,
 * judging and callbacks. A failed request is a row with its error_kind, not an exception.
 */
export interface RunJobsOptions {
  suite: Suite;
  runId: string;
  /** Jobs still to run (a resume has already removed the finished ones). Handed over: `runJobs` empties the array and lets each job go once it has run. */
  jobs: Job[];
  rows: RowAppender<RequestRow>;
  details: RowAppender<JobDetail>;
  redact: Redactor;
  clock: Clock;
  /** Stops starting new jobs (first Ctrl-C). */
  stopSignal: AbortSignal;
  /** Aborts jobs in flight (after the grace period, or a second Ctrl-C). */
  abortSignal: AbortSignal;
  /** Extra request headers for emulated relays (their per-sample seed). */
  sampleHeaders: (relay: ResolvedRelay) => ((job: Job, attempt: number) => Record<string, string>) | undefined;
  /** When a relay counts as down and the rest of its jobs are skipped. */
  health?: RelayHealthOptions;
  onRow?: (row: RequestRow, progress: RunProgress) => void;
  /** `--max-cost`: no job starts once finished cost plus in-flight worst cases reach the cap. */
  spendingCap?: SpendingCap;
  /** Keeps raw responses under captures/ per its policy (absent: none). */
  capture?: CaptureSink;
  /** Called once the warm-up requests (`warmup:`) are done, before any measured request. */
  onWarmup?: (reports: WarmupReport[]) => void;
  /** Called once per relay, when it is given up on (its remaining jobs become skipped rows). */
  onRelayDown?: (relay: string, reason: string) => void;
  /** Grades `judge` expectations; a judged job's row is written once its verdict is in. */
  judging?: Judging;
}

/**
 * What a session of `runJobs` did: per-relay stats for run.json's `relays`, jobs finished, whether a
 * signal (exit 130) or the spending cap (exit 3) stopped it early (docs/exit-codes.md), how many
 * answered requests without usage were counted at their worst-case cost, and the warm-up reports.
 */
export interface RunJobsResult {
  byRelay: Record<string, RelayRunStats>;
  completed: number;
  interrupted: boolean;
  /** Stopped because the spending cap was reached (jobs are left for a resume). */
  capReached: boolean;
  /** Under `--max-cost`: answered requests without usage, whose worst case was counted as spent. */
  capWorstCaseJobs: number;
  /** One entry per relay that sent warm-up requests. */
  warmup: WarmupReport[];
}

/**
 * Runs jobs against their relays: schedules them, executes each with retries, grades the answer
 * and appends one row per finished job. A failing request is a row, never an exception.
 */
export async function runJobs(options: RunJobsOptions): Promise<RunJobsResult> {
  const { suite } = options;
  const casesById = new Map<string, Case>(suite.cases.map((testCase) => [testCase.id, testCase]));
  const relaysByName = new Map(suite.relays.map((relay) => [relay.name, relay]));
  const dispatchers = new Map<string, Dispatcher>();
  const byRelay: Record<string, RelayRunStats> = {};
  for (const relay of suite.relays) {
    dispatchers.set(relay.name, createDispatcher({ connectTimeoutMs: relay.timeouts.connectMs, proxy: relay.proxy, connections: relay.concurrency }));
    byRelay[relay.name] = { completed: 0, retryWaitMs: 0, errorsByKind: {}, modelVersions: {} };
  }
  const random = createRandom(suite.seed);
  const progress: RunProgress = { done: 0, total: options.jobs.length, errors: 0 };
  const health = createRelayHealth(options.health ?? DEFAULT_RELAY_HEALTH);
  const prices = createPriceBook(suite);
  const cap = options.spendingCap;
  // Reaching the cap stops new jobs the way a first Ctrl-C does; the ones in flight finish.
  const capStop = new AbortController();
  /** Answered requests without usage, counted toward the cap at their worst case. */
  let unknownCostJobs = 0;
  const stopSignal = cap === undefined ? options.stopSignal : AbortSignal.any([options.stopSignal, capStop.signal]);

  const jobsByRelay = new Map<string, Job[]>();
  for (const job of options.jobs) {
    const list = jobsByRelay.get(job.relay) ?? [];
    list.push(job);
    jobsByRelay.set(job.relay, list);
  }
  // The jobs are handed over: each is let go once started, so a long run does not hold its plan.
  options.jobs.length = 0;

  // Rows waiting for their judge: the slot is free for the next measured request meanwhile.
  const judgedRows = new Set<Promise<void>>();
  const finish = (job: Job, outcome: JobOutcome, startedAtIso: string): void => {
    const testCase = casesById.get(job.caseId);
    const judged = outcome.failure === undefined ? options.judging?.gradeAnswer(testCase, outcome.metrics.answerText) : undefined;
    if (judged === undefined) {
      writeRow(job, outcome, startedAtIso, outcome.failure === undefined ? grade(outcome.metrics.answerText, testCase?.expect) : undefined);
      return;
    }
    const waiting = judged.then((graded) => {
      // A verdict lost to our own interruption is not the judge's failure: no row, a resume redoes the job.
      if (options.abortSignal.aborted && graded?.pass === undefined) return;
      writeRow(job, outcome, startedAtIso, graded);
    });
    judgedRows.add(waiting);
    waiting.finally(() => judgedRows.delete(waiting)).catch(() => undefined);
  };

  const writeRow = (job: Job, outcome: JobOutcome, startedAtIso: string, graded: Grade | undefined): void => {
    // Only a successful row carries a cost (docs/metrics.md#cost_usd); the cap counts failed ones too.
    const cost = outcome.failure === undefined ? prices.costOf(job, outcome.metrics) : undefined;
    const row = toRequestRow({ runId: options.runId, suite: suite.name, job, startedAtIso, ...outcome, grade: graded, costUsd: cost });
    options.rows.append(redactRow(row, options.redact));
    options.details.append(detailOf(job, outcome, options.redact));
    options.capture?.record(job, outcome, outcome.raw);
    record(byRelay[job.relay], outcome);
    const wasDown = health.downReason(job.relay) !== undefined;
    health.record(job.relay, outcome.failure);
    const downReason = health.downReason(job.relay);
    if (!wasDown && downReason !== undefined) options.onRelayDown?.(job.relay, downReason);
    progress.done += 1;
    if (outcome.failure !== undefined) progress.errors += 1;
    options.onRow?.(row, progress);
  };

  const execute = async (job: Job): Promise<void> => {
    const relay = relaysByName.get(job.relay);
    const dispatcher = dispatchers.get(job.relay);
    if (relay === undefined || dispatcher === undefined) throw new Error(`job ${job.jobId} names unknown relay ${job.relay}`);
    const startedAtIso = new Date().toISOString();
    const downReason = health.downReason(job.relay);
    if (downReason !== undefined) {
      finish(job, skippedOutcome(`skipped: relay ${job.relay} given up after ${downReason}`), startedAtIso);
      return;
    }
    const worstUsd = cap === undefined ? 0 : prices.worstCaseOf(job);
    if (cap !== undefined && !(await cap.reserve(worstUsd))) {
      // Not sent, no row: a resume with a higher cap runs it.
      capStop.abort();
      return;
    }
    let spentUsd: number | undefined;
    try {
      // A job that waited for room under the cap may find the run interrupted meanwhile.
      if (cap !== undefined && stopSignal.aborted) return;
      spentUsd = await executeAndFinish(job, relay, dispatcher, cap === undefined ? startedAtIso : new Date().toISOString(), worstUsd);
    } finally {
      cap?.finish(worstUsd, spentUsd);
    }
  };

  /**
   * Sends a job, appends its row, and returns what it cost as far as its usage tells. A priced
   * relay that answered (HTTP 200) without usage still billed it: under a cap that counts as its
   * worst case (`worstUsd`), else the cap could never stop such a relay; otherwise 0.
   */
  const executeAndFinish = async (job: Job, relay: ResolvedRelay, dispatcher: Dispatcher, startedAtIso: string, worstUsd: number): Promise<number> => {
    const outcome = await executeJob(job, {
      relay,
      dispatcher,
      clock: options.clock,
      random,
      redact: options.redact,
      signal: options.abortSignal,
      sleep: abortableSleep,
      sampleHeader: options.sampleHeaders(relay),
      captureRaw: options.capture !== undefined && options.capture.policy !== 'none',
    });
    const known = outcome.attempts === 0 ? 0 : prices.costOf(job, outcome.metrics);
    if (known === undefined && outcome.httpStatus === 200 && worstUsd > 0) unknownCostJobs += 1;
    const spent = known ?? (outcome.httpStatus === 200 ? worstUsd : 0);
    // A job cut short by our own interruption did not finish: no row, so a resume runs it again.
    if (outcome.failure?.kind === 'aborted' || (options.abortSignal.aborted && outcome.failure !== undefined)) return spent;
    finish(job, outcome, startedAtIso);
    return spent;
  };

  const lanes = suite.relays.map((relay) => ({
    name: relay.name,
    jobs: handOver(jobsByRelay.get(relay.name) ?? []),
    concurrency: relay.concurrency,
    rpm: relay.rpm,
  }));
  let warmup: WarmupReport[] = [];
  try {
    // The HTTP parser's one-time compilation happens here, not inside the first measured responses.
    await primeHttpParser();
    warmup = await warmUpRelays({
      suite,
      jobsByRelay,
      dispatchers,
      clock: options.clock,
      random,
      redact: options.redact,
      signal: options.abortSignal,
      sleep: abortableSleep,
      sampleHeaders: options.sampleHeaders,
      prices,
      ...(cap === undefined ? {} : { spendingCap: cap }),
    });
    if (warmup.length > 0) options.onWarmup?.(warmup);
    await runLanes(lanes, execute, { concurrency: suite.concurrency, now: options.clock, signal: stopSignal });
    while (judgedRows.size > 0) await Promise.all(judgedRows);
  } finally {
    await Promise.all([...dispatchers.values()].map((dispatcher) => dispatcher.close().catch(() => undefined)));
  }
  return {
    byRelay,
    completed: progress.done,
    interrupted: options.stopSignal.aborted && progress.done < progress.total,
    capReached: cap?.reached === true && progress.done < progress.total,
    capWorstCaseJobs: unknownCostJobs,
    warmup,
  };
}

function record(stats: RelayRunStats | undefined, outcome: JobOutcome): void {
  if (stats === undefined) return;
  stats.completed += 1;
  stats.retryWaitMs += outcome.retryWaitMs;
  if (outcome.failure !== undefined) stats.errorsByKind[outcome.failure.kind] = (stats.errorsByKind[outcome.failure.kind] ?? 0) + 1;
  const version = outcome.metrics.modelVersion;
  if (version !== undefined) stats.modelVersions[version] = (stats.modelVersions[version] ?? 0) + 1;
}

function skippedOutcome(message: string): JobOutcome {
  return {
    metrics: createMetricsFold(0).result(),
    failure: { kind: 'skipped', message, httpStatus: undefined, shape: 'none', midStream: false },
    httpStatus: undefined,
    attempts: 0,
    retryWaitMs: 0,
    retryNote: undefined,
    t0EpochMs: performance.timeOrigin + performance.now(),
    attemptErrorShapes: [],
  };
}
