import type { RequestColumn, RequestRow } from '../runfolder/columns.js';
import { numberCell } from '../runfolder/cells.js';
import { mean, percentile } from '../stats/index.js';

/** Rows whose request succeeded: only they carry a complete stream to judge. */
export function okRows(rows: readonly RequestRow[]): RequestRow[] {
  return rows.filter((row) => row.status === 'ok');
}

/** The numeric values of one column, empty cells skipped. */
export function columnValues(rows: readonly RequestRow[], column: RequestColumn): number[] {
  const values: number[] = [];
  for (const row of rows) {
    const value = numberCell(row[column]);
    if (value !== undefined) values.push(value);
  }
  return values;
}

/**
 * The median (type 7 percentile 50, Hyndman & Fan 1996) of `values` in their unit; undefined when
 * there are none. The input is not modified.
 */
export function medianOf(values: readonly number[]): number | undefined {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/**
 * The median of a numeric requests.csv column over `rows` (empty cells skipped), in the column's unit (ms, tokens); undefined when no row has it.
 */
export function columnMedian(rows: readonly RequestRow[], column: RequestColumn): number | undefined {
  return medianOf(columnValues(rows, column));
}

/**
 * Thought tokens of a row. Google leaves `thoughtsTokenCount` out when the model did not think, so
 * an empty cell beside a reported total means 0; with no total at all the count is unknown.
 */
export function thoughtTokensOf(row: RequestRow): number | undefined {
  const reported = numberCell(row.thought_tokens);
  if (reported !== undefined) return reported;
  return numberCell(row.total_tokens) === undefined ? undefined : 0;
}

/**
 * Mean thought tokens per row over the rows where it is known (see `thoughtTokensOf`: a missing
 * count beside a reported total is 0); undefined when none is known.
 */
export function meanThoughtTokens(rows: readonly RequestRow[]): number | undefined {
  const values: number[] = [];
  for (const row of rows) {
    const tokens = thoughtTokensOf(row);
    if (tokens !== undefined) values.push(tokens);
  }
  return mean(values);
}

/** Distinct values of a string column in first-seen order (relays, models, cases). */
export function distinct(rows: readonly RequestRow[], column: RequestColumn): string[] {
  return [...new Set(rows.map((row) => String(row[column] ?? '')))];
}
