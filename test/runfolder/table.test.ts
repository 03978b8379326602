import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REQUEST_COLUMNS, type RequestRow } from '../../src/runfolder/columns.js';
import type { JobDetail } from '../../src/runfolder/details.js';
import { readRunTable } from '../../src/runfolder/readTable.js';
import { openJsonLines, openRequestsCsv, readRequestRows, readRequestsCsv } from '../../src/runfolder/requestsCsv.js';
import { BULKY_COLUMNS, RunTable } from '../../src/runfolder/table.js';

/** 120 rows and their details from a `npm start` demo run (suites/demo.yaml, emulated relays). */
const DEMO = join(import.meta.dirname, '../fixtures/runfolder-demo');

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'relaybench-table-'));
  folders.push(dir);
  return dir;
}

/** Every cell of a row as a plain object (own properties), to compare views with parsed rows. */
const plain = (row: RequestRow): Record<string, unknown> => Object.fromEntries(REQUEST_COLUMNS.map((column) => [column, row[column]]));

/** What a JSON Lines reader joins to a row: the last record of each job_id. */
function detailsById(path: string): Map<string, JobDetail> {
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
  return new Map(lines.map((line) => JSON.parse(line) as JobDetail).map((detail) => [detail.job_id, detail]));
}

/** A live row as the runner hands it to the writer: numbers and booleans where the file has text. */
function liveRowOf(row: RequestRow): RequestRow {
  const live = { ...row };
  for (const column of REQUEST_COLUMNS) {
    const cell = row[column];
    if (typeof cell !== 'string') continue;
    if (cell === 'true' || cell === 'false') live[column] = cell === 'true';
    else if (column !== 'job_id' && column !== 'run_id' && String(Number(cell)) === cell) live[column] = Number(cell);
  }
  return live;
}

describe('RunTable on a real run folder', () => {
  it('gives back every row of requests.csv, cell for cell, when every row keeps its text', async () => {
    const { table, tornBytes, duplicateRows } = await readRunTable(DEMO, { keepTextOf: () => true });
    const parsed = readRequestsCsv(join(DEMO, 'requests.csv'));
    expect(table.size).toBe(120);
    expect([tornBytes, duplicateRows]).toEqual([0, 0]);
    expect(table.rows().map(plain)).toEqual(parsed.rows.map(plain));
    expect([...table].map(plain)).toEqual(parsed.rows.map(plain));
  });

  it('keeps bulky text only for the rows asked for, like the report reader omitting columns', async () => {
    const keep = (row: RequestRow): boolean => Number(row.repeat) <= 1;
    const { table } = await readRunTable(DEMO, { keepTextOf: keep, textForAll: ['error_message'] });
    const omitted = BULKY_COLUMNS.filter((column) => column !== 'error_message');
    const streamed = await readRequestRows(join(DEMO, 'requests.csv'), { omitColumns: omitted, keepOmittedFor: keep });
    expect(table.rows().map(plain)).toEqual(streamed.rows.map(plain));
    expect(table.rows().filter(keep).length).toBeGreaterThan(0);
    expect(table.rows().some((row) => !keep(row) && row.answer === undefined)).toBe(true);
  });

  it('joins each row to its details.jsonl record; thought summaries only for kept rows', async () => {
    const keep = (row: RequestRow): boolean => Number(row.repeat) === 2;
    const { table } = await readRunTable(DEMO, { keepTextOf: keep });
    const expected = detailsById(join(DEMO, 'details.jsonl'));
    for (const row of table) {
      const detail = table.detailOf(row);
      const want = expected.get(String(row.job_id)) as JobDetail;
      const got = Object.fromEntries(Object.keys(want).map((key) => [key, (detail as unknown as Record<string, unknown>)[key]]));
      expect(got).toEqual({ ...want, thought_text: keep(row) ? want.thought_text : undefined });
    }
    expect(
      table
        .rows()
        .filter(keep)
        .some((row) => typeof table.detailOf(row)?.thought_text === 'string'),
    ).toBe(true);
  });

  it('holds live rows exactly as reading them back from the file gives them', async () => {
    const parsed = readRequestsCsv(join(DEMO, 'requests.csv'));
    const live = new RunTable({ keepTextOf: () => true });
    for (const row of parsed.rows) live.append(liveRowOf(row));
    expect(live.rows().map(plain)).toEqual(parsed.rows.map(plain));
    const details = readFileSync(join(DEMO, 'details.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as JobDetail);
    for (const detail of details) live.appendDetail(detail);
    const first = live.rowAt(0);
    expect(live.detailOf(first)?.t0_epoch_ms).toBe(detailsById(join(DEMO, 'details.jsonl')).get(String(first.job_id))?.t0_epoch_ms);
  });

  it('gives numeric columns as a Float64Array, NaN for empty cells', async () => {
    const { table } = await readRunTable(DEMO);
    const ttft = table.column('ttft_ms');
    expect(ttft.length).toBe(table.size);
    table.rows().forEach((row, index) => {
      expect(Number.isNaN(ttft[index]) ? undefined : ttft[index]).toBe(row.ttft_ms === undefined ? undefined : Number(row.ttft_ms));
    });
  });
});

/** Cells that stress the file format, each a row's `answer`, `error_message` or a numeric column. */
const AWKWARD: Array<[string, Partial<RequestRow>]> = [
  ['a formula, neutralised on write', { answer: '=1+1', error_message: '@SUM(A1)' }],
  ['an apostrophe first', { answer: "'quoted", grader_reason: "'" }],
  ['a NUL byte (becomes U+FFFD)', { answer: 'a\u0000b' }],
  ['quotes, commas and line breaks', { answer: 'say "hi",\r\nthen\nbye' }],
  ['an empty string (an empty cell)', { answer: '', model_version: '' }],
  ['a negative number that is not a formula', { thinking_budget: -1, cost_usd: -0.5 }],
  ['numbers JavaScript prints otherwise', { ttft_ms: '1e3', total_ms: '007', headers_ms: '-0', connect_ms: 'NaN', max_gap_ms: 0.1 + 0.2 }],
  ['a huge and a tiny number', { ttft_ms: 1e21, first_answer_ms: 5e-7 }],
  ['booleans', { pass: false, score: 1 }],
  ['unicode text', { answer: 'ー−＝ 日本語 🚀' }],
];

describe('RunTable with awkward cells, duplicates and torn lines', () => {
  const base = (index: number, extra: Partial<RequestRow>): RequestRow => ({
    ...(Object.fromEntries(REQUEST_COLUMNS.map((column) => [column, undefined])) as RequestRow),
    run_id: 'r1',
    job_id: `job${index}`,
    relay: 'a',
    case_id: 'c',
    status: 'ok',
    repeat: 1,
    ...extra,
  });

  it.each(AWKWARD)('%s: file read, live append and the whole-file reader agree', async (_name, extra) => {
    const dir = tempFolder();
    const rows = [base(1, extra), base(2, {}), base(1, { answer: 'a duplicate job, left out' })];
    const writer = openRequestsCsv(join(dir, 'requests.csv'));
    const live = new RunTable({ keepTextOf: () => true });
    for (const row of rows) {
      writer.append(row);
      live.append(row);
    }
    writer.close();
    const whole = readRequestsCsv(join(dir, 'requests.csv'));
    const { table, duplicateRows } = await readRunTable(dir, { keepTextOf: () => true });
    expect(whole.rows).toHaveLength(2);
    expect(table.rows().map(plain)).toEqual(whole.rows.map(plain));
    expect(live.rows().map(plain)).toEqual(whole.rows.map(plain));
    expect([duplicateRows, live.duplicateRows]).toEqual([1, 1]);
  });

  it('skips a repeated header line and reports a torn last line', async () => {
    const dir = tempFolder();
    const path = join(dir, 'requests.csv');
    const writer = openRequestsCsv(path);
    writer.append(base(1, {}));
    writer.close();
    appendFileSync(path, `${REQUEST_COLUMNS.join(',')}\n`);
    const more = openRequestsCsv(path);
    more.append(base(2, { answer: 'second' }));
    more.close();
    appendFileSync(path, 'r1,job3,demo,c,a');
    const { table, duplicateRows, tornBytes } = await readRunTable(dir);
    expect(table.rows().map((row) => row.job_id)).toEqual(['job1', 'job2']);
    expect(duplicateRows).toBe(1);
    expect(tornBytes).toBe('r1,job3,demo,c,a'.length);
  });

  it('backs off a torn line inside a quoted answer, as the whole-file reader does', async () => {
    const dir = tempFolder();
    const path = join(dir, 'requests.csv');
    const writer = openRequestsCsv(path);
    writer.append(base(1, { answer: 'one' }));
    writer.append(base(2, { answer: 'two' }));
    writer.close();
    appendFileSync(path, 'r1,job3,demo,c,a,,,,1,,,,ok,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,"an answer\nwith a line break that never');
    const whole = readRequestsCsv(path);
    const { table, tornBytes, completeBytes } = await readRunTable(dir, { keepTextOf: () => true });
    expect(table.rows().map(plain)).toEqual(whole.rows.map(plain));
    expect([completeBytes, tornBytes]).toEqual([whole.completeBytes, whole.tornBytes]);
    expect(table.size).toBe(2);
  });

  it('takes the last details.jsonl record of a job and skips lines that are not records', async () => {
    const dir = tempFolder();
    copyFileSync(join(DEMO, 'requests.csv'), join(dir, 'requests.csv'));
    const [first] = readRequestsCsv(join(dir, 'requests.csv')).rows;
    const jobId = String(first?.job_id);
    const details = openJsonLines<Partial<JobDetail>>(join(dir, 'details.jsonl'));
    details.append({ job_id: jobId, relay: 'a', retry_wait_ms: 5, restarts: ['x'] });
    details.append({ job_id: jobId, relay: 'a', retry_wait_ms: 7, restarts: ['y', 'z'], usage_static: true });
    details.close();
    appendFileSync(join(dir, 'details.jsonl'), 'not json\n[1,2]\n{"job_id": 3}\n{"job_id":"nope","relay":"a"}\n{"job_id":"cut');
    const { table } = await readRunTable(dir);
    const detail = table.detailOf(table.rowAt(0));
    expect([detail?.job_id, detail?.retry_wait_ms, detail?.restarts, detail?.usage_static, detail?.timeout]).toEqual([jobId, 7, ['y', 'z'], true, undefined]);
    expect(table.detailOf(table.rowAt(1))).toBeUndefined();
  });
});

describe('RunTable sizes', () => {
  it.each([0, 2000, 3000, 5000])('stores nothing for a numeric column until a row fills it, and reads empty cells as empty (expectedRows %i)', (expectedRows) => {
    const table = new RunTable({ expectedRows });
    for (let index = 0; index < 3000; index++) table.append({ job_id: `j${index}`, connect_ms: index === 2500 ? 12.5 : undefined } as unknown as RequestRow);
    expect([table.rowAt(0).connect_ms, table.rowAt(2499).connect_ms, table.rowAt(2500).connect_ms, table.rowAt(2999).connect_ms]).toEqual([
      undefined,
      undefined,
      '12.5',
      undefined,
    ]);
    const loadRate = table.column('load_rate');
    expect([loadRate.length, loadRate.every(Number.isNaN)]).toEqual([3000, true]);
    expect(table.column('connect_ms')[2500]).toBe(12.5);
  });

  it('widens dictionary ids past 255 and 65,535 distinct values', () => {
    const table = new RunTable();
    const count = 70_000;
    for (let index = 0; index < count; index++) table.append({ job_id: `j${index}`, answer_tokens: index, relay: 'a' } as unknown as RequestRow);
    expect(table.rowAt(0).answer_tokens).toBe('0');
    expect(table.rowAt(300).answer_tokens).toBe('300');
    expect(table.rowAt(count - 1).answer_tokens).toBe(String(count - 1));
    expect(table.rowAt(count - 1).relay).toBe('a');
  });
});
