import type { RequestRow } from '../report/columns.js';
import { fisherExact } from '../stats/index.js';
import { caseGroups, passCounts, type CaseGroup, type PassCounts } from './caseGroups.js';
import { compareLatency, type LatencyComparison, type LatencyGate } from './latencyChange.js';
import { modelVersionChanges, type ModelVersionChange } from './modelVersions.js';

/**
 * The default significance level. A change is significant when p ≤ alpha (the usual rejection
 * rule), which with 3 repeats per side makes "passed 3 of 3, now 0 of 3" (one-sided Fisher p = 1/20
 * = 0.05) a regression, while one flaky repeat (3/3 → 2/3, p = 0.5) is not.
 */
export const DEFAULT_ALPHA = 0.05;

/** p-values come from sums of floating-point terms: 1/20 arrives as 0.05000000000000001. */
const P_TOLERANCE = 1 + 1e-9;

export function isSignificant(pValue: number, alpha: number): boolean {
  return pValue <= alpha * P_TOLERANCE;
}

export interface BaselineOptions {
  alpha?: number;
  /** Latency changes are always reported; they fail the comparison only with this gate. */
  latencyGate?: LatencyGate;
}

/**
 * `regression` / `improvement`: the pass rate moved and Fisher's exact test says it credibly did.
 * `worse` / `better`: it moved, but no more than chance explains. `same`: it did not move, or one
 * side has no graded request.
 */
export type PassChange = 'regression' | 'worse' | 'same' | 'better' | 'improvement';

export type CaseRef = Pick<CaseGroup, 'caseId' | 'relay' | 'thinking'>;

export interface CaseComparison extends CaseRef {
  current: PassCounts;
  baseline: PassCounts;
  /** One-sided Fisher p in the direction of the change; 1 when nothing changed. */
  pValue: number;
  change: PassChange;
  /**
   * The p of the most extreme outcome these sample sizes allow (every sample flipped). Above alpha,
   * no change in this group can ever be significant: it needs more repeats.
   */
  smallestPossibleP: number;
}

export interface BaselineComparison {
  alpha: number;
  /** Every (case, relay, thinking setting) found in both runs with at least one job_id in common. */
  cases: CaseComparison[];
  /** Groups not compared: new, removed, or their request changed (so their job_ids changed). */
  onlyCurrent: CaseRef[];
  onlyBaseline: CaseRef[];
  latency: LatencyComparison[];
  modelVersionChanges: ModelVersionChange[];
  /** A significant pass-rate regression, or a latency rise beyond the latency gate. */
  failed: boolean;
}

const refOf = ({ caseId, relay, thinking }: CaseGroup): CaseRef => ({ caseId, relay, thinking });

function comparePassCounts(current: PassCounts, baseline: PassCounts, alpha: number): Pick<CaseComparison, 'pValue' | 'change' | 'smallestPossibleP'> {
  if (current.graded === 0 || baseline.graded === 0) return { pValue: 1, change: 'same', smallestPossibleP: 1 };
  // Rows of the 2×2 table are the runs (current first), columns pass / fail.
  const { pLess, pGreater } = fisherExact(current.passed, current.graded - current.passed, baseline.passed, baseline.graded - baseline.passed);
  const smallestPossibleP = fisherExact(0, current.graded, baseline.graded, 0).pLess;
  const currentRate = current.passed / current.graded;
  const baselineRate = baseline.passed / baseline.graded;
  if (currentRate < baselineRate) return { pValue: pLess, change: isSignificant(pLess, alpha) ? 'regression' : 'worse', smallestPossibleP };
  if (currentRate > baselineRate) return { pValue: pGreater, change: isSignificant(pGreater, alpha) ? 'improvement' : 'better', smallestPossibleP };
  return { pValue: 1, change: 'same', smallestPossibleP };
}

/**
 * Compares a run with a baseline run of the same suite. Groups are matched by job_id: a
 * (case, relay, thinking setting) is compared only when the two runs share one of its job_ids,
 * i.e. the same request was sent; then all its graded repeats on each side are counted, so runs
 * with different repeat counts still compare. Latency is compared over the shared jobs only. Pure.
 */
export function compareToBaseline(currentRows: RequestRow[], baselineRows: RequestRow[], options: BaselineOptions = {}): BaselineComparison {
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  const baselineJobIds = new Set(baselineRows.map((row) => String(row.job_id)));
  const sharedJobIds = new Set(currentRows.map((row) => String(row.job_id)).filter((jobId) => baselineJobIds.has(jobId)));
  const isShared = (row: RequestRow): boolean => sharedJobIds.has(String(row.job_id));

  const baselineGroups = new Map(caseGroups(baselineRows).map((group) => [group.key, group]));
  const cases: CaseComparison[] = [];
  const onlyCurrent: CaseRef[] = [];
  const compared = new Set<string>();
  for (const group of caseGroups(currentRows)) {
    const baselineGroup = baselineGroups.get(group.key);
    if (baselineGroup === undefined || !group.rows.some(isShared)) {
      onlyCurrent.push(refOf(group));
      continue;
    }
    compared.add(group.key);
    const current = passCounts(group.rows);
    const baseline = passCounts(baselineGroup.rows);
    cases.push({ ...refOf(group), current, baseline, ...comparePassCounts(current, baseline, alpha) });
  }
  const onlyBaseline = [...baselineGroups.values()].filter((group) => !compared.has(group.key)).map(refOf);

  const latency = compareLatency(currentRows.filter(isShared), baselineRows.filter(isShared), options.latencyGate);
  const failed = cases.some((comparison) => comparison.change === 'regression') || latency.some((comparison) => comparison.exceedsGate);
  return { alpha, cases, onlyCurrent, onlyBaseline, latency, modelVersionChanges: modelVersionChanges(currentRows, baselineRows), failed };
}
