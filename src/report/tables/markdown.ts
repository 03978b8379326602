import { cellText } from './cellText.js';
import { columnsFor, headerFor, type TableDefinition } from './table.js';

/** Escapes what Markdown or GitHub's HTML would interpret; a case id is data, not markup. */
export function markdownText(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

/** A GitHub-flavoured Markdown table of cells given as Markdown (escape data with {@link markdownText}). */
export function markdownTable(header: string[], body: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...body.map(line)].join('\n');
}

/** A table for summary.md: its Markdown view's columns, every cell escaped with {@link markdownText}. */
export function renderMarkdownTable<Row, Key extends string>(table: TableDefinition<Row, Key>, rows: readonly Row[]): string {
  const columns = columnsFor(table, 'markdown');
  return markdownTable(
    columns.map((column) => headerFor(column, 'markdown')),
    rows.map((row) => columns.map((column) => markdownText(cellText(column.value(row), 'markdown')))),
  );
}
