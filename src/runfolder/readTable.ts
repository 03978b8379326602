import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { REQUEST_COLUMNS } from './columns.js';
import { restoreCell } from './csvCell.js';
import type { JobDetail } from './details.js';
import { readRequestsCsv, streamCompleteRecords } from './requestsCsv.js';
import { RunTable, type RunTableOptions } from './table.js';
import { RUN_FILES } from './names.js';

/** A run folder's rows and details in one RunTable, and what reading requests.csv left out. */
export interface ReadTable {
  table: RunTable;
  /** Byte length of the complete rows of requests.csv; anything after it is a torn line. */
  completeBytes: number;
  /** Bytes of a last line cut by a crash, left out. */
  tornBytes: number;
  /** Rows left out because their job_id was already read (see RunTable). */
  duplicateRows: number;
}

/**
 * Streams `path` (a requests.csv) into `table`, one pass through csv-parse, no row objects: the
 * header row maps columns by name (so a file with columns in another order or missing some still
 * reads), cells are restored from their formula neutralisation (`restoreCell`), empty cells are
 * empty. Everything up to the last newline is parsed and the rest reported as torn; a crash
 * inside a quoted answer is found only at the end of the parse, so that rare case is handed to
 * the whole-file `readRequestsCsv`, which backs off line by line. With `wholeFileErrors`, any
 * parse error is handed to it too, so a malformed file fails with its words.
 */
export async function readRequestsInto(path: string, table: RunTable, reading: ReadOptions = {}): Promise<Omit<ReadTable, 'table'>> {
  const before = { size: table.size, duplicates: table.duplicateRows };
  let positionOf: number[] | undefined;
  const cells = new Array<string | undefined>(REQUEST_COLUMNS.length);
  const onRecord = (record: string[]): undefined => {
    if (positionOf === undefined) {
      positionOf = REQUEST_COLUMNS.map((column) => record.indexOf(column));
      return undefined;
    }
    for (let index = 0; index < REQUEST_COLUMNS.length; index++) {
      const value = record[positionOf[index] ?? -1];
      cells[index] = value === undefined || value === '' ? undefined : restoreCell(value);
    }
    table.appendCells(cells);
    return undefined;
  };

  let lines: { size: number; completeBytes: number };
  try {
    lines = await streamCompleteRecords(path, onRecord);
  } catch (error) {
    if ((error as { code?: string }).code !== 'CSV_QUOTE_NOT_CLOSED' && reading.wholeFileErrors !== true) throw error;
    // csv-parse reports the open quote at the end: forget this pass and read the file whole.
    table.truncate(before.size, before.duplicates);
    const parsed = readRequestsCsv(path);
    for (const row of parsed.rows) table.appendCells(REQUEST_COLUMNS.map((column) => row[column] as string | undefined));
    table.duplicateRows += parsed.duplicateRows;
    return { completeBytes: parsed.completeBytes, tornBytes: parsed.tornBytes, duplicateRows: table.duplicateRows - before.duplicates };
  }
  return { completeBytes: lines.completeBytes, tornBytes: lines.size - lines.completeBytes, duplicateRows: table.duplicateRows - before.duplicates };
}

/**
 * Streams a details.jsonl into `table` (joined to its rows, so read requests.csv first). A
 * crash can leave the last line cut short; such a line (or any that does not parse, or is not a
 * record with a job_id) is skipped, since details only add evidence. No file: nothing added.
 */
export async function readDetailsInto(path: string, table: RunTable): Promise<void> {
  if (!existsSync(path)) return;
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      continue;
    }
    if (typeof value !== 'object' || value === null || typeof (value as JobDetail).job_id !== 'string') continue;
    table.appendDetail(value as JobDetail);
  }
}

/** How a run folder is read into a table. */
export interface ReadOptions {
  /** Read details.jsonl too (default true); the gates need none of it. */
  details?: boolean;
  /**
   * Fail on a malformed requests.csv as `readRequestsCsv` does, with its message (the readers
   * that used it: gate, --baseline); else csv-parse's streaming message (the report's).
   */
  wholeFileErrors?: boolean;
}

/**
 * Reads a run folder's requests.csv and details.jsonl once each, streaming, into a new RunTable
 * (options: which rows keep their text). The one whole-run read after a run; the caller checks
 * the folder first. OS errors and CSV errors are thrown as they come.
 */
export async function readRunTable(dir: string, options: RunTableOptions = {}, reading: ReadOptions = {}): Promise<ReadTable> {
  const table = new RunTable(options);
  const read = await readRequestsInto(join(dir, RUN_FILES.requests), table, reading);
  if (reading.details !== false) await readDetailsInto(join(dir, RUN_FILES.details), table);
  return { table, ...read };
}
