/**
 * A table defined once and rendered to the console, Markdown and HTML (the way hyperfine's
 * exporters share `markup.rs`): each column has a header, an alignment and a cell function that
 * says WHAT a cell holds (a count, a duration, a share, ...); each medium's renderer says HOW
 * that is spelled (see `cellText`). Which columns a medium shows, and in what order, is part of
 * the definition too, since a CI log, a pull-request comment and a report page have different room.
 */
import type { NumberCell } from '../../format/index.js';

/** Where a table is shown: the console (plain text), Markdown (summary.md) or HTML (report.html). */
export type Medium = 'text' | 'markdown' | 'html';

/** What a cell holds; its spelling depends on the medium (`cellText`). Numbers may be CSV strings. */
export type CellValue =
  /** Shown as written (escaped for Markdown and HTML). */
  | { kind: 'text'; text: string }
  /** A whole number of things (requests, errors). */
  | { kind: 'count'; value: NumberCell }
  /** Milliseconds. */
  | { kind: 'ms'; value: NumberCell }
  /** A share 0..1, shown as a percent. */
  | { kind: 'share'; value: NumberCell }
  /** An interval of shares (a 95% CI), `low–high`; empty when `low` is. */
  | { kind: 'shareRange'; low: NumberCell; high: NumberCell }
  /** A token count (may be a mean). */
  | { kind: 'tokens'; value: NumberCell }
  /** US dollars. */
  | { kind: 'usd'; value: NumberCell }
  /** A pass/fail result. */
  | { kind: 'verdict'; pass: boolean };

/** One column of a table over rows of type `Row`. */
export interface Column<Row> {
  /** The header every medium prints unless `headers` names it otherwise. */
  header: string;
  /** A medium's own header for the column, where it differs (e.g. the console's shorter one). */
  headers?: Partial<Record<Medium, string>>;
  /**
   * `right` for numbers: HTML marks the cell `num`. The console right-aligns columns whose cells
   * all look numeric (report/table.ts, unchanged); Markdown tables carry no alignment.
   */
  align: 'left' | 'right';
  /** HTML: the cell names its row (`<th scope="row">`), e.g. the relay. */
  rowHeader?: boolean;
  /** The cell of one row. */
  value(row: Row): CellValue;
}

/** A table: its columns by key, and which of them each medium shows, in order. */
export interface TableDefinition<Row, Key extends string = string> {
  columns: Readonly<Record<Key, Column<Row>>>;
  views: Readonly<Record<Medium, readonly Key[]>>;
}

/** The columns a medium shows, in its order. */
export function columnsFor<Row, Key extends string>(table: TableDefinition<Row, Key>, medium: Medium): Array<Column<Row>> {
  return table.views[medium].map((key) => table.columns[key]);
}

/** A column's header in a medium. */
export function headerFor(column: Column<unknown>, medium: Medium): string {
  return column.headers?.[medium] ?? column.header;
}
