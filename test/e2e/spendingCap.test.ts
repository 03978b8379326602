import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/**
 * `run --max-cost` against the emulator: the run stops starting jobs at the cap, saves, exits 3
 * with the resume command; `--resume` with a higher cap finishes it with every job exactly once.
 * maxOutputTokens 1000 at 2.5 Flash's list price makes a job's worst case about $0.0025.
 */
const SUITE = (model = 'gemini-2.5-flash') => `name: capped
model: ${model}
thinkingBudgets: [0, 1024]
repeats: 2
concurrency: 2
generationConfig: { maxOutputTokens: 1000 }
relays:
  - { name: honest, emulator: honest }
cases:
  - { id: a, prompt: "1+1?", expect: { number: 2 } }
  - { id: b, prompt: "2+2?", expect: { number: 4 } }
  - { id: c, prompt: "3+3?", expect: { number: 6 } }
  - { id: d, prompt: "4+4?", expect: { number: 8 } }
  - { id: e, prompt: "5+5?", expect: { number: 10 } }
  - { id: f, prompt: "6+6?", expect: { number: 12 } }
`;
const PLANNED = 6 * 2 * 2;
/** Upper bound of one job here: ~10 prompt bytes × $0.30 + 1000 output × $2.50, per 1M. */
const WORST_PER_JOB = (20 * 0.3 + 1000 * 2.5) / 1e6;

function setup(model?: string): { suite: string; out: string } {
  const folder = mkdtempSync(join(tmpdir(), 'relaybench-cap-'));
  writeFileSync(join(folder, 'suite.yaml'), SUITE(model));
  return { suite: join(folder, 'suite.yaml'), out: join(folder, 'out') };
}

function rows(out: string): Array<Record<string, string>> {
  return parse(readFileSync(join(out, 'requests.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
}

describe('--max-cost', () => {
  it('stops at the cap with exit 3, then --resume with a higher cap runs every job exactly once', async () => {
    const { suite, out } = setup();
    const cap = 0.004;
    const first = await runCli(['run', suite, '--out', out, '--max-cost', String(cap)]);
    expect(first.code, first.stderr).toBe(3);
    expect(first.stderr).toMatch(/Spending cap reached: \$[\d.]+ spent of --max-cost \$0\.004 after \d+ of 24 jobs/);
    expect(first.stderr).toContain('worst case of those in flight');
    expect(first.stderr).toContain(`relaybench run ${suite} --resume ${out} --max-cost `);
    const partial = rows(out);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(PLANNED);
    const spent = partial.reduce((sum, row) => sum + Number(row.cost_usd || 0), 0);
    // Never over the cap by more than the worst case of what was in flight (concurrency 2).
    expect(spent).toBeLessThanOrEqual(cap + 2 * WORST_PER_JOB);
    expect(partial.every((row) => row.status !== 'ok' || Number(row.cost_usd) > 0)).toBe(true);

    const second = await runCli(['run', suite, '--resume', out, '--max-cost', '1']);
    expect(second.code, second.stderr).toBe(0);
    const all = rows(out);
    expect(all).toHaveLength(PLANNED);
    expect(new Set(all.map((row) => row.job_id)).size).toBe(PLANNED);
    const planned = JSON.parse(readFileSync(join(out, 'plan.json'), 'utf8')) as Array<{ jobId?: string; job_id?: string }>;
    expect(planned).toHaveLength(PLANNED);
    // The rows kept from the first run are untouched, first in the file.
    expect(all.slice(0, partial.length)).toEqual(partial);
  }, 60_000);

  it('refuses a resume whose cap is already spent, sending nothing', async () => {
    const { suite, out } = setup();
    const first = await runCli(['run', suite, '--out', out, '--max-cost', '0.004']);
    expect(first.code).toBe(3);
    const before = readFileSync(join(out, 'requests.csv'), 'utf8');
    const again = await runCli(['run', suite, '--resume', out, '--max-cost', '0.000001']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/--max-cost 0\.000001: this run has already spent \$[\d.]+; give a higher cap/);
    expect(readFileSync(join(out, 'requests.csv'), 'utf8')).toBe(before);
  }, 60_000);

  it.each([['0'], ['-1'], ['abc'], ['$5'], ['Infinity'], ['']])('--max-cost %j is exit 2 and nothing is sent', async (value) => {
    const { suite, out } = setup();
    const result = await runCli(['run', suite, '--out', out, '--max-cost', value]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--max-cost');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('needs a price for every relay: an unpriced model is exit 2 before anything is sent', async () => {
    const { suite, out } = setup('gemini-flash-latest');
    const result = await runCli(['run', suite, '--out', out, '--max-cost', '1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no price is known for honest (gemini-flash-latest)');
    expect(existsSync(out)).toBe(false);
  });
});

describe('--max-cost with a relay that reports no usage', () => {
  // Before: every answer cost "0" to the cap, so --max-cost 0.0005 let all 10 jobs run against a
  // relay billing at list price (worst case ~$0.00025 each).
  it('counts each answered request at its worst case, stops with exit 3 and says why', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'relaybench-cap-nousage-'));
    const suite = join(folder, 'suite.yaml');
    writeFileSync(
      suite,
      `name: nousage\nmodel: gemini-2.5-flash\nthinkingBudgets: [0]\nrepeats: 10\nconcurrency: 1\ngenerationConfig: { maxOutputTokens: 100 }\nrelays:\n  - { name: nu, emulator: no-usage }\ncases:\n  - { id: a, prompt: "1+1?", expect: { number: 2 } }\n`,
    );
    const out = join(folder, 'out');
    const result = await runCli(['run', suite, '--out', out, '--max-cost', '0.0005']);
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toMatch(/answered request\(s\) carried no usage: each was counted at its worst case/);
    const written = rows(out);
    expect(written.length).toBeGreaterThan(0);
    expect(written.length).toBeLessThan(10);
    // The rows themselves still say the cost is unknown.
    expect(written.every((row) => row.cost_usd === '')).toBe(true);

    // A resume remembers that spend (run.json), though no row holds it: with one more job's worst
    // case (~$0.000255) of room, exactly one more job starts. Before, it counted $0 and ran three.
    const resumed = await runCli(['run', suite, '--resume', out, '--max-cost', '0.0006']);
    expect(resumed.code, resumed.stderr).toBe(3);
    expect(rows(out)).toHaveLength(written.length + 1);
  }, 60_000);
});

describe('--max-cost with --shard', () => {
  // Before: nothing said that each shard process has its own cap, so 4 shards with --max-cost 5 could spend $20.
  it('says the cap is per shard', async () => {
    const { suite, out } = setup();
    const result = await runCli(['run', suite, '--out', out, '--shard', '1/4', '--max-cost', '5']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('--max-cost 5 caps shard 1/4 alone: 4 shards may spend up to 4 × $5 together.');
  }, 60_000);
});
