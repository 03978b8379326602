import type { TimelineResult } from './types.js';

/**
 * Where the time of one `relaybench run` goes, measured from outside the process as a user would
 * see it (issue 18: "the time outside the run shrinks"). Four instants on one epoch clock
 * (`performance.timeOrigin + performance.now()` in both the bench and the emulator, ms):
 *
 *   spawn ──start-up──▶ first request received ──run──▶ last response sent ──post-run──▶ exit
 *
 * The bench takes spawn and exit from its own clock around `child_process.spawn` and the child's
 * `exit` event; the emulator's ground-truth log gives when it received each request and when it
 * sent each response's last byte. Start-up is module loading, suite loading, plan expansion and
 * the run folder's first files; post-run is everything after the last byte: reading the rows
 * back, summary, verdicts, budget advice, gates, report.html and exit. Pure: the bench reads the
 * files, this does the arithmetic.
 */

/** The emulator's ground truth of one run, folded: the first arrival and the last response's end. */
export interface ServerSpan {
  /** Requests the emulator logged. */
  requests: number;
  /** Earliest `receivedEpochUs`, as epoch ms. */
  firstReceivedEpochMs: number;
  /** Latest `endEpochUs`, as epoch ms. */
  lastEndEpochMs: number;
}

/** The fields of one ground-truth line (emulator/groundTruth.ts) this fold reads, epoch µs. */
export interface TruthInstants {
  receivedEpochUs: number;
  endEpochUs: number;
}

/** Folds ground-truth lines into the run's server span; undefined when the log holds no request. */
export function serverSpanOf(records: Iterable<TruthInstants>): ServerSpan | undefined {
  let requests = 0;
  let firstUs = Infinity;
  let lastUs = -Infinity;
  for (const record of records) {
    requests += 1;
    if (record.receivedEpochUs < firstUs) firstUs = record.receivedEpochUs;
    if (record.endEpochUs > lastUs) lastUs = record.endEpochUs;
  }
  return requests === 0 ? undefined : { requests, firstReceivedEpochMs: firstUs / 1000, lastEndEpochMs: lastUs / 1000 };
}

/** The harness process as the bench saw it, epoch ms. */
export interface ProcessSpan {
  spawnEpochMs: number;
  exitEpochMs: number;
}

/** Rows per which post-run time is stated: the target is ≤ 1 s per 10,000 rows. */
export const POST_RUN_ROWS_UNIT = 10_000;

const round = (value: number, digits: number): number => Number(value.toFixed(digits));

/**
 * The timeline of one run. `rows` is the number of rows the run wrote (post-run work grows with
 * it, so it is also stated per {@link POST_RUN_ROWS_UNIT} rows). Throws RangeError when the
 * instants are out of order (a request before the spawn, an exit before the last response), which
 * means the two clocks disagree and the figures would be meaningless.
 */
export function runTimeline(run: { jobs: number; concurrency: number; rows: number }, process: ProcessSpan, server: ServerSpan): TimelineResult {
  const { spawnEpochMs, exitEpochMs } = process;
  const { firstReceivedEpochMs, lastEndEpochMs } = server;
  if (!(spawnEpochMs <= firstReceivedEpochMs && firstReceivedEpochMs <= lastEndEpochMs && lastEndEpochMs <= exitEpochMs)) {
    throw new RangeError(
      `runTimeline: instants out of order (spawn ${spawnEpochMs}, first request ${firstReceivedEpochMs}, last response ${lastEndEpochMs}, exit ${exitEpochMs} epoch ms)`,
    );
  }
  if (!(run.rows > 0)) throw new RangeError(`runTimeline: a run with ${run.rows} rows has no post-run time per row`);
  const postRunS = (exitEpochMs - lastEndEpochMs) / 1000;
  return {
    jobs: run.jobs,
    concurrency: run.concurrency,
    requests: server.requests,
    startup_ms: round(firstReceivedEpochMs - spawnEpochMs, 1),
    run_s: round((lastEndEpochMs - firstReceivedEpochMs) / 1000, 3),
    post_run_s: round(postRunS, 3),
    post_run_s_per_10k_rows: round((postRunS * POST_RUN_ROWS_UNIT) / run.rows, 3),
    wall_s: round((exitEpochMs - spawnEpochMs) / 1000, 3),
  };
}
