import type { RequestRow } from '../runfolder/columns.js';
import { groupRows, numberCell } from '../runfolder/cells.js';
import { bootstrapDiffOfMedians, percentile, type DifferenceInterval } from '../stats/index.js';

export const LATENCY_METRICS = ['first_answer_ms', 'total_ms'] as const;
export type LatencyMetric = (typeof LATENCY_METRICS)[number];

export interface LatencyPercentiles {
  p50: number;
  p90: number;
  /** Successful requests with the column. */
  n: number;
}

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
