import { createReadStream, rmSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { quantiles } from '../stats/percentile.js';
import { detailsOf, requestsCsvOf, runHarness } from './spawnRuns.js';
import { benchSuite } from './suites.js';
import type { StartLagResult } from './types.js';

/** The start-lag target: at 200 offered requests/s on the instant profile, p99 ≤ 5 ms. */
export const START_LAG_RATE_PER_S = 200;
/** Issue #14's target: load-mode start lag p99 at 200 offered req/s, measured against the emulator's receive times. */
export const START_LAG_P99_LIMIT_MS = 5;

/** One measured load row: its t0 and the start lag relaybench recorded (t0 − scheduled time). */
export interface LagRow {
  sample: string;
  t0EpochMs: number;
  startLagMs: number;
}

/**
 * Start lag as the emulator saw it: the epoch time it received the request minus the epoch time
 * the arrival was scheduled for (t0 − the recorded start lag). Rows without a ground-truth line
 * are counted as unmatched. Pure.
 */
export function emulatorStartLags(rows: Iterable<LagRow>, receivedEpochUsBySample: ReadonlyMap<string, number>): { lagsMs: number[]; unmatched: number } {
  const lagsMs: number[] = [];
  let unmatched = 0;
  for (const row of rows) {
    const receivedUs = receivedEpochUsBySample.get(row.sample);
    if (receivedUs === undefined) {
      unmatched += 1;
      continue;
    }
    lagsMs.push(receivedUs / 1000 - (row.t0EpochMs - row.startLagMs));
  }
  return { lagsMs, unmatched };
}

const round = (value: number | undefined): number | null => (value === undefined ? null : Number(value.toFixed(3)));

/**
 * Runs `relaybench run` in load mode (Poisson arrivals at 200 req/s for `stepS` seconds, 1 s of
 * warm-up, on the instant profile) with the emulator's ground-truth log, and compares each
 * measured request's scheduled time with the time the emulator received it.
 */
export async function measureStartLag(work: string, stepS: number): Promise<StartLagResult> {
  const suiteFile = join(work, 'bench-load.yaml');
  const suite = { ...benchSuite('bench-load', 'instant'), load: { arrival: 'poisson', rates: [START_LAG_RATE_PER_S], stepS, warmupS: 1, maxInFlight: 1024 } };
  writeFileSync(suiteFile, JSON.stringify(suite, null, 2));
  const truthFile = join(work, 'truth-load.jsonl');
  const run = await runHarness({ suiteFile, outDir: join(work, 'start-lag'), concurrency: 1, repeats: 1, emulatorLog: truthFile });
  const t0ByJob = new Map<string, number>();
  for await (const line of createInterface({ input: createReadStream(detailsOf(run)), crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    const detail = JSON.parse(line) as { job_id: string; t0_epoch_ms: number };
    t0ByJob.set(detail.job_id, detail.t0_epoch_ms);
  }
  const rows: LagRow[] = [];
  const harnessLags: number[] = [];
  let errors = 0;
  for await (const record of createReadStream(requestsCsvOf(run)).pipe(parse({ columns: true })) as AsyncIterable<Record<string, string>>) {
    const t0EpochMs = t0ByJob.get(record.job_id ?? '');
    if (record.status !== 'ok') errors += 1;
    if (t0EpochMs === undefined) continue;
    const startLagMs = Number(record.start_lag_ms);
    harnessLags.push(startLagMs);
    rows.push({ sample: `${record.job_id}/${record.attempts}`, t0EpochMs, startLagMs });
  }
  const received = new Map<string, number>();
  for await (const line of createInterface({ input: createReadStream(truthFile), crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    const truth = JSON.parse(line) as { sample: string | null; receivedEpochUs: number };
    if (truth.sample !== null) received.set(truth.sample, truth.receivedEpochUs);
  }
  rmSync(run.outDir, { recursive: true, force: true });
  const { lagsMs, unmatched } = emulatorStartLags(rows, received);
  const [p50, p99] = quantiles(lagsMs, [50, 99]) ?? [];
  const [harnessP50, harnessP99] = quantiles(harnessLags, [50, 99]) ?? [];
  return {
    offered_rps: START_LAG_RATE_PER_S,
    step_s: stepS,
    requests: lagsMs.length,
    errors,
    emulator_lag_ms_p50: round(p50),
    emulator_lag_ms_p99: round(p99),
    emulator_lag_ms_max: round(lagsMs.length === 0 ? undefined : Math.max(...lagsMs)),
    harness_lag_ms_p50: round(harnessP50),
    harness_lag_ms_p99: round(harnessP99),
    unmatched,
  };
}
