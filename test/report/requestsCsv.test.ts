import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REQUEST_COLUMNS, type RequestRow } from '../../src/runfolder/columns.js';
import { openRequestsCsv, readRequestsCsv } from '../../src/runfolder/requestsCsv.js';

function row(jobId: string, answer: string): RequestRow {
  const empty = Object.fromEntries(REQUEST_COLUMNS.map((column) => [column, undefined])) as RequestRow;
  return { ...empty, job_id: jobId, status: 'ok', ttft_ms: 12.5, pass: true, answer };
}

describe('requests.csv', () => {
  const folder = mkdtempSync(join(tmpdir(), 'relaybench-csv-'));

  it('writes the header once and reads rows back with empty cells as undefined', () => {
    const path = join(folder, 'a.csv');
    const writer = openRequestsCsv(path);
    writer.append(row('j1', 'plain'));
    writer.append(row('j2', 'two\nlines, "quoted"'));
    writer.close();
    openRequestsCsv(path).close(); // reopening for append must not write a second header
    const parsed = readRequestsCsv(path);
    expect(readFileSync(path, 'utf8').split('\n')[0]).toBe(REQUEST_COLUMNS.join(','));
    expect(parsed.rows.map((entry) => [entry.job_id, entry.answer, entry.ttft_ms, entry.pass, entry.error_kind])).toEqual([
      ['j1', 'plain', '12.5', 'true', undefined],
      ['j2', 'two\nlines, "quoted"', '12.5', 'true', undefined],
    ]);
    expect(parsed.tornBytes).toBe(0);
  });

  it('reports a torn last line, even one cut inside a quoted multi-line answer', () => {
    const path = join(folder, 'b.csv');
    const writer = openRequestsCsv(path);
    writer.append(row('j1', 'fine'));
    writer.close();
    const intact = readFileSync(path).length;
    appendFileSync(path, 'run,j2,suite,case,relay,model,,,1,2026,ok,200,,,1,1,2,,,,,,,,,,,,,,,,,,,true,1,"reason","first line\nsecond li');
    const parsed = readRequestsCsv(path);
    expect(parsed.rows.map((entry) => entry.job_id)).toEqual(['j1']);
    expect(parsed.completeBytes).toBe(intact);
    expect(parsed.tornBytes).toBeGreaterThan(0);
  });
});
