import { thinkingLongLabel, thinkingOfCells } from '../plan/thinking.js';
import type { ThinkingSetting } from '../plan/types.js';
import type { RequestRow } from '../runfolder/columns.js';
import { groupRows, passCell } from '../runfolder/cells.js';

/**
 * The unit CI reports on: one (case, relay, thinking setting), all its repeats together. A repeat
 * is a sample of the same question, so verdicts are about the group, never a single row.
 */
export interface CaseGroup {
  /** The same for the same (case, relay, thinking setting) in any run of the suite. */
  key: string;
  caseId: string;
  relay: string;
  thinking: ThinkingSetting;
  rows: RequestRow[];
}

/**
 * Pass counts of some rows: `passed` out of `graded` (successful requests with a true/false grade;
 * errors and undecided judge grades are not counted). The inputs of Fisher's and McNemar's tests.
 */
export interface PassCounts {
  passed: number;
  /** Successful requests that were graded; errored requests have no grade and are not counted. */
  graded: number;
}

/** The key of a case group: case, relay and the two thinking cells, joined by NUL. */
export function caseGroupKey(row: RequestRow): string {
  return [row.case_id, row.relay, row.thinking_budget ?? '', row.thinking_level ?? ''].join('\u0000');
}

/** Groups rows by (case, relay, thinking setting), in first-seen order. */
export function caseGroups(rows: Iterable<RequestRow>): CaseGroup[] {
  return groupRows(rows, caseGroupKey).map(({ first, rows: groupRowsOfCase }) => ({
    key: caseGroupKey(first),
    caseId: String(first.case_id ?? ''),
    relay: String(first.relay ?? ''),
    thinking: thinkingOfCells(first),
    rows: groupRowsOfCase,
  }));
}

/** `sum-1-999 · flaky · budget 0`: how a reviewer finds the case in the suite and the report. */
export function caseGroupLabel(group: Pick<CaseGroup, 'caseId' | 'relay' | 'thinking'>): string {
  return [group.caseId, group.relay, thinkingLongLabel(group.thinking, '')].filter((part) => part !== '').join(' · ');
}

/** Counts the passes among the graded rows (status `ok` and a `pass` cell of true/false) of `rows`. Pure. */
export function passCounts(rows: Iterable<RequestRow>): PassCounts {
  let passed = 0;
  let graded = 0;
  for (const row of rows) {
    if (row.status !== 'ok') continue;
    const pass = passCell(row.pass);
    if (pass === undefined) continue;
    graded += 1;
    if (pass) passed += 1;
  }
  return { passed, graded };
}
