import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/**
 * CI mode end to end against the emulator: exit codes, the named gate or case, JUnit counts, and
 * shards that merge back into the unsharded run. `accuracyPenalty: -1` makes the emulated model
 * always right; `wrongOn` stages a regression on one case.
 */
const CASES = [
  { id: 'sum', prompt: 'What is 17 + 25?', answer: 42 },
  { id: 'product', prompt: 'What is 12 * 12?', answer: 144 },
  { id: 'power', prompt: 'What is 2 to the 10th?', answer: 1024 },
];

function suite(overrides: string, extra = ''): string {
  return `name: ci-e2e
model: gemini-2.5-flash
thinkingBudgets: [0, 1024]
repeats: 3
concurrency: 16
relays:
  - { name: alpha, emulator: honest, emulatorOverrides: { ${overrides} } }
  - { name: beta, emulator: fake-stream, emulatorOverrides: { accuracyPenalty: -1 } }
cases:
${CASES.map((entry) => `  - { id: ${entry.id}, prompt: "${entry.prompt}", expect: { number: ${entry.answer} } }`).join('\n')}
${extra}`;
}

const PLANNED = CASES.length * 2 * 2 * 3;
let folder: string;

function write(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'relaybench-ci-'));
});

describe('relaybench in CI', () => {
  let baselineDir: string;

  it('exits 0 when every gate holds, and writes summary.md and a JUnit file whose counts match', async () => {
    const path = write('pass.yaml', suite('accuracyPenalty: -1', 'ci: { minPassRate: 0.9, maxErrorRate: 0.05 }\n'));
    baselineDir = join(folder, 'baseline');
    const result = await runCli(['run', path, '--out', baselineDir, '--junit', join(folder, 'pass.xml')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/PASS\s+minPassRate\s+overall/);
    expect(readFileSync(join(baselineDir, 'summary.md'), 'utf8')).toMatch(/passed/i);
    const xml = readFileSync(join(folder, 'pass.xml'), 'utf8');
    expect(xml.startsWith('<?xml')).toBe(true);
    expect((xml.match(/<testcase /g) ?? []).length).toBe(CASES.length * 2 * 2);
    expect((xml.match(/<failure /g) ?? []).length).toBe(0);
    expect(xml).toMatch(/<testsuites[^>]* tests="12"[^>]* failures="0"/);
  });

  it('exits 1 and names the gate when the pass rate is under minPassRate', async () => {
    const path = write('fail.yaml', suite('accuracyPenalty: 1', 'ci: { minPassRate: 0.9 }\n'));
    const junit = join(folder, 'fail.xml');
    const result = await runCli(['run', path, '--out', join(folder, 'under'), '--junit', junit]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/FAIL\s+minPassRate\s+relay alpha/);
    expect(result.stdout).toMatch(/Result: FAILED — .*minPassRate \(relay alpha\)/);
    const rows = parse(readFileSync(join(folder, 'under', 'requests.csv')), { columns: true }) as Array<Record<string, string>>;
    const failingTestcases = new Set(rows.filter((row) => row.pass === 'false').map((row) => `${row.case_id}/${row.relay}/${row.thinking_budget}`));
    expect((readFileSync(junit, 'utf8').match(/<failure /g) ?? []).length).toBe(failingTestcases.size);
  });

  it('exits 1 against a baseline when one case went from pass to fail on every repeat, and names it', async () => {
    const path = write('regressed.yaml', suite(`accuracyPenalty: -1, wrongOn: ["${CASES[1]?.prompt}"]`));
    const result = await runCli(['run', path, '--out', join(folder, 'regressed'), '--baseline', baselineDir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('product');
    expect(result.stdout).not.toMatch(/regression[^\n]*\bsum\b/i);
    expect(readFileSync(join(folder, 'regressed', 'summary.md'), 'utf8')).toContain('product');
  });

  it('shards 1/2 and 2/2 hold every job once, and merge reproduces the unsharded summary', async () => {
    const path = write('pass.yaml', suite('accuracyPenalty: -1', 'ci: { minPassRate: 0.9, maxErrorRate: 0.05 }\n'));
    const first = await runCli(['run', path, '--shard', '1/2', '--out', join(folder, 'shard-1')]);
    const second = await runCli(['run', path, '--shard', '2/2', '--out', join(folder, 'shard-2')]);
    expect([first.code, second.code]).toEqual([0, 0]);
    const ids = (dir: string): string[] =>
      (parse(readFileSync(join(folder, dir, 'requests.csv')), { columns: true }) as Array<Record<string, string>>).map((row) => row.job_id ?? '');
    const all = [...ids('shard-1'), ...ids('shard-2')];
    expect(all).toHaveLength(PLANNED);
    expect(new Set(all).size).toBe(PLANNED);
    expect(new Set(all)).toEqual(new Set(ids('baseline')));

    const merged = await runCli(['merge', join(folder, 'shard-1'), join(folder, 'shard-2'), '--out', join(folder, 'merged')]);
    expect(merged.code).toBe(0);
    const summary = (dir: string): Array<Record<string, string>> => parse(readFileSync(join(folder, dir, 'summary.csv')), { columns: true }) as Array<Record<string, string>>;
    // Counts, pass rates and tokens are exact (the seeded emulator answers each job the same);
    // latencies are measured again, so only their presence is compared.
    const exactColumns = [
      'relay',
      'model',
      'thinking_budget',
      'n',
      'ok',
      'errors',
      'error_rate',
      'pass_rate',
      'pass_ci_low',
      'pass_ci_high',
      'thought_tokens_mean',
      'answer_tokens_mean',
    ];
    const pick = (rows: Array<Record<string, string>>): Array<Record<string, string | undefined>> =>
      rows.map((row) => Object.fromEntries(exactColumns.map((column) => [column, row[column]])));
    expect(pick(summary('merged'))).toEqual(pick(summary('baseline')));
    const gate = await runCli(['gate', join(folder, 'merged')]);
    expect(gate.code).toBe(0);

    const overlap = await runCli(['merge', join(folder, 'shard-1'), join(folder, 'shard-1'), '--out', join(folder, 'bad-merge')]);
    expect(overlap.code).toBe(2);
  });
});
