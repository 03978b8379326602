import type { RequestRow } from '../runfolder/columns.js';
import { fisherExact } from '../stats/index.js';
import { caseGroups, passCounts, type CaseGroup, type PassCounts } from '../analysis/caseGroups.js';
import { compareLatency, type LatencyComparison, type LatencyGate } from './latencyChange.js';
import { modelVersionChanges, type ModelVersionChange } from './modelVersions.js';
import { comparePaired, isSignificant, type PairedComparison } from './pairedComparison.js';
import { explainUnsharedJobs, plannedJobsOfRows, type RequestConfig } from './requestChange.js';

export { isSignificant };

/**
 * The default significance level. A change is significant when p ≤ alpha (the usual rejection
 * rule): 5 pass→fail pairs and none back (exact McNemar p = 1/32) is a drop, 4 (p = 1/16) is not.
 */
export const DEFAULT_ALPHA = 0.05;

/**
 * How `compareToBaseline` decides: `alpha` (significance level, in (0,1); DEFAULT_ALPHA 0.05),
 * `failOnFlip` (any pass→fail pair fails), both runs' request configs (to explain unpaired jobs) and
 * an optional LatencyGate. Values are checked earlier by `checkOptions` (RelaybenchError cause `flag`, exit 2).
 */
export interface BaselineOptions {
  alpha?: number;
  /** Fail on any pass→fail pair (`--fail-on-flip`, `ci: { failOnFlip: true }`). */
  failOnFlip?: boolean;
  /** Both runs' request-shaping configuration, to say why some jobs did not pair (which fields changed). */
  requestConfigs?: { current: RequestConfig; baseline: RequestConfig };
  /** Latency changes are always reported; they fail the comparison only with this gate. */
  latencyGate?: LatencyGate;
}

/**
 * Per-cell detail (it does not decide; the paired comparison does).
 * `regression` / `improvement`: the pass rate moved and Fisher's exact test says it credibly did.
 * `worse` / `better`: it moved, but no more than chance explains. `same`: it did not move, or one
 * side has no graded request.
 */
export type PassChange = 'regression' | 'worse' | 'same' | 'better' | 'improvement';

/**
 * Names one (case, relay, thinking setting) group of a run, the unit of the per-cell Fisher detail
 * and of the groups found in one run only.
 */
export type CaseRef = Pick<CaseGroup, 'caseId' | 'relay' | 'thinking'>;

/**
 * One group compared with the baseline: pass counts on each side (graded requests, passes), the
 * one-sided p-value of Fisher's exact test (Fisher 1935, in the direction of the change; 1 when
 * unchanged), its PassChange reading, and the smallest p these sample sizes could reach at all.
 * Detail only: the CI decision is the paired comparison.
 */
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

/**
 * The whole comparison of a run with its baseline (docs/exit-codes.md, README.md#use-in-ci): the
 * deciding paired test (jobs paired by job_id, exact McNemar 1947 per family, Holm 1979 correction
 * at `alpha`), per-group Fisher detail, groups and jobs in one run only with the reasons, latency
 * changes per relay, model version changes, and `failed`, which makes `gate`/`run` exit 1.
 */
export interface BaselineComparison {
  alpha: number;
  /** The decision: jobs paired by job_id, exact McNemar tests with Holm's correction. */
  paired: PairedComparison;
  /** Detail: every (case, relay, thinking setting) found in both runs with a job_id in common, Fisher per cell. */
  cases: CaseComparison[];
  /** Groups not compared: new, removed, or their request changed (so their job_ids changed). */
  onlyCurrent: CaseRef[];
  onlyBaseline: CaseRef[];
  /** Why some jobs are in one run only (cases, relays, settings added or removed; requests changed); empty when every job is in both. */
  unsharedWhy: string[];
  latency: LatencyComparison[];
  modelVersionChanges: ModelVersionChange[];
  /** A significant paired drop (or any pass→fail pair under failOnFlip), or a latency rise beyond the latency gate. */
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
 * Compares a run with a baseline run of the same suite. The verdict comes from the paired
 * comparison (see comparePaired): jobs matched by job_id, i.e. the same request sent in both runs.
 * As detail, each (case, relay, thinking setting) sharing a job_id is also compared with Fisher's
 * test over all its graded repeats. Latency is compared over the shared jobs only. Pure.
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
  const paired = comparePaired(currentRows, baselineRows, { alpha, ...(options.failOnFlip === undefined ? {} : { failOnFlip: options.failOnFlip }) });
  const failed = paired.failed || latency.some((comparison) => comparison.exceedsGate);
  const unshared = paired.unpaired.onlyCurrent + paired.unpaired.onlyBaseline > 0;
  const unsharedWhy = unshared ? explainUnsharedJobs(plannedJobsOfRows(currentRows), plannedJobsOfRows(baselineRows), options.requestConfigs) : [];
  return { alpha, paired, cases, onlyCurrent, onlyBaseline, unsharedWhy, latency, modelVersionChanges: modelVersionChanges(currentRows, baselineRows), failed };
}
