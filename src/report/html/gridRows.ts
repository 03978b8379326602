/**
 * Which rows the report's per-case grid shows in full, and so which rows a RunTable keeps the
 * text of: its own module (no imports) so `run` can fill a table for the report before the
 * report's modules are loaded.
 */
import type { RequestRow } from '../../runfolder/columns.js';
import type { RunTableOptions } from '../../runfolder/table.js';

/**
 * Repeats shown per cell, in full: beyond this a cell of a large run would carry thousands of
 * answers. Counts and pass marks still cover every repeat; the rest are in requests.csv.
 */
export const GRID_REPEATS = 20;

/** Whether the grid shows this row's answer and thought summary (so a reader can skip the others' text). */
export function isShownInGrid(row: RequestRow): boolean {
  return Number(row.repeat) <= GRID_REPEATS;
}

/**
 * What the report keeps of each row: answers, grader reasons, error messages, response ids, start
 * times and thought summaries only for the repeats the grid shows (the analysis and charts read
 * none of them), so a run of 100,000 jobs costs a few hundred bytes per job, not its text.
 */
export const REPORT_TABLE: RunTableOptions = { keepTextOf: isShownInGrid };
