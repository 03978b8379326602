import { describe, expect, it } from 'vitest';
import { settingsOf } from '../../src/analysis/index.js';
import { REQUEST_COLUMNS, type RequestRow } from '../../src/runfolder/columns.js';
import { caseGrid, GRID_REPEATS, isShownInGrid } from '../../src/report/html/caseGrid.js';

function row(repeat: number): RequestRow {
  const cells = Object.fromEntries(REQUEST_COLUMNS.map((column) => [column, undefined])) as RequestRow;
  return {
    ...cells,
    job_id: `job-${repeat}`,
    case_id: 'case-a',
    relay: 'honest',
    thinking_budget: '512',
    repeat: String(repeat),
    status: 'ok',
    pass: 'true',
    answer: `answer number ${repeat}`,
  };
}

describe('caseGrid on a large run', () => {
  const rows = Array.from({ length: GRID_REPEATS + 5 }, (_, index) => row(index + 1));
  const grid = String(caseGrid(rows, [], ['case-a'], ['honest'], settingsOf(rows)));

  it('shows the first repeats in full and says how many more there are', () => {
    expect(grid).toContain(`answer number ${GRID_REPEATS}<`);
    expect(grid).not.toContain(`answer number ${GRID_REPEATS + 1}<`);
    expect(grid).toContain('… and 5 more repeats in requests.csv');
  });

  it('still counts every repeat in the cell', () => {
    expect(grid).toContain(`✓ ${GRID_REPEATS + 5}/${GRID_REPEATS + 5}`);
  });

  it('names the rows whose text a reader must keep', () => {
    expect(rows.filter(isShownInGrid)).toHaveLength(GRID_REPEATS);
  });
});
