import type { RequestRow } from '../runfolder/columns.js';
import { groupRows, numberCell } from '../runfolder/cells.js';
import { bootstrapDiffOfMedians, percentile, type DifferenceInterval } from '../stats/index.js';

/**
 * The requests.csv latency columns (ms) compared with a baseline: time to the first answer token
 * and total time (docs/metrics.md#per-request-columns).
 */
export const LATENCY_METRICS = ['first_answer_ms', 'total_ms'] as const;
/** One of LATENCY_METRICS: `first_answer_ms` or `total_ms`. */
export type LatencyMetric = (typeof LATENCY_METRICS)[number];

/**
 * p50 and p90 (ms, Hyndman & Fan 1996 type 7, as summary.csv) of one latency column over a relay's
 * successful shared requests, and their count `n`.
 */
export interface LatencyPercentiles {
  p50: number;
  p90: number;
  /** Successful requests with the column. */
  n: number;
}

/**
 * One relay's latency column now against the baseline: p50/p90 on each side (ms), their change in
 * percent of the baseline (positive is slower; +Infinity from a 0 ms baseline), the shift of the
 * median in ms with a 95% percentile-bootstrap interval (Efron & Tibshirani 1993, 2000 resamples,
 * seed 1), and whether it breaks the latency gate.
 */
export interface LatencyComparison {
  relay: string;
  metric: LatencyMetric;
  baseline: LatencyPercentiles;
  current: LatencyPercentiles;
  /** (current − baseline) / baseline × 100; positive means slower. */
  p50ChangePct: number;
  p90ChangePct: number;
  /** median(current) − median(baseline) in ms, with a bootstrap 95% interval. */
  medianDiffMs: DifferenceInterval;
  /** True only when a latency gate was given and p50 or p90 rose by more than it allows. */
  exceedsGate: boolean;
}

/**
 * The `--latency-gate <pct>` gate: the comparison fails when a relay's p50 or p90 rose by more than
 * `maxIncreasePct` percent of the baseline's.
 */
export interface LatencyGate {
  /** The largest rise of p50 or p90, in percent of the baseline, that still passes. */
  maxIncreasePct: number;
}

/** The median moved and chance does not explain it: the bootstrap interval of the shift excludes 0. */
export function isCredibleShift(comparison: LatencyComparison): boolean {
  return comparison.medianDiffMs.low > 0 || comparison.medianDiffMs.high < 0;
}

/** Enough resamples for stable 2.5% / 97.5% endpoints; a fixed seed so a rebuilt report agrees. */
const BOOTSTRAP = { iterations: 2000, seed: 1 } as const;

function successfulValues(rows: RequestRow[], metric: LatencyMetric): number[] {
  const values: number[] = [];
  for (const row of rows) {
    const value = row.status === 'ok' ? numberCell(row[metric]) : undefined;
    if (value !== undefined) values.push(value);
  }
  return values.sort((a, b) => a - b);
}

function percentiles(sorted: number[]): LatencyPercentiles {
  return { p50: percentile(sorted, 50) as number, p90: percentile(sorted, 90) as number, n: sorted.length };
}

function changePct(current: number, baseline: number): number {
  if (baseline === 0) return current === 0 ? 0 : Number.POSITIVE_INFINITY;
  return ((current - baseline) / baseline) * 100;
}

/**
 * Per relay, p50 and p90 of time to first answer token and of total time, now against the
 * baseline. The caller passes only jobs present in both runs, so a changed mix of cases or budgets
 * cannot pass for a latency change. Relays with no successful request on either side are skipped.
 */
export function compareLatency(currentRows: RequestRow[], baselineRows: RequestRow[], gate: LatencyGate | undefined): LatencyComparison[] {
  const baselineByRelay = new Map(groupRows(baselineRows, (row) => String(row.relay)).map((group) => [String(group.first.relay), group.rows]));
  const comparisons: LatencyComparison[] = [];
  for (const { first, rows } of groupRows(currentRows, (row) => String(row.relay))) {
    const relay = String(first.relay);
    const baselineOfRelay = baselineByRelay.get(relay) ?? [];
    for (const metric of LATENCY_METRICS) {
      const currentValues = successfulValues(rows, metric);
      const baselineValues = successfulValues(baselineOfRelay, metric);
      const medianDiffMs = bootstrapDiffOfMedians(currentValues, baselineValues, BOOTSTRAP);
      if (medianDiffMs === undefined) continue;
      const current = percentiles(currentValues);
      const baseline = percentiles(baselineValues);
      const p50ChangePct = changePct(current.p50, baseline.p50);
      const p90ChangePct = changePct(current.p90, baseline.p90);
      const exceedsGate = gate !== undefined && Math.max(p50ChangePct, p90ChangePct) > gate.maxIncreasePct;
      comparisons.push({ relay, metric, baseline, current, p50ChangePct, p90ChangePct, medianDiffMs, exceedsGate });
    }
  }
  return comparisons;
}
