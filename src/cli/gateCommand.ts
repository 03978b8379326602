import { checkOptions, finishCi, type FinishCiOptions } from '../gate/finish.js';
import { readRunFolderStreamed, readRunRowsStreamed } from '../runfolder/read.js';
import { shardCoverage } from '../runfolder/manifest.js';
import { assertNotItself, baselineFolderOf } from '../gate/baselineFolder.js';
import { fileSystemError } from '../errors/index.js';
import { checkNotAnInput } from '../runfolder/folders.js';
import { checkRunFolder } from '../runfolder/checkFolder.js';
import { lockRunFolder } from '../runfolder/lock.js';

/**
 * `relaybench gate <run folder>`: applies CI gates to a finished run, e.g. one produced by
 * `merge`. The suite's `ci:` block comes from the run's run.json, so the folder alone is enough;
 * flags override it. A run whose planned jobs are not all present fails (exit 1) unless
 * `--allow-incomplete`. Holds the folder's lock while it writes summary.md; returns the CI exit code.
 */
export async function gateCommand(runDir: string, options: FinishCiOptions): Promise<number> {
  checkOptions(options);
  checkRunFolder(runDir, 'gate');
  if (options.junit !== undefined) checkNotAnInput(options.junit, '--junit', { runFolders: [runDir, ...(options.baseline === undefined ? [] : [options.baseline])] });
  let lock;
  try {
    lock = lockRunFolder(runDir, 'gate');
  } catch (error) {
    throw fileSystemError(error, 'write in', runDir);
  }
  try {
    const { manifest, rows, plannedJobIds, warnings } = await readRunFolderStreamed(runDir, 'gate');
    // The baseline's rows are read once: for this check, then by finishCi's comparison.
    const baselineRows = options.baseline === undefined ? undefined : await readRunRowsStreamed(options.baseline, '--baseline');
    if (options.baseline !== undefined && baselineRows !== undefined) assertNotItself(runDir, options.baseline, rows, baselineRows.rows);
    const baselineFolder = options.baseline === undefined || baselineRows === undefined ? undefined : baselineFolderOf(options.baseline, baselineRows);
    const shards = shardCoverage(manifest);
    const { exitCode, consoleText } = finishCi({
      outDir: runDir,
      suite: { name: manifest.suite.name, ci: manifest.config.ci },
      rows,
      options,
      notes: warnings,
      ...(baselineFolder === undefined ? {} : { baselineFolder }),
      requestConfig: manifest.config,
      plan: {
        planned: manifest.counts.planned,
        interrupted: manifest.interrupted,
        ...(manifest.spendingCap?.reached === true ? { spendingCap: manifest.spendingCap } : {}),
        ...(plannedJobIds === undefined ? {} : { plannedJobIds }),
        ...(shards === undefined ? {} : { shards }),
      },
    });
    process.stdout.write(consoleText);
    return exitCode;
  } finally {
    lock.release();
  }
}
