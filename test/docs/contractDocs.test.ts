import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REQUEST_COLUMNS, SUMMARY_COLUMNS } from '../../src/runfolder/columns.js';
import { BUDGET_COLUMNS } from '../../src/analysis/csv.js';
import { VERDICT_KEYS, VERDICT_LABELS } from '../../src/analysis/types.js';
import { LOAD_COLUMNS } from '../../src/runfolder/loadCsv.js';

const RUN_FOLDER_DOC = fileURLToPath(new URL('../../docs/run-folder.md', import.meta.url));

/**
 * The column names of the first table under the `## <heading>` section of a Markdown page: the
 * backticked names in the table's `column` cell (one, or several separated by `, `), in row order.
 * Stops at the end of that table or the next `#` heading.
 */
function documentedColumns(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.trim() === `## ${heading}`);
  if (start === -1) throw new Error(`no "## ${heading}" section`);
  const columns: string[] = [];
  let columnCell = -1;
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('#')) break;
    if (!line.startsWith('|')) {
      if (columnCell !== -1) break;
      continue;
    }
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    if (columnCell === -1) {
      columnCell = cells.indexOf('column');
      if (columnCell === -1) throw new Error(`the first table under "## ${heading}" has no "column" heading`);
      continue;
    }
    if (/^-+$/.test(cells[0] ?? '')) continue;
    const cell = cells[columnCell] ?? '';
    if (!/^`[^`]+`(, `[^`]+`)*$/.test(cell)) throw new Error(`under "## ${heading}", a row's column cell is not \`name\`[, \`name\`…]: ${line}`);
    columns.push(...[...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1] as string));
  }
  return columns;
}

describe('the contract docs list the columns the code writes', () => {
  const markdown = readFileSync(RUN_FOLDER_DOC, 'utf8');

  it('docs/run-folder.md lists every requests.csv column, in order', () => {
    expect(documentedColumns(markdown, 'requests.csv')).toEqual([...REQUEST_COLUMNS]);
  });

  it('docs/run-folder.md lists every summary.csv column, in order', () => {
    expect(documentedColumns(markdown, 'summary.csv')).toEqual([...SUMMARY_COLUMNS]);
  });

  it('docs/run-folder.md lists every budgets.csv column, in order', () => {
    expect(documentedColumns(markdown, 'budgets.csv')).toEqual([...BUDGET_COLUMNS]);
  });

  it('docs/run-folder.md lists every load.csv column, in order', () => {
    expect(documentedColumns(markdown, 'load.csv')).toEqual([...LOAD_COLUMNS]);
  });

  it('docs/run-folder.md lists every verdicts.csv check, in column order', () => {
    expect(documentedColumns(markdown, 'verdicts.csv')).toEqual(VERDICT_KEYS.map((key) => VERDICT_LABELS[key].column));
  });

  it('a column added to the code and not to the table is caught', () => {
    const table = '## x.csv\n\n| # | column | meaning |\n| --- | --- | --- |\n| 1 | `a` | |\n| 2 | `b` | |\n\n## next\n| column |\n| --- |\n| `z` |\n';
    expect(documentedColumns(table, 'x.csv')).toEqual(['a', 'b']);
    expect(documentedColumns(table, 'x.csv')).not.toEqual(['a', 'b', 'c']);
    expect(documentedColumns('## y\n| column |\n| --- |\n| `a`, `b` |\n| `c` |\n', 'y')).toEqual(['a', 'b', 'c']);
    expect(() => documentedColumns('## y\n| column |\n| --- |\n| a |\n', 'y')).toThrow(/not `name`/);
  });
});
