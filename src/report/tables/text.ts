import { formatTable } from '../table.js';
import { cellText } from './cellText.js';
import { columnsFor, headerFor, type TableDefinition } from './table.js';

/**
 * A table for the console: its text view's columns, padded to the widest cell, numeric-looking
 * columns right-aligned (report/table.ts's `formatTable`). Returns the lines joined by `\n`.
 */
export function renderTextTable<Row, Key extends string>(table: TableDefinition<Row, Key>, rows: readonly Row[]): string {
  const columns = columnsFor(table, 'text');
  return formatTable(
    columns.map((column) => headerFor(column, 'text')),
    rows.map((row) => columns.map((column) => cellText(column.value(row), 'text'))),
  );
}
