import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRunFolder as readGateFolder } from '../../src/runfolder/read.js';
import { REQUEST_COLUMNS } from '../../src/runfolder/columns.js';
import { readRunFolder as readReportFolder } from '../../src/report/html/readRunFolder.js';
import { readRequestRows, readRequestsCsv, readWarnings } from '../../src/runfolder/requestsCsv.js';
import { summarize } from '../../src/analysis/summary.js';
import { makeRun } from '../gate/rows.js';
import { temporaryFolder, writeRunFolder } from '../gate/runFolders.js';

/**
 * Two runs that once shared a folder wrote every job twice (and the header twice). Every reader of
 * requests.csv counts each job_id once, and says how many rows it left out.
 */
const rows = makeRun({ cases: ['sum', 'capital'], relays: ['alpha', 'beta'], budgets: [0, 1024], repeats: 3 });
let folder: ReturnType<typeof temporaryFolder>;
let dir: string;
beforeEach(() => {
  folder = temporaryFolder();
  dir = writeRunFolder(join(folder.dir, 'run'), rows);
  const text = readFileSync(join(dir, 'requests.csv'), 'utf8');
  // The second run's header and rows, appended as two writers sharing one file did; then a torn line.
  appendFileSync(join(dir, 'requests.csv'), `${text}2026-01-01T00:00:00Z,torn-job,ari`);
});
afterEach(() => folder.remove());

const readers: Array<{ name: string; read: () => Promise<{ count: number; duplicates: number; torn: number }> }> = [
  {
    name: 'readRequestsCsv (resume, merge, baseline)',
    read: async () => {
      const parsed = readRequestsCsv(join(dir, 'requests.csv'));
      return { count: parsed.rows.length, duplicates: parsed.duplicateRows, torn: parsed.tornBytes };
    },
  },
  {
    name: 'readRequestRows (run summary, gates)',
    read: async () => {
      const parsed = await readRequestRows(join(dir, 'requests.csv'));
      return { count: parsed.rows.length, duplicates: parsed.duplicateRows, torn: parsed.tornBytes };
    },
  },
  {
    name: 'report readRunFolder (report.html, verdicts, budgets)',
    read: async () => {
      const parsed = await readReportFolder(dir);
      return { count: parsed.rows.length, duplicates: parsed.duplicateRows, torn: parsed.tornBytes };
    },
  },
  {
    name: 'gate readRunFolder (gate, merge)',
    read: async () => {
      const parsed = readGateFolder(dir);
      const match = (pattern: RegExp): number => Number(parsed.warnings.map((warning) => pattern.exec(warning)?.[1]).find((value) => value !== undefined) ?? 0);
      return { count: parsed.rows.length, duplicates: match(/holds (\d+) duplicate rows/), torn: match(/torn line \((\d+) bytes/) };
    },
  },
];

describe('readers of requests.csv count each job_id once', () => {
  it.each(readers)('$name', async ({ read }) => {
    // Each job's second row and the repeated header are left out.
    expect(await read()).toEqual({ count: rows.length, duplicates: rows.length + 1, torn: 'torn-job,ari'.length + '2026-01-01T00:00:00Z,'.length });
  });

  it('the summary built from what was read has n = repeats, not twice', async () => {
    const { rows: read } = await readRequestRows(join(dir, 'requests.csv'));
    expect(summarize(read).map((row) => row.n)).toEqual(summarize(rows).map((row) => row.n));
    expect(new Set(summarize(read).map((row) => row.n))).toEqual(new Set([6]));
  });

  it('keeps the first row of a job, and warns in one line each', () => {
    writeFileSync(
      join(dir, 'requests.csv'),
      [REQUEST_COLUMNS.join(','), `r1,job-1,${'x,'.repeat(REQUEST_COLUMNS.length - 3)}first`, `r2,job-1,${'x,'.repeat(REQUEST_COLUMNS.length - 3)}second`, ''].join('\n'),
    );
    const parsed = readRequestsCsv(join(dir, 'requests.csv'));
    expect(parsed.rows.map((row) => row.run_id)).toEqual(['r1']);
    const warnings = readWarnings('run/requests.csv', { duplicateRows: 1, tornBytes: 12 });
    expect(warnings).toEqual([
      'Warning: run/requests.csv holds 1 duplicate row (a job_id already read); each job is counted once.',
      'Warning: run/requests.csv ends in a torn line (12 bytes, left by an interrupted write); it was left out.',
    ]);
    expect(readWarnings('x', { duplicateRows: 0, tornBytes: 0 })).toEqual([]);
  });
});
