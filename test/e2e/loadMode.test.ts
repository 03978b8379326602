import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH, runCli } from '../helpers/cli.js';

/**
 * Load mode end to end on the emulator: two relays that differ only in capacity, the same seeded
 * Poisson arrivals at 2, 8 and 16 req/s (4 s steps, 1 s warm-up). The low-capacity relay (2 at
 * once, 4 queued, then 429) must stop holding the SLO at a lower rate than the high-capacity one
 * (8 at once, 16 queued), and load.csv must say so.
 */
let folder = '';
let suite = '';

const LOAD_HEADER =
  'relay,offered_rps,achieved_rps,arrivals,dropped,completed,errors,http_429,timeouts,ttft_ms_p50,ttft_ms_p90,ttft_ms_p99,first_answer_ms_p50,first_answer_ms_p99,total_ms_p50,total_ms_p99,start_lag_ms_p99,slo_attainment,goodput_rps';

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'relaybench-load-'));
  suite = join(folder, 'load.yaml');
  writeFileSync(
    suite,
    `name: load-e2e
model: gemini-2.5-flash
thinkingBudgets: [0]
includeThoughts: false
generationConfig: { maxOutputTokens: 256 }
relays:
  - { name: low, emulator: low-capacity }
  - { name: high, emulator: high-capacity }
load: { arrival: poisson, rates: [2, 8, 16], stepS: 4, warmupS: 1, maxInFlight: 64, slo: { ttftMs: 1000, totalMs: 2000 } }
cases:
  - { id: product, prompt: What is 137 * 24?, expect: { number: 3288 } }
  - { id: power, prompt: What is 2 to the power of 20?, expect: { number: 1048576 } }
`,
  );
});

function firstFailingRate(rows: Array<Record<string, string>>, relay: string): number {
  const failing = rows.filter((row) => row.relay === relay && Number(row.slo_attainment) < 0.9).map((row) => Number(row.offered_rps));
  return failing.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...failing);
}

describe('relaybench run with a load: block', () => {
  it('the low-capacity relay falls below 90% SLO attainment at a lower rate, and load.csv says so', async () => {
    const out = join(folder, 'run');
    const result = await runCli(['run', suite, '--out', out], { timeoutMs: 90_000 });
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.code).toBe(0);
    const text = readFileSync(join(out, 'load.csv'), 'utf8');
    expect(text.split('\n')[0]).toBe(LOAD_HEADER);
    const rows = parse(text, { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((row) => `${row.relay}@${row.offered_rps}`)).toEqual(['low@2', 'low@8', 'low@16', 'high@2', 'high@8', 'high@16']);
    const low = firstFailingRate(rows, 'low');
    expect(low).toBeLessThan(firstFailingRate(rows, 'high'));
    expect(Number.isFinite(low)).toBe(true);
    // Saturation shows as 429s at the low relay's failing rate, not as silent queueing in relaybench.
    expect(Number(rows.find((row) => row.relay === 'low' && Number(row.offered_rps) === 16)?.http_429)).toBeGreaterThan(0);
    for (const row of rows) expect(Number(row.completed) + Number(row.dropped)).toBe(Number(row.arrivals));
    // Every measured row carries its rate and start lag; warm-up requests leave no row.
    const requests = parse(readFileSync(join(out, 'requests.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(requests.length).toBe(rows.reduce((sum, row) => sum + Number(row.completed), 0));
    expect(requests.every((row) => ['2', '8', '16'].includes(row.load_rate ?? '') && Number(row.start_lag_ms) >= 0)).toBe(true);
    expect(result.stdout).toMatch(/relay low holds up to 2 req\/s within the SLO|relay low held the SLO at none/);
    expect(result.stdout).toMatch(/relay high holds up to (8|16) req\/s within the SLO/);
    const report = readFileSync(join(out, 'report.html'), 'utf8');
    expect(report).toContain('Goodput against offered rate');
  }, 100_000);

  it.each([
    ['--resume', ['--resume', '/tmp/nowhere'], /--resume .*cannot be resumed/],
    ['--shard', ['--shard', '1/2'], /--shard 1\/2: a load run cannot be sharded/],
  ])('refuses %s with exit 2 and one line, nothing sent', async (_flag, args, message) => {
    const result = await runCli(['run', suite, ...args], { timeoutMs: 20_000 });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('Ctrl-C saves what finished (load.csv included) and exits 130', async () => {
    const out = join(folder, 'interrupted');
    const child = spawn(process.execPath, [CLI_PATH, 'run', suite, '--out', out], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' } });
    let stderr = '';
    let interrupting = false;
    child.stderr.on('data', (data: Buffer) => {
      stderr += data.toString();
      // Interrupt once the first step has ended, in the middle of the second.
      if (/at 2 req\/s: /.test(stderr) && !interrupting) {
        interrupting = true;
        setTimeout(() => child.kill('SIGINT'), 1500);
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(stderr).toMatch(/cannot be resumed: run it again/);
    expect(existsSync(join(out, 'load.csv'))).toBe(true);
    const rows = parse(readFileSync(join(out, 'load.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(rows.some((row) => row.offered_rps === '2')).toBe(true);
    expect(rows.some((row) => row.offered_rps === '16')).toBe(false);
  }, 60_000);
});
