import type { FidelityResult, MemoryResult, StartLagResult, StartupResult, TargetCheck, ThroughputResult } from './types.js';
import { START_LAG_P99_LIMIT_MS, START_LAG_RATE_PER_S } from './startLag.js';

/** The targets, checked against one bench's results. A value that was not measured fails. */

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

/** The bench's measured sections that the targets are checked against. */
export interface TargetInputs {
  fidelity: readonly FidelityResult[];
  throughput: ThroughputResult;
  memory: MemoryResult;
  startup: StartupResult;
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
  checks.push({
    name: `peak RSS, ${results.memory.jobs.toLocaleString('en-US')} jobs`,
    target: `≤ ${MAX_PEAK_RSS_MB} MB`,
    measured: `${results.memory.peak_rss_mb} MB`,
    pass: results.memory.peak_rss_mb <= MAX_PEAK_RSS_MB,
  });
  checks.push({
    name: `start-up (${results.startup.command}), mean`,
    target: `< ${MAX_STARTUP_MS} ms`,
    measured: `${results.startup.mean_ms.toFixed(1)} ms`,
    pass: results.startup.mean_ms < MAX_STARTUP_MS,
  });
  if (results.startLag !== undefined && results.startLag !== null) checks.push(startLagCheck(results.startLag));
  return checks;
}

/** Load mode's start-lag target: emulator-measured p99 ≤ 5 ms at 200 offered req/s (issue 14). */
export function startLagCheck(startLag: StartLagResult): TargetCheck {
  const p99 = startLag.emulator_lag_ms_p99;
  return { name: `load start lag p99 at ${START_LAG_RATE_PER_S} req/s`, target: `≤ ${START_LAG_P99_LIMIT_MS} ms`, measured: ms(p99), pass: p99 !== null && p99 <= START_LAG_P99_LIMIT_MS };
}
