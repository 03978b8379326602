import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REQUEST_COLUMNS, type RequestRow } from '../../src/runfolder/columns.js';
import { neutraliseCell } from '../../src/runfolder/csvCell.js';
import { csvLine, openRequestsCsv, readRequestRows, readRequestsCsv } from '../../src/runfolder/requestsCsv.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'relaybench-requests-csv-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function row(repeat: number, overrides: Partial<RequestRow> = {}): RequestRow {
  const cells = Object.fromEntries(REQUEST_COLUMNS.map((column) => [column, undefined])) as RequestRow;
  return {
    ...cells,
    run_id: 'run-1',
    job_id: `job-${repeat}`,
    case_id: 'case-a',
    relay: 'honest',
    repeat,
    status: 'ok',
    ttft_ms: 120.5 + repeat,
    pass: repeat % 2 === 0,
    grader_reason: `reason ${repeat}`,
    answer: `line one, "quoted"\nline two of answer ${repeat}`,
    ...overrides,
  };
}

describe('csvLine', () => {
  it('writes exactly what csv-stringify writes, after formula neutralisation', () => {
    const cells = ['plain', 'with, comma', 'with "quotes"', 'multi\nline', 'carriage\rreturn', '', 'ünïcödé ✓', '"', ',', '\r\n'];
    expect(csvLine(cells)).toBe(stringify([cells.map(neutraliseCell)]));
  });

  it('writes undefined as an empty cell and numbers and booleans as String() does', () => {
    expect(csvLine([undefined, 0, 12.345, true, false, 'x'])).toBe(',0,12.345,true,false,x\n');
  });
});

describe('readRequestRows', () => {
  function writeRows(rows: RequestRow[]): string {
    const path = join(dir, 'requests.csv');
    const appender = openRequestsCsv(path);
    rows.forEach((each) => appender.append(each));
    appender.close();
    return path;
  }

  it('reads what readRequestsCsv reads, cell for cell', async () => {
    const path = writeRows([row(1), row(2, { status: 'error', error_kind: 'http', error_message: 'HTTP 429, slow down', pass: undefined })]);
    const streamed = await readRequestRows(path);
    const whole = readRequestsCsv(path);
    expect(streamed.rows).toEqual(whole.rows);
    expect(streamed.rows[1]?.error_message).toBe('HTTP 429, slow down');
    expect(streamed.rows[0]?.answer).toBe('line one, "quoted"\nline two of answer 1');
    expect(streamed).toMatchObject({ completeBytes: whole.completeBytes, tornBytes: 0 });
  });

  it('leaves omitted columns empty except for the rows kept in full', async () => {
    const path = writeRows([row(1), row(2), row(3)]);
    const { rows } = await readRequestRows(path, { omitColumns: ['answer', 'grader_reason'], keepOmittedFor: (each) => each.repeat === '2' });
    expect(rows.map((each) => each.answer === undefined)).toEqual([true, false, true]);
    expect(rows.map((each) => each.grader_reason)).toEqual([undefined, 'reason 2', undefined]);
    expect(rows.map((each) => each.ttft_ms)).toEqual(['121.5', '122.5', '123.5']);
  });

  it('leaves out a last line torn by a crash and measures it', async () => {
    const path = writeRows([row(1), row(2)]);
    appendFileSync(path, 'run-1,job-3,,case-a,hon');
    const { rows, tornBytes } = await readRequestRows(path);
    expect(rows.map((each) => each.job_id)).toEqual(['job-1', 'job-2']);
    expect(tornBytes).toBe('run-1,job-3,,case-a,hon'.length);
  });

  it('finds a crash inside a quoted answer, as readRequestsCsv does', async () => {
    const path = writeRows([row(1)]);
    const torn = csvLine(REQUEST_COLUMNS.map((column) => row(2)[column])).split('\n')[0] ?? '';
    appendFileSync(path, `${torn}\n`);
    const streamed = await readRequestRows(path);
    expect(streamed.rows.map((each) => each.job_id)).toEqual(['job-1']);
    expect(streamed.tornBytes).toBe(readRequestsCsv(path).tornBytes);
    expect(streamed.tornBytes).toBeGreaterThan(0);
  });

  it('reads a header-only file and an empty one as no rows', async () => {
    const headerOnly = writeRows([]);
    expect((await readRequestRows(headerOnly)).rows).toEqual([]);
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    expect(await readRequestRows(empty)).toEqual({ rows: [], completeBytes: 0, tornBytes: 0, duplicateRows: 0 });
  });
});
