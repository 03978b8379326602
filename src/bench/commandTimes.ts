import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mean } from '../stats/descriptive.js';
import { startupSummary } from './processStats.js';
import type { CommandTimeResult } from './types.js';

/**
 * Wall time of the short commands a user runs around a run: `relaybench validate` of a suite
 * and `relaybench report` of a run folder (issue 18: 0.72 s for 2,000 cases, 0.9 s for 2,000 rows,
 * where most of it is start-up and whole-file work rather than the size itself). Measured as
 * hyperfine does: the built CLI spawned with output discarded, spawn to exit on the bench's
 * clock, after warm-up runs that fill the OS file cache. Each run's CPU time (user + system, from
 * the exit hook usageAtExit.ts) is kept too: on a shared machine wall time swings with the load,
 * CPU time much less, so before/after comparisons can lean on it.
 */

const CLI_PATH = fileURLToPath(new URL('../cli.js', import.meta.url));
const USAGE_HOOK_URL = new URL('./usageAtExit.js', import.meta.url).href;

/** Runs before the timed ones, left out of the figures. */
const WARMUP_RUNS = 1;

/**
 * Times `relaybench <args>` `runs` times; `label` names it in bench.json (e.g. `relaybench
 * validate <2,000-case suite>`), `size` is what it was given (cases or rows); `work` is a scratch
 * folder for the exit hook's file. Throws when the command exits non-zero.
 */
export function timeCommand(work: string, label: string, args: readonly string[], runs: number, size: number): CommandTimeResult {
  const durationsMs: number[] = [];
  const cpuMs: number[] = [];
  const usageFile = join(work, 'command-usage.json');
  for (let run = 0; run < WARMUP_RUNS + runs; run++) {
    rmSync(usageFile, { force: true });
    const startedMs = performance.now();
    const result = spawnSync(process.execPath, ['--import', USAGE_HOOK_URL, CLI_PATH, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, CI: 'true', RELAYBENCH_USAGE_FILE: usageFile },
    });
    const elapsedMs = performance.now() - startedMs;
    if (result.status !== 0) throw new Error(`${label} exited with ${result.status}: ${result.stderr.toString().trim().split('\n').slice(-5).join('\n')}`);
    if (run < WARMUP_RUNS) continue;
    durationsMs.push(elapsedMs);
    const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { userCpuUs: number; systemCpuUs: number };
    cpuMs.push((usage.userCpuUs + usage.systemCpuUs) / 1000);
  }
  return { ...startupSummary(label, durationsMs), size, cpu_ms_mean: Number((mean(cpuMs) ?? 0).toFixed(1)) };
}
