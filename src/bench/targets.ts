import { quantiles } from '../stats/percentile.js';
import type { CommandTimeResult, FidelityResult, MemoryResult, StartLagResult, StartupResult, TargetCheck, ThroughputResult, TimelineResult } from './types.js';
import { START_LAG_P99_LIMIT_MS, START_LAG_RATE_PER_S } from './startLag.js';
import { growthLimitMb } from './memoryGrowth.js';

/** The issue's targets, checked against one bench's results. A value that was not measured fails. */

/** p99 of |harness − emulator| time to first token, ms, at most, per concurrency (the fidelity targets). */
export const TTFT_P99_LIMIT_MS: ReadonlyArray<{ concurrency: number; limitMs: number }> = [
  { concurrency: 64, limitMs: 2 },
  { concurrency: 512, limitMs: 10 },
];
/** Harness streams/s over a bare undici loop's, at least. */
export const MIN_THROUGHPUT_RATIO = 0.7;
/** Peak RSS of a run at the full size's memory job count (100,000), MB, at most (issue 18). */
export const MAX_PEAK_RSS_MB = 250;
/** Mean wall time of `relaybench --help`, ms, below. */
export const MAX_STARTUP_MS = 300;
/** Issue 18: from spawning `relaybench run` to its first request reaching the server, ≤ 0.3 s. */
export const MAX_FIRST_REQUEST_MS = 300;
/** Issue 18: from the last response's end to the process's exit, ≤ 1 s per 10,000 rows. */
export const MAX_POST_RUN_S_PER_10K_ROWS = 1;
/** The issue's reference run for start-up: 2,000 streamed requests at concurrency 64 against a local server. */
export const FIRST_REQUEST_RUN = { jobs: 2000, concurrency: 64 } as const;
/** Issue 18's measured time of `validate` of 2,000 cases (0.72 s), which must shrink, ms. */
export const MAX_VALIDATE_MS = 720;
/** Issue 18's measured time of `report` of a 2,000-row run folder (0.9 s), which must shrink, ms. */
export const MAX_REPORT_MS = 900;

/** The bench's measured sections that the targets are checked against. */
export interface TargetInputs {
  fidelity: readonly FidelityResult[];
  throughput: ThroughputResult;
  memory: MemoryResult;
  startup: StartupResult;
  /** Runs timed against a local server (timeline.ts). */
  timeline: readonly TimelineResult[];
  validate: CommandTimeResult;
  report: CommandTimeResult;
  /** Load mode's start lag (absent: not measured, no check). */
  startLag?: StartLagResult | null;
}

const ms = (value: number | null): string => (value === null ? 'n/a' : `${value.toFixed(2)} ms`);

/** One {@link TargetCheck} per target (TTFT error p99 per concurrency, throughput ratio, peak RSS, start-up, start lag when measured); an unmeasured value fails. */
export function checkTargets(results: TargetInputs): TargetCheck[] {
  const checks: TargetCheck[] = TTFT_P99_LIMIT_MS.map(({ concurrency, limitMs }) => {
    const p99 = results.fidelity.find((entry) => entry.concurrency === concurrency)?.ttft_err_ms_p99 ?? null;
    return { name: `TTFT error p99 at concurrency ${concurrency}`, target: `≤ ${limitMs} ms`, measured: ms(p99), pass: p99 !== null && p99 <= limitMs };
  });
  const { ratio } = results.throughput;
  checks.push({
    name: 'throughput vs bare undici loop',
    target: `≥ ${MIN_THROUGHPUT_RATIO}`,
    measured: ratio === null ? 'n/a' : ratio.toFixed(2),
    pass: ratio !== null && ratio >= MIN_THROUGHPUT_RATIO,
  });
  checks.push(...memoryChecks(results.memory));
  checks.push({
    name: `start-up (${results.startup.command}), mean`,
    target: `< ${MAX_STARTUP_MS} ms`,
    measured: `${results.startup.mean_ms.toFixed(1)} ms`,
    pass: results.startup.mean_ms < MAX_STARTUP_MS,
  });
  checks.push(firstRequestCheck(results.timeline), postRunCheck(results.timeline));
  checks.push(commandCheck('validate', results.validate, MAX_VALIDATE_MS), commandCheck('report', results.report, MAX_REPORT_MS));
  if (results.startLag !== undefined && results.startLag !== null) checks.push(startLagCheck(results.startLag));
  return checks;
}

const count = (value: number): string => value.toLocaleString('en-US');

/**
 * Peak RSS at the largest size (≤ 250 MB) and its growth over the smallest (issue 18: ≤ 60 MB from
 * 20,000 to 100,000 jobs; between other sizes the limit is scaled linearly, memoryGrowth.ts).
 */
export function memoryChecks(memory: MemoryResult): TargetCheck[] {
  const checks: TargetCheck[] = [
    {
      name: `peak RSS, ${count(memory.jobs)} jobs`,
      target: `≤ ${MAX_PEAK_RSS_MB} MB`,
      measured: `${memory.peak_rss_mb} MB`,
      pass: memory.peak_rss_mb <= MAX_PEAK_RSS_MB,
    },
  ];
  const limitMb = memory.base_jobs === null ? null : growthLimitMb(memory.base_jobs, memory.jobs);
  checks.push({
    name: `peak RSS growth, ${memory.base_jobs === null ? '?' : count(memory.base_jobs)} → ${count(memory.jobs)} jobs`,
    target: limitMb === null ? '≤ 60 MB per 80,000 jobs' : `≤ ${Number(limitMb.toFixed(1))} MB`,
    measured: memory.growth_mb === null ? 'n/a' : `${memory.growth_mb} MB`,
    pass: memory.growth_mb !== null && limitMb !== null && memory.growth_mb <= limitMb,
  });
  return checks;
}

/** Start-up to first request: the median over the reference runs ({@link FIRST_REQUEST_RUN}). */
export function firstRequestCheck(timeline: readonly TimelineResult[]): TargetCheck {
  const reference = timeline.filter((run) => run.jobs === FIRST_REQUEST_RUN.jobs && run.concurrency === FIRST_REQUEST_RUN.concurrency);
  const medianMs = quantiles(
    reference.map((run) => run.startup_ms),
    [50],
  )?.[0];
  return {
    name: `start-up to first request, ${count(FIRST_REQUEST_RUN.jobs)} jobs at concurrency ${FIRST_REQUEST_RUN.concurrency}, median of ${reference.length}`,
    target: `≤ ${MAX_FIRST_REQUEST_MS} ms`,
    measured: medianMs === undefined ? 'n/a' : `${medianMs.toFixed(0)} ms`,
    pass: medianMs !== undefined && medianMs <= MAX_FIRST_REQUEST_MS,
  };
}

/** Post-run time per 10,000 rows, at the largest timed run (where per-row work outweighs fixed costs least kindly). */
export function postRunCheck(timeline: readonly TimelineResult[]): TargetCheck {
  const largest = [...timeline].sort((left, right) => right.jobs - left.jobs)[0];
  return {
    name: `post-run per 10,000 rows${largest === undefined ? '' : `, ${count(largest.jobs)} jobs`}`,
    target: `≤ ${MAX_POST_RUN_S_PER_10K_ROWS} s`,
    measured: largest === undefined ? 'n/a' : `${largest.post_run_s_per_10k_rows.toFixed(2)} s`,
    pass: largest !== undefined && largest.post_run_s_per_10k_rows <= MAX_POST_RUN_S_PER_10K_ROWS,
  };
}

/** A command's mean wall time must be under issue 18's measured figure (the time outside the run shrinks). */
export function commandCheck(command: 'validate' | 'report', result: CommandTimeResult, limitMs: number): TargetCheck {
  return {
    name: `${command} time, ${count(result.size)} ${command === 'validate' ? 'cases' : 'rows'}, mean`,
    target: `< ${limitMs} ms`,
    measured: `${result.mean_ms.toFixed(0)} ms`,
    pass: result.mean_ms < limitMs,
  };
}

/** Load mode's start-lag target: emulator-measured p99 ≤ 5 ms at 200 offered req/s (issue 14). */
export function startLagCheck(startLag: StartLagResult): TargetCheck {
  const p99 = startLag.emulator_lag_ms_p99;
  return {
    name: `load start lag p99 at ${START_LAG_RATE_PER_S} req/s`,
    target: `≤ ${START_LAG_P99_LIMIT_MS} ms`,
    measured: ms(p99),
    pass: p99 !== null && p99 <= START_LAG_P99_LIMIT_MS,
  };
}
