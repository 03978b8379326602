import { closeSync, createReadStream, fstatSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { fileSystemError } from '../errors/index.js';
import { REQUEST_COLUMNS, type RequestColumn, type RequestRow } from './columns.js';
import { csvLine, restoreCell } from './csvCell.js';

export { csvLine };

/**
 * A writer of one CSV row per `append` (synchronous, so a written row survives a crash) until
 * `close`; a refused write throws RelaybenchError cause `file-system` (exit 2) naming the path.
 */
export interface RowAppender<T> {
  append(row: T): void;
  close(): void;
}

/**
 * Appends rows to `requests.csv`, one synchronous write per row. A row is in the OS's hands the
 * moment its job finishes, so a crash, Ctrl-C or `kill -9` loses nothing already written, and
 * memory stays flat however large the suite.
 */
export function openRequestsCsv(path: string): RowAppender<RequestRow> {
  const fd = onPath(path, 'open', () => openSync(path, 'a'));
  if (fstatSync(fd).size === 0) onPath(path, 'write', () => writeSync(fd, csvLine(REQUEST_COLUMNS)));
  return {
    append(row) {
      onPath(path, 'write', () => writeSync(fd, csvLine(REQUEST_COLUMNS.map((column) => row[column]))));
    },
    close() {
      closeSync(fd);
    },
  };
}

/**
 * Runs a file operation on `path`; an OS error becomes the one-line usage error of
 * `fileSystemError` naming the file (a write on a descriptor reports no path of its own, so a
 * full disk mid-run would otherwise say only `ENOSPC: no space left on device, write`).
 */
function onPath<T>(path: string, action: string, operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    throw fileSystemError(error, action, path);
  }
}

/** Appends one JSON object per line (the `details.jsonl` sidecar), with the same durability. */
export function openJsonLines<T>(path: string): RowAppender<T> {
  const fd = onPath(path, 'open', () => openSync(path, 'a'));
  return {
    append(row) {
      onPath(path, 'write', () => writeSync(fd, `${JSON.stringify(row)}\n`));
    },
    close() {
      closeSync(fd);
    },
  };
}

/**
 * requests.csv as read back: one row per job_id (first wins), the byte lengths of the complete rows
 * and of a torn last line (bytes), and how many duplicate job rows were dropped (docs/run-folder.md#requestscsv).
 */
export interface ParsedRequests {
  /** One row per job_id: the first row of a job wins, later ones with the same job_id are dropped. */
  rows: RequestRow[];
  /** Byte length of the complete rows; anything after it is a torn line left by a crash. */
  completeBytes: number;
  tornBytes: number;
  /** Rows dropped because their job_id was already read (two runs wrote into one file). */
  duplicateRows: number;
}

/**
 * Keeps the first row of each job_id, in file order, and counts the rest. Two runs that once
 * shared a folder (or a hand-joined file) wrote some jobs twice; every reader counts a job once.
 * A row without a job_id is kept: the callers that need one reject it by name.
 */
export function firstRowPerJob(rows: RequestRow[]): { rows: RequestRow[]; duplicateRows: number } {
  const seen = new Set<string>();
  const kept = rows.filter((row) => {
    if (row.job_id === undefined) return true;
    const jobId = String(row.job_id);
    // A second header line: two writers that both found the file empty each wrote one.
    if (seen.has(jobId) || isRepeatedHeader(row)) return false;
    seen.add(jobId);
    return true;
  });
  return { rows: kept, duplicateRows: rows.length - kept.length };
}

/** A row that is the header again (`run_id,job_id,…` read as data). */
function isRepeatedHeader(row: RequestRow): boolean {
  return row.job_id === 'job_id' && row.run_id === 'run_id';
}

/**
 * The one-line warnings a reader of `path` prints about what it left out: duplicate job rows and
 * a torn last line. Empty when the file was whole. Shared so report, gate, merge, resume and run
 * word them alike.
 */
export function readWarnings(path: string, parsed: Pick<ParsedRequests, 'duplicateRows' | 'tornBytes'>): string[] {
  const warnings: string[] = [];
  if (parsed.duplicateRows > 0) {
    warnings.push(`Warning: ${path} holds ${parsed.duplicateRows} duplicate row${parsed.duplicateRows === 1 ? '' : 's'} (a job_id already read); each job is counted once.`);
  }
  if (parsed.tornBytes > 0) {
    warnings.push(`Warning: ${path} ends in a torn line (${parsed.tornBytes} bytes, left by an interrupted write); it was left out.`);
  }
  return warnings;
}

/**
 * Reads `requests.csv` back (resume, report, merge, baseline). Cells are strings, restored from
 * their formula neutralisation (`restoreCell`); empty cells are undefined. A last line cut by a crash is reported, not parsed, so the caller can truncate it.
 * Each job_id is read once (see {@link firstRowPerJob}); `duplicateRows` counts the rest.
 */
export function readRequestsCsv(path: string): ParsedRequests {
  const buffer = readFileSync(path);
  // Rows end in a newline, but an answer may hold newlines too: a crash inside a quoted answer
  // leaves a prefix that ends in a newline yet does not parse. Back off one line until it does.
  let completeBytes = buffer.lastIndexOf(0x0a) + 1;
  for (;;) {
    try {
      const records = parseSync(buffer.subarray(0, completeBytes), { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
      return { ...firstRowPerJob(records.map(toRow)), completeBytes, tornBytes: buffer.length - completeBytes };
    } catch (error) {
      if (completeBytes === 0 || (error as { code?: string }).code !== 'CSV_QUOTE_NOT_CLOSED') throw error;
      completeBytes = buffer.lastIndexOf(0x0a, completeBytes - 2) + 1;
    }
  }
}

function toRow(record: Record<string, string>): RequestRow {
  const row = emptyRow();
  for (const column of REQUEST_COLUMNS) {
    const value = record[column];
    row[column] = value === undefined || value === '' ? undefined : restoreCell(value);
  }
  return row;
}

/**
 * Every column present, so rows share one hidden class and store their cells in place: an object
 * grown key by key past a dozen properties becomes a hash map at twice the memory.
 */
const EMPTY_ROW = Object.fromEntries(REQUEST_COLUMNS.map((column) => [column, undefined])) as RequestRow;
const emptyRow = (): RequestRow => ({ ...EMPTY_ROW });

/** Columns with few distinct values, whose cells are shared between rows rather than repeated. */
const SHARED_COLUMNS: ReadonlySet<RequestColumn> = new Set<RequestColumn>([
  'run_id',
  'suite',
  'case_id',
  'relay',
  'model',
  'thinking_budget',
  'thinking_level',
  'repeat',
  'status',
  'http_status',
  'error_kind',
  'attempts',
  'chunks',
  'thought_chunks',
  'answer_chunks',
  'prompt_tokens',
  'thought_tokens',
  'answer_tokens',
  'total_tokens',
  'finish_reason',
  'block_reason',
  'model_version',
  'pass',
  'score',
]);

/**
 * What `readRequestRows` may leave out to keep peak memory low on a large run (100k jobs and
 * more): columns read as empty, and a predicate for the rows that keep them.
 */
export interface RowReadOptions {
  /** Columns read as empty: `answer` is most of a row, and only the report's grid shows it. */
  omitColumns?: readonly RequestColumn[];
  /** Rows that get the omitted columns after all (the few a report shows in full). */
  keepOmittedFor?: (row: RequestRow) => boolean;
}

/**
 * Reads `requests.csv` through csv-parse's streaming API, holding one compact row per job and
 * nothing else: no copy of the file, no per-record objects, repeated cells shared, omitted columns
 * left out. For the whole-run reads after a large run (summary, gates, report). Like
 * `readRequestsCsv`, it parses up to the last newline and reports the rest as torn; a crash inside
 * a quoted answer is only found at the end of the parse, so that rare case is handed to it.
 */
export async function readRequestRows(path: string, options: RowReadOptions = {}): Promise<ParsedRequests> {
  const omitted = REQUEST_COLUMNS.map((column) => options.omitColumns?.includes(column) === true);
  const isShared = REQUEST_COLUMNS.map((column) => SHARED_COLUMNS.has(column));
  const sharedCells = new Map<string, string>();
  const rows: RequestRow[] = [];
  const seenJobs = new Set<string>();
  let duplicateRows = 0;
  let positionOf: number[] | undefined;

  const fill = (row: RequestRow, record: readonly string[], positions: readonly number[], omittedToo: boolean): void => {
    for (let index = 0; index < REQUEST_COLUMNS.length; index++) {
      if (omitted[index] !== omittedToo) continue;
      const value = record[positions[index] ?? -1];
      if (value === undefined || value === '') continue;
      let cell = restoreCell(value);
      if (isShared[index] === true) {
        const known = sharedCells.get(cell);
        if (known === undefined) sharedCells.set(cell, cell);
        else cell = known;
      }
      row[REQUEST_COLUMNS[index] as RequestColumn] = cell;
    }
  };
  const onRecord = (record: string[]): undefined => {
    if (positionOf === undefined) {
      positionOf = REQUEST_COLUMNS.map((column) => record.indexOf(column));
      return undefined;
    }
    const row = emptyRow();
    fill(row, record, positionOf, false);
    if (row.job_id !== undefined) {
      const jobId = String(row.job_id);
      if (seenJobs.has(jobId) || isRepeatedHeader(row)) {
        duplicateRows++;
        return undefined;
      }
      seenJobs.add(jobId);
    }
    if (options.keepOmittedFor?.(row) === true) fill(row, record, positionOf, true);
    rows.push(row);
    return undefined;
  };

  let lines: { size: number; completeBytes: number };
  try {
    lines = await streamCompleteRecords(path, onRecord);
  } catch (error) {
    if ((error as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED') return readRequestsCsv(path);
    throw error;
  }
  return { rows, completeBytes: lines.completeBytes, tornBytes: lines.size - lines.completeBytes, duplicateRows };
}

/**
 * Streams the complete lines of a CSV file (up to and including its last newline) through
 * csv-parse, handing each record to `onRecord` as an array of cells, header included; nothing is
 * kept. Returns the file's size and the length of those lines, so the caller can report the rest
 * as torn. Parse errors are thrown as csv-parse raises them (a crash inside a quoted cell is
 * `CSV_QUOTE_NOT_CLOSED`, found only at the end): the caller chooses its fallback.
 */
export async function streamCompleteRecords(path: string, onRecord: (record: string[]) => undefined): Promise<{ size: number; completeBytes: number }> {
  const lines = completeLinesOf(path);
  if (lines.completeBytes > 0) {
    const records = createReadStream(path, { end: lines.completeBytes - 1 });
    await pipeline(records, parse({ skip_empty_lines: true, on_record: onRecord }), new Writable({ objectMode: true, write: (_record, _encoding, done) => done() }));
  }
  return lines;
}

/** The file's size and the length of its complete lines (up to and including the last newline). */
export function completeLinesOf(path: string): { size: number; completeBytes: number } {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const block = Buffer.alloc(64 * 1024);
    for (let end = size; end > 0; end -= block.length) {
      const start = Math.max(0, end - block.length);
      const read = readSync(fd, block, 0, end - start, start);
      const newline = block.subarray(0, read).lastIndexOf(0x0a);
      if (newline !== -1) return { size, completeBytes: start + newline + 1 };
    }
    return { size, completeBytes: 0 };
  } finally {
    closeSync(fd);
  }
}
