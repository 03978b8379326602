import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseSync } from 'csv-parse/sync';
import { LOAD_COLUMNS, type LoadRow } from '../run/load/aggregate.js';
import { csvText, restoreCell } from './csvCell.js';
import { writeFileAtomic } from './writeRun.js';

/** Writes `<run>/load.csv`: the header, then one row per (relay, offered rate) (docs/run-folder.md#loadcsv). */
export function writeLoadCsv(outDir: string, rows: readonly LoadRow[]): void {
  writeFileAtomic(join(outDir, 'load.csv'), csvText([[...LOAD_COLUMNS], ...rows.map((row) => LOAD_COLUMNS.map((column) => row[column]))]));
}

/**
 * Reads `<run>/load.csv` back (undefined when the run was not a load run). Cells are restored
 * from their formula neutralisation; numbers come back as numbers, empty cells as undefined.
 * Throws when the header is not docs/run-folder.md#loadcsv's.
 */
export function readLoadCsv(runDir: string): LoadRow[] | undefined {
  const path = join(runDir, 'load.csv');
  if (!existsSync(path)) return undefined;
  const records = parseSync(readFileSync(path, 'utf8'), { skip_empty_lines: true }) as string[][];
  const [header, ...body] = records;
  if (header?.join(',') !== LOAD_COLUMNS.join(',')) throw new Error(`${path}: not a load.csv (header ${header?.join(',') ?? 'missing'})`);
  return body.map((cells) => {
    const row: Record<string, string | number | undefined> = {};
    LOAD_COLUMNS.forEach((column, index) => {
      const cell = restoreCell(cells[index] ?? '');
      row[column] = column === 'relay' ? cell : cell === '' ? undefined : Number(cell);
    });
    return row as LoadRow;
  });
}
