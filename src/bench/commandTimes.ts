import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startupSummary } from './processStats.js';
import type { CommandTimeResult } from './types.js';

/**
 * Wall time of the short commands a user runs around a run: `relaybench validate` of a suite
 * and `relaybench report` of a run folder (issue 18: 0.72 s for 2,000 cases, 0.9 s for 2,000 rows,
 * where most of it is start-up and whole-file work rather than the size itself). Measured as
 * hyperfine does: the built CLI spawned with output discarded, spawn to exit on the bench's
 * clock, after warm-up runs that fill the OS file cache.
 */

const CLI_PATH = fileURLToPath(new URL('../cli.js', import.meta.url));

/** Runs before the timed ones, left out of the figures. */
const WARMUP_RUNS = 1;

/**
 * Times `relaybench <args>` `runs` times; `label` names it in bench.json (e.g. `relaybench
 * validate <2,000-case suite>`), `size` is what it was given (cases or rows). Throws when the
 * command exits non-zero.
 */
export function timeCommand(label: string, args: readonly string[], runs: number, size: number): CommandTimeResult {
  const durationsMs: number[] = [];
  for (let run = 0; run < WARMUP_RUNS + runs; run++) {
    const startedMs = performance.now();
    const result = spawnSync(process.execPath, [CLI_PATH, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: 'true' } });
    const elapsedMs = performance.now() - startedMs;
    if (result.status !== 0) throw new Error(`${label} exited with ${result.status}: ${result.stderr.toString().trim().split('\n').slice(-5).join('\n')}`);
    if (run >= WARMUP_RUNS) durationsMs.push(elapsedMs);
  }
  return { ...startupSummary(label, durationsMs), size };
}
