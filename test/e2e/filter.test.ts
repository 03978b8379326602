import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/**
 * Filters on `run`: a slice keeps the full plan's job ids, records itself in run.json, resumes
 * with its own flags, and slices merge into a run equal to the unfiltered one (answers, grades
 * and statuses; timings differ from run to run).
 */
const SUITE = `name: slices
model: gemini-2.5-flash
thinkingBudgets: [0, 1024]
repeats: 2
relays:
  - { name: honest, emulator: honest }
  - { name: other, emulator: honest }
cases:
  - { id: sum-a, prompt: "What is 2+2?", expect: { number: 4 }, tags: [arith] }
  - { id: sum-b, prompt: "What is 3+3?", expect: { number: 6 }, tags: [arith] }
  - { id: choice, prompt: "Which is prime? A) 21 B) 29", expect: { oneOf: [B] } }
`;

type Row = Record<string, string>;
let folder: string;
let suiteFile: string;

const rowsOf = (dir: string): Row[] => parse(readFileSync(join(folder, dir, 'requests.csv')), { columns: true }) as Row[];
const planIds = (dir: string): string[] => (JSON.parse(readFileSync(join(folder, dir, 'plan.json'), 'utf8')) as Array<{ job_id: string }>).map((job) => job.job_id);
/** What does not depend on timing: the same for the same job in any run against the seeded emulator. */
const stable = (rows: Row[]): string[] =>
  rows.map((row) => [row.job_id, row.relay, row.case_id, row.thinking_budget, row.repeat, row.status, row.answer, row.pass].join('|')).sort();

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'relaybench-filter-'));
  suiteFile = join(folder, 'suite.yaml');
  writeFileSync(suiteFile, SUITE);
  const runs = await Promise.all([
    runCli(['run', suiteFile, '--out', join(folder, 'all')]),
    runCli(['run', suiteFile, '--out', join(folder, 'honest'), '--relay', 'honest']),
    runCli(['run', suiteFile, '--out', join(folder, 'other'), '--relay', 'other']),
    runCli(['run', suiteFile, '--out', join(folder, 'slice'), '--relay', 'other', '--tag', 'arith', '--thinking', '1024']),
  ]);
  for (const run of runs) expect(run.code, run.stderr).toBe(0);
}, 120_000);

describe('run with filters', () => {
  it("runs exactly the slice, with the full plan's job ids, and records the filter", () => {
    const allIds = new Set(planIds('all'));
    const slice = rowsOf('slice');
    expect(slice).toHaveLength(4);
    for (const row of slice) {
      expect(allIds.has(row.job_id!)).toBe(true);
      expect([row.relay, row.thinking_budget]).toEqual(['other', '1024']);
      expect(row.case_id).toMatch(/^sum-/);
    }
    expect(planIds('slice').sort()).toEqual(slice.map((row) => row.job_id).sort());
    const manifest = JSON.parse(readFileSync(join(folder, 'slice', 'run.json'), 'utf8')) as { counts: { planned: number }; filter: Record<string, unknown> };
    expect(manifest.counts.planned).toBe(4);
    expect(manifest.filter).toMatchObject({ relay: ['other'], tag: ['arith'], thinking: ['1024'], case: [], suitePlanned: 24, flags: '--relay other --tag arith --thinking 1024' });
  });

  it('slices merge into a run equal to the unfiltered one', async () => {
    const merged = await runCli(['merge', join(folder, 'honest'), join(folder, 'other'), '--out', join(folder, 'merged')]);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toContain('24 of 24 planned jobs');
    expect(merged.stderr).not.toContain('Warning');
    expect(stable(rowsOf('merged'))).toEqual(stable(rowsOf('all')));
    const manifest = JSON.parse(readFileSync(join(folder, 'merged', 'run.json'), 'utf8')) as { counts: { planned: number }; filter?: unknown };
    expect(manifest.counts.planned).toBe(24);
    expect(manifest.filter).toBeUndefined();
    // Each slice's raw captures come along (one good sample per relay and thinking setting here).
    expect(readdirSync(join(folder, 'merged', 'captures')).sort()).toEqual(
      [...readdirSync(join(folder, 'honest', 'captures')), ...readdirSync(join(folder, 'other', 'captures'))].sort(),
    );
    expect(readdirSync(join(folder, 'merged', 'captures'))).toHaveLength(4);
  });

  it('resumes with its own filter; without it the plan differs and the resume is refused (exit 2)', async () => {
    const same = await runCli(['run', suiteFile, '--resume', join(folder, 'slice'), '--relay', 'other', '--tag', 'arith', '--thinking', '1024']);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stderr).toContain('4 rows kept, 0 of 4 jobs to run');
    const widened = await runCli(['run', suiteFile, '--resume', join(folder, 'slice'), '--relay', 'other']);
    expect(widened.code).toBe(2);
    expect(widened.stderr).toMatch(/thinking setting added: budget 0/);
  });

  it('a filter matching nothing is exit 2 naming what exists, nothing written', async () => {
    const result = await runCli(['run', suiteFile, '--out', join(folder, 'none'), '--case', 'sum-c']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('relaybench: --case: got "sum-c"; expected one of sum-a, sum-b, choice (Did you mean "sum-a"?); nothing was sent');
    expect(() => readFileSync(join(folder, 'none', 'plan.json'))).toThrow();
  });
});
