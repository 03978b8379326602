import { html, type SafeHtml } from '../html/escape.js';
import { cellText } from './cellText.js';
import { columnsFor, headerFor, type Column, type TableDefinition } from './table.js';

/** report.html's table markup: a scrollable wrapper, a header row of `<th scope="col">`, the body rows. */
export function htmlTable(head: readonly string[], body: readonly SafeHtml[], className = ''): SafeHtml {
  return html`<div class="table-wrap"><table class="${className}"><thead><tr>${head.map((title) => html`<th scope="col">${title}</th>`)}</tr></thead><tbody>${body}</tbody></table></div>`;
}

function cellHtml<Row>(column: Column<Row>, row: Row): SafeHtml {
  const value = column.value(row);
  const text = cellText(value, 'html');
  if (value.kind === 'verdict') return html`<td class="verdict ${value.pass ? 'pass' : 'fail'}"><span class="badge">${text}</span></td>`;
  if (column.rowHeader === true) return html`<th scope="row">${text}</th>`;
  return column.align === 'right' ? html`<td class="num">${text}</td>` : html`<td>${text}</td>`;
}

/**
 * A table for report.html: its HTML view's columns, one `<tr>` per row; cells are escaped text,
 * right-aligned columns get class `num`, a verdict a PASS/FAIL badge. `className` styles the table.
 */
export function renderHtmlTable<Row, Key extends string>(table: TableDefinition<Row, Key>, rows: readonly Row[], className: string): SafeHtml {
  const columns = columnsFor(table, 'html');
  const body = rows.map((row) => html`<tr>${columns.map((column) => cellHtml(column, row))}</tr>`);
  return htmlTable(
    columns.map((column) => headerFor(column, 'html')),
    body,
    className,
  );
}
