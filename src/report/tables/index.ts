/**
 * Tables defined once (columns: header, alignment, cell) with one renderer per medium: console
 * text, Markdown and HTML. See table.ts for the model and cellText.ts for each medium's spelling.
 */
export { columnsFor, headerFor, type CellValue, type Column, type Medium, type TableDefinition } from './table.js';
export { cellText } from './cellText.js';
export { renderTextTable } from './text.js';
export { markdownTable, markdownText, renderMarkdownTable } from './markdown.js';
export { htmlTable, renderHtmlTable } from './html.js';
export { SUMMARY_TABLE, type SummaryColumn } from './summaryTable.js';
export { GATES_TABLE, type GatesColumn } from './gatesTable.js';
