import { closeSync, fstatSync, openSync, readFileSync, writeSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { REQUEST_COLUMNS, type RequestRow } from './columns.js';

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
  const fd = openSync(path, 'a');
  if (fstatSync(fd).size === 0) writeSync(fd, stringify([[...REQUEST_COLUMNS]]));
  return {
    append(row) {
      writeSync(fd, stringify([REQUEST_COLUMNS.map((column) => cell(row[column]))]));
    },
    close() {
      closeSync(fd);
    },
  };
}

function cell(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : String(value);
}

/** Appends one JSON object per line (the `details.jsonl` sidecar), with the same durability. */
export function openJsonLines<T>(path: string): RowAppender<T> {
  const fd = openSync(path, 'a');
  return {
    append(row) {
      writeSync(fd, `${JSON.stringify(row)}\n`);
    },
    close() {
      closeSync(fd);
    },
  };
}

export interface ParsedRequests {
  rows: RequestRow[];
  /** Byte length of the complete rows; anything after it is a torn line left by a crash. */
  completeBytes: number;
  tornBytes: number;
}

/**
 * Reads `requests.csv` back (resume, report, merge, baseline). Cells are strings; empty cells are
 * undefined. A last line cut by a crash is reported, not parsed, so the caller can truncate it.
 */
export function readRequestsCsv(path: string): ParsedRequests {
  const buffer = readFileSync(path);
  // Rows end in a newline, but an answer may hold newlines too: a crash inside a quoted answer
  // leaves a prefix that ends in a newline yet does not parse. Back off one line until it does.
  let completeBytes = buffer.lastIndexOf(0x0a) + 1;
  for (;;) {
    try {
      const records = parse(buffer.subarray(0, completeBytes), { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
      return { rows: records.map(toRow), completeBytes, tornBytes: buffer.length - completeBytes };
    } catch (error) {
      if (completeBytes === 0 || (error as { code?: string }).code !== 'CSV_QUOTE_NOT_CLOSED') throw error;
      completeBytes = buffer.lastIndexOf(0x0a, completeBytes - 2) + 1;
    }
  }
}

function toRow(record: Record<string, string>): RequestRow {
  const row = {} as RequestRow;
  for (const column of REQUEST_COLUMNS) {
    const value = record[column];
    row[column] = value === undefined || value === '' ? undefined : value;
  }
  return row;
}
