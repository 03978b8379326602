import { execFile, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { BareLoopResult } from './types.js';

/** The built CLI, the exit hook and the bare loop, beside this file in dist/. */
const CLI_PATH = fileURLToPath(new URL('../cli.js', import.meta.url));
const USAGE_HOOK_URL = new URL('./usageAtExit.js', import.meta.url).href;
const BARE_LOOP_PATH = fileURLToPath(new URL('./bareLoop.js', import.meta.url));

/** One `relaybench run` the bench spawns: the suite file, the run folder, `--concurrency`, `--repeats`, and the emulator log for fidelity runs. */
export interface HarnessRunOptions {
  suiteFile: string;
  /** The run folder; its console output goes to `<outDir>.log`. */
  outDir: string;
  concurrency: number;
  repeats: number;
  /** Ground truth from the emulator, for fidelity runs. */
  emulatorLog?: string;
  /** Extra environment for the run (e.g. the key a local server's relay reads). */
  env?: Readonly<Record<string, string>>;
}

/** What a spawned run cost: its folder, user+system CPU ms, peak RSS MB and wall-clock seconds of the whole process. */
export interface HarnessRun {
  outDir: string;
  cpuMs: number;
  peakRssMb: number;
  wallS: number;
  /** Epoch ms (`performance.timeOrigin + performance.now()`, the emulator's clock too) just before the spawn. */
  spawnEpochMs: number;
  /** Epoch ms when the child's `exit` event came. */
  exitEpochMs: number;
}

/** Epoch ms from the monotonic clock, as the emulator stamps its ground truth (emulator/groundTruth.ts). */
export const epochMs = (): number => performance.timeOrigin + performance.now();

/**
 * Runs `relaybench run` exactly as a user would, in its own process, and reads back what that
 * process cost. Console output goes to a file: piping it here would make this process part of
 * the measurement. CI=true keeps the progress to a line per 10 %.
 */
export async function runHarness(options: HarnessRunOptions): Promise<HarnessRun> {
  const usageFile = `${options.outDir}.usage.json`;
  const logFile = `${options.outDir}.log`;
  const args = [
    '--import',
    USAGE_HOOK_URL,
    CLI_PATH,
    'run',
    options.suiteFile,
    '--out',
    options.outDir,
    '--concurrency',
    String(options.concurrency),
    '--repeats',
    String(options.repeats),
  ];
  if (options.emulatorLog !== undefined) args.push('--emulator-log', options.emulatorLog);
  const output = openSync(logFile, 'w');
  let exitEpochMs = Number.NaN;
  const spawnEpochMs = epochMs();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', output, output], env: { ...process.env, ...options.env, CI: 'true', RELAYBENCH_USAGE_FILE: usageFile } });
    child.once('error', reject);
    child.once('exit', (exitCode) => {
      exitEpochMs = epochMs();
      resolve(exitCode);
    });
  });
  const wallS = (exitEpochMs - spawnEpochMs) / 1000;
  closeSync(output);
  if (code !== 0) {
    const tail = readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n');
    throw new Error(`relaybench run exited with ${code}; last lines of ${logFile}:\n${tail}`);
  }
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRssKb: number; userCpuUs: number; systemCpuUs: number };
  return { outDir: options.outDir, cpuMs: (usage.userCpuUs + usage.systemCpuUs) / 1000, peakRssMb: Math.round(usage.maxRssKb / 1024), wallS, spawnEpochMs, exitEpochMs };
}

/** The run's requests.csv path. */
export const requestsCsvOf = (run: HarnessRun): string => join(run.outDir, 'requests.csv');
/** The run's details.jsonl path. */
export const detailsOf = (run: HarnessRun): string => join(run.outDir, 'details.jsonl');

/** Runs the bare undici loop in its own process, so it shares an event loop with nothing. */
export function runBareLoop(suiteFile: string, repeats: number, concurrency: number): Promise<BareLoopResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [BARE_LOOP_PATH, suiteFile, String(repeats), String(concurrency)], (error, stdout, stderr) => {
      if (error !== null) reject(new Error(`the bare loop failed: ${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout) as BareLoopResult);
    });
  });
}
