import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CLI_PATH, runCli } from '../helpers/cli.js';

/**
 * Kill the CLI mid-run (SIGKILL, and Ctrl-C), resume it, and check that every planned job ends as
 * exactly one row and that rows written before the kill are untouched.
 */
const SUITE = `name: interrupt
model: gemini-2.5-flash
thinkingBudgets: [0, 1024]
repeats: 2
concurrency: 8
relays:
  - { name: honest, emulator: honest }
  - { name: slow, emulator: slow }
cases:
  - { id: a, prompt: "1+1?", expect: { number: 2 } }
  - { id: b, prompt: "2+2?", expect: { number: 4 } }
  - { id: c, prompt: "3+3?", expect: { number: 6 } }
  - { id: d, prompt: "4+4?", expect: { number: 8 } }
`;
const PLANNED = 4 * 2 * 2 * 2;

function setup(): { suite: string; out: string } {
  const folder = mkdtempSync(join(tmpdir(), 'relaybench-interrupt-'));
  writeFileSync(join(folder, 'suite.yaml'), SUITE);
  return { suite: join(folder, 'suite.yaml'), out: join(folder, 'out') };
}

function rowCount(out: string): number {
  const path = join(out, 'requests.csv');
  if (!existsSync(path)) return 0;
  return Math.max(
    0,
    readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => /^\d{4}-/.test(line)).length,
  );
}

/** Starts a run and sends `signal` once `rowsBefore` rows are on disk. Resolves with the exit. */
function runAndSignal(suite: string, out: string, signal: NodeJS.Signals, rowsBefore: number): Promise<{ code: number | null; stderr: string; snapshot: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_PATH, 'run', suite, '--out', out], { env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let snapshot = '';
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    child.stdout.resume();
    const poll = setInterval(() => {
      if (rowCount(out) >= rowsBefore) {
        clearInterval(poll);
        snapshot = readFileSync(join(out, 'requests.csv'), 'utf8');
        child.kill(signal);
      }
    }, 20);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      resolve({ code, stderr, snapshot });
    });
  });
}

function jobIds(out: string): string[] {
  const rows = parse(readFileSync(join(out, 'requests.csv')), { columns: true }) as Array<Record<string, string>>;
  return rows.map((row) => row.job_id ?? '');
}

describe('interruption and resume', () => {
  it('after SIGKILL, --resume ends with every planned job exactly once and earlier rows unchanged', async () => {
    const { suite, out } = setup();
    const killed = await runAndSignal(suite, out, 'SIGKILL', 6);
    expect(killed.code).toBeNull();
    const beforeResume = readFileSync(join(out, 'requests.csv'), 'utf8');
    const completeBefore = beforeResume.slice(0, beforeResume.lastIndexOf('\n') + 1);
    expect(completeBefore.startsWith(killed.snapshot.slice(0, killed.snapshot.lastIndexOf('\n') + 1))).toBe(true);
    const rowsBefore = rowCount(out);
    expect(rowsBefore).toBeLessThan(PLANNED);

    const resumed = await runCli(['run', suite, '--resume', out]);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain(`${rowsBefore} rows kept`);
    const after = readFileSync(join(out, 'requests.csv'), 'utf8');
    expect(after.startsWith(completeBefore)).toBe(true);
    const ids = jobIds(out);
    expect(ids).toHaveLength(PLANNED);
    expect(new Set(ids).size).toBe(PLANNED);
  });

  it('on Ctrl-C exits 130, saves a summary, prints the resume command, and the resume completes the plan', async () => {
    const { suite, out } = setup();
    const interrupted = await runAndSignal(suite, out, 'SIGINT', 4);
    expect(interrupted.code).toBe(130);
    expect(interrupted.stderr).toContain(`--resume ${out}`);
    expect(existsSync(join(out, 'summary.csv'))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { interrupted: boolean; counts: { rows: number } };
    expect(manifest.interrupted).toBe(true);
    expect(manifest.counts.rows).toBeLessThan(PLANNED);

    const resumed = await runCli(['run', suite, '--resume', out]);
    expect(resumed.code).toBe(0);
    const ids = jobIds(out);
    expect(new Set(ids).size).toBe(PLANNED);
    expect(ids).toHaveLength(PLANNED);
  });

  it('refuses to resume when the suite changed, saying what changed, unless --force', async () => {
    const { suite, out } = setup();
    await runAndSignal(suite, out, 'SIGINT', 2);
    writeFileSync(suite, SUITE.replace('thinkingBudgets: [0, 1024]', 'thinkingBudgets: [0, 2048]').replace('"4+4?"', '"5+3?"'));
    const refused = await runCli(['run', suite, '--resume', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('thinking setting added: budget 2048');
    expect(refused.stderr).toContain('thinking setting removed: budget 1024');
    expect(refused.stderr).toMatch(/request changed .* for: d on honest/);
    const forced = await runCli(['run', suite, '--resume', out, '--force']);
    expect(forced.code).toBe(0);
  });
});
