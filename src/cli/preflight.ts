import { dirname, join, resolve } from 'node:path';
import type { BaselineFolder } from '../gate/baselineFolder.js';
import type { Job } from '../plan/types.js';
import type { Shard } from '../plan/shard.js';
import type { PriceBook } from '../run/pricing.js';
import { unpricedJudge } from '../run/judgeSetup.js';
import { checkAppendableFile, checkNotAnInput, checkWritableFile } from '../runfolder/folders.js';
import { toPlannedJobs } from '../runfolder/planFile.js';
import type { Suite } from '../suite/types.js';
import { RelaybenchError } from '../errors/index.js';
import type { RunCommandOptions } from './runOptions.js';

/**
 * `run`'s flag pairs that say nothing or contradict: `--out` with `--resume` (a resume appends to
 * its own folder), `--force` without `--resume` (it only loosens a resume). Throws a RelaybenchError
 * (cause `flag`, exit 2) before the suite is read.
 */
export function checkRunFlags(options: RunCommandOptions): void {
  // A resume writes into its own folder, and --force only loosens a resume: said, not ignored.
  if (options.resume !== undefined && options.out !== undefined) {
    throw new RelaybenchError(
      `--out ${options.out}: a resume appends to the folder it resumes (--resume ${options.resume}); drop --out, or drop --resume to start a new run there. Nothing was sent.`,
      'flag',
    );
  }
  if (options.force === true && options.resume === undefined) {
    throw new RelaybenchError(
      '--force: only changes what --resume accepts (a changed plan); it does nothing alone and never overwrites a folder. Add --resume DIR, or drop --force. Nothing was sent.',
      'flag',
    );
  }
}

/**
 * Checks `--ci` options and reads `--baseline` (streamed) before anything is sent: a baseline that
 * is not a run folder, is the resumed folder itself, or shares no job with `planned` throws a
 * RelaybenchError (cause `run-folder`, exit 2). Returns the baseline, read once for the post-run
 * comparison; undefined without `--baseline`. Gate modules are imported only when asked for.
 */
export async function readBaselineBeforeSending(options: RunCommandOptions, suite: Suite, planned: readonly Job[]): Promise<BaselineFolder | undefined> {
  if (options.ci !== undefined) (await import('../gate/finish.js')).checkOptions(options.ci);
  const baseline = options.ci?.baseline;
  if (baseline === undefined) return undefined;
  const { assertNotItself, assertSharesJobs, readBaselineFolderStreamed } = await import('../gate/baselineFolder.js');
  const { readRunRowsStreamed } = await import('../runfolder/read.js');
  try {
    const baselineFolder = await readBaselineFolderStreamed(baseline);
    if (options.resume !== undefined) assertNotItself(options.resume, baseline, (await readRunRowsStreamed(options.resume, '--resume')).rows, baselineFolder.rows);
    assertSharesJobs(baseline, baselineFolder, toPlannedJobs(planned), suite);
    return baselineFolder;
  } catch (error) {
    if (error instanceof RelaybenchError) throw new RelaybenchError(`${error.message.startsWith(baseline) ? '--baseline ' : ''}${error.message} Nothing was sent.`, 'run-folder');
    throw error;
  }
}

/**
 * Said once, before anything is sent: which relays' (and the judge's) rows will have no cost_usd,
 * on stderr. With `--max-cost` an unpriced pair is an error instead (RelaybenchError, cause `flag`):
 * the cap could not count its cost.
 */
export function checkPrices(suite: Suite, jobs: readonly Job[], prices: PriceBook, maxCost: number | undefined): void {
  const unpriced = [...prices.unpriced(jobs), ...[unpricedJudge(suite)].filter((pair) => pair !== undefined).map((pair) => `judge ${pair}`)];
  if (unpriced.length > 0 && maxCost !== undefined) {
    throw new RelaybenchError(
      `--max-cost ${maxCost}: no price is known for ${unpriced.join(', ')}, so the cap cannot count its cost. Set prices: (per model) in the suite or price: on the relay. Nothing was sent.`,
      'flag',
    );
  }
  if (unpriced.length > 0) {
    process.stderr.write(`No price for ${unpriced.join(', ')}: their cost_usd stays empty. Set prices: (per model) in the suite or price: on the relay.\n`);
  }
}

/**
 * Every path the run will write or read later, checked before anything is sent (the baseline
 * folder was read, and so checked, just before): an unwritable --junit or GITHUB_STEP_SUMMARY
 * (written only after the run, and only when `gates` apply: not in a shard), an --emulator-log
 * that cannot be opened, a --junit or --emulator-log naming the suite, its `.env` or a run
 * folder's own file. Each is a one-line usage error (exit 2). Then, for a shard with
 * `--max-cost`, says on stderr that the cap is per shard.
 */
export function checkPathsBeforeSending(file: string, options: RunCommandOptions, shard: Shard | undefined): void {
  const gates = shard === undefined;
  const inputs = {
    files: [file, join(dirname(resolve(file)), '.env')],
    runFolders: [options.out, options.resume, options.ci?.baseline].filter((dir): dir is string => dir !== undefined),
  };
  if (options.ci?.junit !== undefined) checkNotAnInput(options.ci.junit, '--junit', inputs);
  if (options.emulatorLog !== undefined) checkNotAnInput(options.emulatorLog, '--emulator-log', inputs);
  if (options.ci?.junit !== undefined && gates) checkWritableFile(options.ci.junit, '--junit');
  const stepSummary = process.env.GITHUB_STEP_SUMMARY;
  if (stepSummary !== undefined && stepSummary !== '' && gates) checkAppendableFile(stepSummary, 'GITHUB_STEP_SUMMARY');
  if (options.emulatorLog !== undefined) checkAppendableFile(options.emulatorLog, '--emulator-log');
  if (shard !== undefined && options.maxCost !== undefined) {
    // Each shard is its own process with its own cap: n shards may spend n times the amount.
    process.stderr.write(
      `--max-cost ${options.maxCost} caps shard ${shard.index}/${shard.count} alone: ${shard.count} shards may spend up to ${shard.count} × $${options.maxCost} together. Give each shard its share of the budget.\n`,
    );
  }
}
