import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUDGET_COLUMNS, VERDICT_COLUMNS } from '../../src/analysis/index.js';
import { reportCommand } from '../../src/cli/reportCommand.js';
import { EXIT } from '../../src/cli/exitCodes.js';
import { RelaybenchError } from '../../src/errors/index.js';
import { openJsonLines, openRequestsCsv } from '../../src/runfolder/requestsCsv.js';
import { writeReport } from '../../src/report/html/index.js';
import type { JobDetail } from '../../src/runfolder/details.js';
import type { RequestRow } from '../../src/runfolder/columns.js';
import { syntheticRun } from '../analysis/syntheticRun.js';

let folder: string;

/** A run folder as `relaybench run` leaves it, written with the run's own writers. */
function writeRunFolder(options: { manifest?: boolean; details?: boolean } = {}): void {
  const run = syntheticRun([
    { name: 'honest', behaviour: 'honest' },
    { name: 'swapper', behaviour: 'model-swapper' },
  ]);
  const rows = openRequestsCsv(join(folder, 'requests.csv'));
  for (const row of run.rows) rows.append(row as RequestRow);
  rows.close();
  if (options.details !== false) {
    const details = openJsonLines<JobDetail>(join(folder, 'details.jsonl'));
    for (const detail of run.details) details.append(detail);
    details.close();
    // A crash mid-write leaves a cut line; the report must skip it, not fail.
    appendFileSync(join(folder, 'details.jsonl'), '{"job_id":"cut-sho');
  }
  if (options.manifest !== false)
    writeFileSync(join(folder, 'run.json'), JSON.stringify({ ...run.manifest, config: { ...run.manifest.config, seed: 42, ci: { maxErrorRate: 0.01 } } }));
}

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'relaybench-report-folder-'));
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
  vi.restoreAllMocks();
});

describe('writeReport', () => {
  it('writes report.html, verdicts.csv and budgets.csv beside requests.csv', async () => {
    writeRunFolder();
    const paths = await writeReport(folder);
    expect(paths).toMatchObject({ reportPath: join(folder, 'report.html'), verdictsPath: join(folder, 'verdicts.csv'), budgetsPath: join(folder, 'budgets.csv') });
    const verdicts = parse(readFileSync(paths.verdictsPath), { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(verdicts[0] ?? {})).toEqual(VERDICT_COLUMNS);
    expect(verdicts.map((row) => [row.relay, row.model_as_asked, row.streams])).toEqual([
      ['honest', 'pass', 'pass'],
      ['swapper', 'fail', 'pass'],
    ]);
    const budgets = parse(readFileSync(paths.budgetsPath), { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(budgets[0] ?? {})).toEqual([...BUDGET_COLUMNS]);
    expect(budgets.map((row) => row.relay)).toEqual(['honest', 'swapper']);
    const html = readFileSync(paths.reportPath, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.includes('**Planning** for sum')).toBe(true);
    // The suite's gate: 2 errors in 38 requests per relay is over 1%.
    expect(html.includes('<span class="badge">FAIL</span></td><th scope="row">maxErrorRate</th><td>relay honest</td>')).toBe(true);
  });

  it('builds the same report twice from the same folder (the bootstrap is seeded)', async () => {
    writeRunFolder();
    const first = readFileSync((await writeReport(folder)).reportPath, 'utf8');
    const second = readFileSync((await writeReport(folder)).reportPath, 'utf8');
    expect(second === first).toBe(true);
  });

  it('still reports from requests.csv alone', async () => {
    writeRunFolder({ manifest: false, details: false });
    const paths = await writeReport(folder);
    const verdicts = parse(readFileSync(paths.verdictsPath), { columns: true }) as Array<Record<string, string>>;
    expect(verdicts.map((row) => [row.relay, row.model_as_asked, row.returns_thoughts])).toEqual([
      ['honest', 'pass', 'n/a'],
      ['swapper', 'fail', 'n/a'],
    ]);
  });
});

describe('reportCommand', () => {
  it('rebuilds the files and prints their paths', async () => {
    writeRunFolder();
    const output: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      output.push(String(chunk));
      return true;
    });
    expect(await reportCommand(folder)).toBe(EXIT.ok);
    expect(output.join('')).toBe(['report.html', 'verdicts.csv', 'budgets.csv'].map((name) => `${join(folder, name)}\n`).join(''));
  });

  it('refuses a folder without requests.csv with a usage error, writing nothing', async () => {
    writeFileSync(join(folder, 'run.json'), '{}');
    const failure = await reportCommand(folder).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RelaybenchError);
    expect((failure as RelaybenchError).exitCode).toBe(EXIT.usage);
    expect((failure as RelaybenchError).message).toContain('has no requests.csv');
    expect(existsSync(join(folder, 'report.html'))).toBe(false);
  });

  it('refuses a path that is not a folder', async () => {
    const failure = await reportCommand(join(folder, 'missing')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RelaybenchError);
    expect((failure as RelaybenchError).message).toContain('no such folder');
  });
});
