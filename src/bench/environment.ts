import { execFileSync, spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { MachineInfo } from './types.js';

/** What the numbers were measured on, and how long the CLI takes to start. */

const CLI_PATH = fileURLToPath(new URL('../cli.js', import.meta.url));
const REPOSITORY = fileURLToPath(new URL('../..', import.meta.url));

/** The machine the bench ran on: logical CPUs, CPU model, total memory in MB, `platform-arch`. */
export function machineInfo(): MachineInfo {
  const cores = cpus();
  return {
    cpus: cores.length,
    model: cores[0]?.model.trim() ?? 'unknown',
    memory_mb: Math.round(totalmem() / 1024 / 1024),
    platform: `${process.platform}-${process.arch}`,
  };
}

/** `git rev-parse HEAD`, with `-dirty` when the working tree has changes; `unknown` outside git. */
export function commitOf(): string {
  try {
    const git = (args: string[]): string => execFileSync('git', args, { cwd: REPOSITORY, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const head = git(['rev-parse', 'HEAD']);
    return git(['status', '--porcelain', '--untracked-files=no']) === '' ? head : `${head}-dirty`;
  } catch {
    return 'unknown';
  }
}

/** Warm-up runs fill the OS file cache first, as hyperfine's --warmup does. */
const WARMUP_RUNS = 2;

/** Wall time of `relaybench --help`, process spawn to exit, like hyperfine measures it. */
export function timeStartup(runs: number): { command: string; durationsMs: number[] } {
  const durationsMs: number[] = [];
  for (let run = 0; run < WARMUP_RUNS + runs; run++) {
    const startedMs = performance.now();
    const result = spawnSync(process.execPath, [CLI_PATH, '--help'], { stdio: 'ignore' });
    const elapsedMs = performance.now() - startedMs;
    if (result.status !== 0) throw new Error(`relaybench --help exited with ${result.status}`);
    if (run >= WARMUP_RUNS) durationsMs.push(elapsedMs);
  }
  return { command: 'relaybench --help', durationsMs };
}
