import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_COLUMNS } from '../../src/runfolder/columns.js';
import { csvLine } from '../../src/runfolder/requestsCsv.js';
import { CLI_PATH, runCli } from '../helpers/cli.js';

/**
 * Runs started together, incomplete runs and bad paths, end to end against the emulator: four
 * shards launched at once get four folders and merge into the unsharded run; a merge of one shard
 * of two fails its gate unless --allow-incomplete; a folder a live run holds, a folder of other
 * files, /proc and a path under a file are each refused with exit 2 before anything is sent.
 */
const SUITE = `name: together
model: gemini-2.5-flash
thinkingBudgets: [0, 1024]
repeats: 2
concurrency: 8
relays:
  - { name: alpha, emulator: honest, emulatorOverrides: { accuracyPenalty: -1 } }
  - { name: beta, emulator: instant, emulatorOverrides: { accuracyPenalty: -1 } }
cases:
  - { id: sum, prompt: "What is 17 + 25?", expect: { number: 42 } }
  - { id: product, prompt: "What is 12 * 12?", expect: { number: 144 } }
  - { id: power, prompt: "What is 2 to the 10th?", expect: { number: 1024 } }
ci: { minPassRate: 0.1 }
`;
const PLANNED = 3 * 2 * 2 * 2;

let folder: string;
let suite: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'relaybench-together-'));
  suite = join(folder, 'suite.yaml');
  writeFileSync(suite, SUITE);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

type Row = Record<string, string>;
const readCsv = (path: string): Row[] => parse(readFileSync(path), { columns: true }) as Row[];
const EXACT = ['relay', 'model', 'thinking_budget', 'n', 'ok', 'errors', 'error_rate', 'pass_rate', 'pass_ci_low', 'pass_ci_high', 'thought_tokens_mean', 'answer_tokens_mean'];
const exact = (rows: Row[]): Row[] => rows.map((row) => Object.fromEntries(EXACT.map((column) => [column, row[column] ?? ''])));

describe('runs started together', () => {
  it('four shards started at once write four folders, and their merge equals the unsharded run', async () => {
    const unsharded = await runCli(['run', suite, '--out', join(folder, 'whole')], { cwd: folder });
    expect(unsharded.code).toBe(0);
    // Default output path, all four in the same instant: each must get its own folder.
    const shards = await Promise.all([1, 2, 3, 4].map((index) => runCli(['run', suite, '--shard', `${index}/4`], { cwd: folder })));
    expect(shards.map((shard) => shard.code)).toEqual([0, 0, 0, 0]);
    const parent = join(folder, 'results', 'together');
    const folders = readdirSync(parent).map((name) => join(parent, name));
    expect(folders).toHaveLength(4);
    const ids = folders.flatMap((dir) => readCsv(join(dir, 'requests.csv')).map((row) => row.job_id));
    expect(ids).toHaveLength(PLANNED);
    expect(new Set(ids).size).toBe(PLANNED);
    for (const dir of folders) {
      const manifest = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as { counts: { rows: number }; shard: { index: number; jobs: number } };
      expect(manifest.counts.rows).toBe(manifest.shard.jobs);
      expect(existsSync(join(dir, '.relaybench.lock'))).toBe(false);
    }
    for (const shard of shards) expect(shard.stdout).toMatch(/(\d+) of \1 jobs written/);

    const merged = await runCli(['merge', ...folders, '--out', join(folder, 'merged')], { cwd: folder });
    expect(merged.code).toBe(0);
    expect(exact(readCsv(join(folder, 'merged', 'summary.csv')))).toEqual(exact(readCsv(join(folder, 'whole', 'summary.csv'))));
    const gate = await runCli(['gate', join(folder, 'merged')]);
    expect(gate.code).toBe(0);
    expect(gate.stdout).not.toContain('incomplete');
  });

  it('the same suite run twice at once counts n = repeats in each folder', async () => {
    const cwd = join(folder, 'twice');
    mkdirSync(cwd);
    const runs = await Promise.all([0, 1].map(() => runCli(['run', suite], { cwd })));
    expect(runs.map((run) => run.code)).toEqual([0, 0]);
    const parent = join(cwd, 'results', 'together');
    const folders = readdirSync(parent);
    expect(folders).toHaveLength(2);
    for (const name of folders) {
      expect(new Set(readCsv(join(parent, name, 'summary.csv')).map((row) => row.n))).toEqual(new Set(['6']));
      expect(readCsv(join(parent, name, 'requests.csv'))).toHaveLength(PLANNED);
    }
  });
});

describe('incomplete runs fail their gates', () => {
  it('a merge of 1 of 2 shards fails the gate naming the missing jobs; --allow-incomplete passes', async () => {
    const shard = await runCli(['run', suite, '--shard', '1/2', '--out', join(folder, 'half-1')]);
    expect(shard.code).toBe(0);
    const merged = await runCli(['merge', join(folder, 'half-1'), '--out', join(folder, 'half-merged')]);
    expect(merged.code).toBe(0);
    const shardJobs = readCsv(join(folder, 'half-1', 'requests.csv')).length;
    const missing = PLANNED - shardJobs;

    const junit = join(folder, 'half.xml');
    const gate = await runCli(['gate', join(folder, 'half-merged'), '--min-pass-rate', '0.1', '--junit', junit]);
    expect(gate.code).toBe(1);
    expect(gate.stdout).toContain(`FAIL  incomplete: ${missing} of ${PLANNED} planned jobs missing — lost shard: merge of 1 of 2 shards (missing shard 2/2: ${missing} jobs)`);
    expect(gate.stdout).toContain(`Result: FAILED — incomplete (${missing} of ${PLANNED} jobs missing)`);
    expect(readFileSync(join(folder, 'half-merged', 'summary.md'), 'utf8')).toContain(`incomplete (${missing} of ${PLANNED} jobs missing)`);
    expect(readFileSync(junit, 'utf8')).toMatch(/<testcase classname="relaybench" name="all planned jobs present"[^>]*>\s*<failure message="incomplete: /);

    const allowed = await runCli(['gate', join(folder, 'half-merged'), '--min-pass-rate', '0.1', '--allow-incomplete']);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain('ALLOWED  incomplete:');
    const alone = await runCli(['gate', join(folder, 'half-1')]);
    expect(alone.code).toBe(1);
    expect(alone.stdout).toContain('lost shard: shard 1/2 alone');
  });
});

describe('paths that are refused before anything is sent', () => {
  it.each([
    { name: '--out /proc/rb', args: ['--out', '/proc/rb'], says: /--out: cannot create the folder \/proc\/rb: .*\(ENOENT\)/ },
    { name: '--out naming a file', args: ['--out', 'suite.yaml'], says: /--out suite\.yaml is a file, not a folder/ },
    { name: '--out a folder of other files', args: ['--out', 'others'], says: /--out others is not empty \(it holds keep\.txt\)/ },
    { name: '--out under a file', args: ['--out', 'suite.yaml/run'], says: /\(ENOTDIR\)/ },
    { name: '--junit under /proc', args: ['--out', 'j1', '--junit', '/proc/rb/junit.xml'], says: /--junit: cannot write \/proc\/rb\/junit\.xml/ },
    { name: '--junit under a file', args: ['--out', 'j2', '--junit', 'suite.yaml/junit.xml'], says: /--junit: .*\(ENOTDIR\)/ },
    { name: '--baseline that is not a run folder', args: ['--out', 'j3', '--baseline', 'others'], says: /--baseline others is not a run folder: it has no requests\.csv/ },
    { name: '--resume of a file', args: ['--resume', 'suite.yaml'], says: /--resume suite\.yaml is a file, not a run folder/ },
  ])('$name: exit 2, one line, no folder written', async ({ args, says }) => {
    mkdirSync(join(folder, 'others'), { recursive: true });
    writeFileSync(join(folder, 'others', 'keep.txt'), 'mine');
    const started = Date.now();
    const result = await runCli(['run', 'suite.yaml', ...args], { cwd: folder, timeoutMs: 15_000 });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(says);
    expect(readdirSync(join(folder, 'others'))).toEqual(['keep.txt']);
    for (const out of ['j1', 'j2', 'j3']) expect(existsSync(join(folder, out))).toBe(false);
  });

  it("--resume of another suite's run is refused, even with --force", async () => {
    const other = join(folder, 'other-suite-run');
    mkdirSync(other);
    const row = REQUEST_COLUMNS.map((column) => ({ run_id: 'r', job_id: 'j1', suite: 'elsewhere', case_id: 'x', relay: 'alpha', status: 'ok' })[column as string]);
    writeFileSync(join(other, 'requests.csv'), csvLine(REQUEST_COLUMNS) + csvLine(row));
    const before = readFileSync(join(other, 'requests.csv'), 'utf8');
    const result = await runCli(['run', suite, '--resume', other, '--force']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is a run of suite "elsewhere", not "together"');
    expect(readFileSync(join(other, 'requests.csv'), 'utf8')).toBe(before);
    expect(readdirSync(other)).toEqual(['requests.csv']);
  });

  it('a folder a live run holds is refused by --resume, report and gate; after the run it is free', async () => {
    const slow = join(folder, 'slow.yaml');
    writeFileSync(slow, SUITE.replace('name: together', 'name: slowly').replace('emulator: instant', 'emulator: slow').replace('concurrency: 8', 'concurrency: 1'));
    const out = join(folder, 'live');
    const child = spawn(process.execPath, [CLI_PATH, 'run', slow, '--out', out], { env: { ...process.env, CI: 'true' }, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    try {
      while (!existsSync(join(out, 'requests.csv'))) await new Promise((resolve) => setTimeout(resolve, 50));
      for (const args of [
        ['run', slow, '--resume', out],
        ['report', out],
        ['gate', out],
        ['run', slow, '--out', out],
      ]) {
        const refused = await runCli(args);
        expect(refused.code).toBe(2);
        expect(refused.stderr).toMatch(new RegExp(`held by relaybench run \\(pid ${child.pid}`));
      }
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(130);
    const gate = await runCli(['gate', out]);
    expect(gate.code).toBe(1);
    expect(gate.stdout).toMatch(/interrupted: stopped at \d+ of 24 jobs/);
  });

  it('a disk that fills up mid-run ends in one line naming the file, exit 2 (where a small tmpfs can be mounted)', async () => {
    const disk = join(folder, 'small-disk');
    mkdirSync(disk);
    if (process.platform !== 'linux' || spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=48k', 'tmpfs', disk]).status !== 0) return;
    try {
      writeFileSync(join(disk, 'fill'), Buffer.alloc(40 * 1024));
      const result = await runCli(['run', suite, '--out', join(disk, 'run')], { timeoutMs: 30_000 });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^relaybench: cannot (write|open|create the folder) \S+: no space left on the device \(ENOSPC\)$/m);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(join(disk, 'run', '.relaybench.lock'))).toBe(false);
    } finally {
      spawnSync('umount', [disk]);
    }
  });
});
