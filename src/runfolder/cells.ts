/**
 * Cell readers for `requests.csv` rows, whether a row is live (numbers, booleans) or read back
 * from the file (strings): the one place that knows how a cell is spelled. Pure.
 */
import type { RequestRow } from './columns.js';

/** Reads a numeric cell whether it came from a live row (number) or from requests.csv (string). */
export function numberCell(value: string | number | boolean | undefined): number | undefined {
  if (value === undefined || value === '' || typeof value === 'boolean') return undefined;
  const parsed = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/**
 * Reads the `pass` cell (docs/run-folder.md#requestscsv) whether live (boolean) or read back from
 * requests.csv (`true`/`false` strings): true, false, or undefined when the row was not graded
 * (an error row, an undecided judge, an empty cell or anything else). Never throws.
 */
export function passCell(value: string | number | boolean | undefined): boolean | undefined {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return undefined;
}

/** The key of a summary group: one row per (relay, model, thinking setting). */
export function groupKey(row: RequestRow): string {
  return [row.relay, row.model, row.thinking_budget ?? '', row.thinking_level ?? ''].join('\u0000');
}

/** Rows that share a key, and the first of them (whose relay/model/thinking cells name the group). */
export interface RowGroup {
  first: RequestRow;
  rows: RequestRow[];
}

/** Groups rows in first-seen order, which follows the plan's order. */
export function groupRows(rows: Iterable<RequestRow>, keyOf: (row: RequestRow) => string = groupKey): RowGroup[] {
  const groups = new Map<string, RowGroup>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.rows.push(row);
    else groups.set(key, { first: row, rows: [row] });
  }
  return [...groups.values()];
}
