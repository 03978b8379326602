import type { ThinkingSetting } from '../plan/types.js';
import type { RequestRow } from '../runfolder/columns.js';
import { passCell } from '../runfolder/cells.js';
import { thinkingOfCells } from '../plan/thinking.js';

/**
 * One job present in both runs (same `job_id`) whose two rows were both graded: the unit of the
 * paired comparison (README.md#use-in-ci).
 */
export interface JobPair {
  jobId: string;
  caseId: string;
  relay: string;
  thinking: ThinkingSetting;
  /** 1-based repeat number, as in requests.csv. */
  repeat: number;
  baselinePassed: boolean;
  currentPassed: boolean;
}

/** The four outcomes of the pairs: pass→pass, pass→fail, fail→pass, fail→fail (baseline → now). */
export interface PairCounts {
  passPass: number;
  /** Drops: passed in the baseline, fails now (McNemar's b for a drop). */
  passFail: number;
  /** Rises: failed in the baseline, passes now (McNemar's c for a drop). */
  failPass: number;
  failFail: number;
}

/** Jobs that could not be paired, counted so the output can say what the comparison rests on. */
export interface UnpairedCounts {
  /** Jobs in this run only (new, or their request changed so their job_id changed). */
  onlyCurrent: number;
  /** Jobs in the baseline only (removed, filtered out, or their request changed). */
  onlyBaseline: number;
  /** Shared jobs whose row in this run has no grade (a failed request, or no `expect`). */
  ungradedCurrent: number;
  /** Shared jobs whose row in the baseline has no grade. A job ungraded on both sides counts in both. */
  ungradedBaseline: number;
  /** Shared jobs left out for either reason above (each counted once). */
  ungradedEither: number;
}

/** Jobs paired by job_id with both rows graded, and the counts of jobs that could not be paired, by reason. */
export interface Pairing {
  pairs: JobPair[];
  unpaired: UnpairedCounts;
}

/** true / false for a graded successful row, undefined for an error or an ungraded answer. */
function gradeOf(row: RequestRow): boolean | undefined {
  return row.status === 'ok' ? passCell(row.pass) : undefined;
}

/**
 * Pairs two runs' rows by `job_id`. A job id repeated within one run (not written by relaybench,
 * but possible in a hand-merged file) keeps its last row, as a resume would. Pairs come in this
 * run's row order. Pure.
 */
export function pairJobs(currentRows: readonly RequestRow[], baselineRows: readonly RequestRow[]): Pairing {
  const baselineById = new Map(baselineRows.map((row) => [String(row.job_id), row]));
  const currentById = new Map(currentRows.map((row) => [String(row.job_id), row]));
  const pairs: JobPair[] = [];
  const unpaired: UnpairedCounts = { onlyCurrent: 0, onlyBaseline: 0, ungradedCurrent: 0, ungradedBaseline: 0, ungradedEither: 0 };
  for (const [jobId, current] of currentById) {
    const baseline = baselineById.get(jobId);
    if (baseline === undefined) {
      unpaired.onlyCurrent += 1;
      continue;
    }
    const currentPassed = gradeOf(current);
    const baselinePassed = gradeOf(baseline);
    if (currentPassed === undefined) unpaired.ungradedCurrent += 1;
    if (baselinePassed === undefined) unpaired.ungradedBaseline += 1;
    if (currentPassed === undefined || baselinePassed === undefined) {
      unpaired.ungradedEither += 1;
      continue;
    }
    pairs.push({
      jobId,
      caseId: String(current.case_id ?? ''),
      relay: String(current.relay ?? ''),
      thinking: thinkingOfCells(current),
      repeat: Number(current.repeat),
      baselinePassed,
      currentPassed,
    });
  }
  for (const jobId of baselineById.keys()) if (!currentById.has(jobId)) unpaired.onlyBaseline += 1;
  return { pairs, unpaired };
}

/** Counts the four outcomes. */
export function countPairs(pairs: Iterable<JobPair>): PairCounts {
  const counts: PairCounts = { passPass: 0, passFail: 0, failPass: 0, failFail: 0 };
  for (const pair of pairs) {
    if (pair.baselinePassed) {
      if (pair.currentPassed) counts.passPass += 1;
      else counts.passFail += 1;
    } else if (pair.currentPassed) counts.failPass += 1;
    else counts.failFail += 1;
  }
  return counts;
}

/** All pairs in the counts. */
export function pairTotal(counts: PairCounts): number {
  return counts.passPass + counts.passFail + counts.failPass + counts.failFail;
}

/** A pass→fail pair: passed in the baseline, fails now. */
export const isDrop = (pair: JobPair): boolean => pair.baselinePassed && !pair.currentPassed;
/** A fail→pass pair. */
export const isRise = (pair: JobPair): boolean => !pair.baselinePassed && pair.currentPassed;
