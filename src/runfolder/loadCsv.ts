import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseSync } from 'csv-parse/sync';
import { csvText, restoreCell } from './csvCell.js';
import { writeFileAtomic } from './write.js';
import { RUN_FILES } from './names.js';

/** `load.csv` columns, in the order docs/run-folder.md#loadcsv fixes. */
export const LOAD_COLUMNS = [
  'relay',
  'offered_rps',
  'achieved_rps',
  'arrivals',
  'dropped',
  'completed',
  'errors',
  'http_429',
  'timeouts',
  'ttft_ms_p50',
  'ttft_ms_p90',
  'ttft_ms_p99',
  'first_answer_ms_p50',
  'first_answer_ms_p99',
  'total_ms_p50',
  'total_ms_p99',
  'start_lag_ms_p99',
  'slo_attainment',
  'goodput_rps',
] as const;

/** One `load.csv` column name (docs/run-folder.md#loadcsv). */
export type LoadColumn = (typeof LOAD_COLUMNS)[number];
/** One `load.csv` row: one (relay, offered rate); undefined is an empty cell. */
export type LoadRow = { [K in LoadColumn]: K extends 'relay' ? string : number | undefined };

/** Writes `<run>/load.csv`: the header, then one row per (relay, offered rate) (docs/run-folder.md#loadcsv). */
export function writeLoadCsv(outDir: string, rows: readonly LoadRow[]): void {
  writeFileAtomic(join(outDir, RUN_FILES.load), csvText([[...LOAD_COLUMNS], ...rows.map((row) => LOAD_COLUMNS.map((column) => row[column]))]));
}

/**
 * Reads `<run>/load.csv` back (undefined when the run was not a load run). Cells are restored
 * from their formula neutralisation; numbers come back as numbers, empty cells as undefined.
 * Throws when the header is not docs/run-folder.md#loadcsv's.
 */
export function readLoadCsv(runDir: string): LoadRow[] | undefined {
  const path = join(runDir, RUN_FILES.load);
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

/** Latency bounds of the SLO, ms from t0; an unset bound is not checked. */
export interface SloBounds {
  ttftMs?: number;
  firstAnswerMs?: number;
  totalMs?: number;
}
