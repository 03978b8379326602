import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { RelaybenchError } from '../errors/index.js';
import type { RequestRow } from '../runfolder/columns.js';
import type { PlannedJob } from '../runfolder/planFile.js';
import { plannedJobsOfRows, explainUnsharedJobs, type RequestConfig } from './requestChange.js';
import { readRunRows, readRunRowsStreamed, type RunRows } from '../runfolder/read.js';
import { readRunManifest } from '../runfolder/manifest.js';

/** A baseline run folder as the paired comparison needs it: rows (each job_id once), config, read warnings. */
export interface BaselineFolder {
  rows: RequestRow[];
  /** run.json's resolved configuration: what the baseline's requests were built from. */
  config: RequestConfig;
  /** One-line warnings about the rows read (duplicate job_ids, a torn last line). */
  warnings: string[];
}

/**
 * Reads a baseline run folder: its requests.csv, then its run.json. Either missing or malformed
 * is a usage error (exit 2) naming the folder, via runfolder/read.ts and runfolder/manifest.ts (RelaybenchError cause `run-folder`).
 */
export function readBaselineFolder(dir: string): BaselineFolder {
  const { rows, warnings } = readRunRows(dir, '--baseline');
  const manifest = readRunManifest(dir);
  return { rows, config: manifest.config as RequestConfig, warnings };
}

/**
 * `readBaselineFolder` streaming requests.csv into a RunTable (no answers, no RequestRow objects):
 * the same checks, errors and warnings, for `run --baseline` and `gate --baseline`, which read the
 * baseline once and hand it to `finishCi` (FinishCiInput.baselineFolder).
 */
export async function readBaselineFolderStreamed(dir: string): Promise<BaselineFolder> {
  return baselineFolderOf(dir, await readRunRowsStreamed(dir, '--baseline'));
}

/** A baseline folder from its rows already read (`readRunRowsStreamed`): adds run.json's config (strict). */
export function baselineFolderOf(dir: string, read: RunRows): BaselineFolder {
  const manifest = readRunManifest(dir);
  return { rows: read.rows, config: manifest.config as RequestConfig, warnings: read.warnings };
}

/**
 * Refuses a baseline that shares no job with this run (a different suite, or every request
 * changed): comparing would find nothing and pass. The message says why, in the suite's terms.
 *
 * @throws RelaybenchError, cause `run-folder` (exit 2).
 */
export function assertSharesJobs(dir: string, baseline: BaselineFolder, current: readonly PlannedJob[], currentConfig: RequestConfig | undefined): void {
  const baselineIds = new Set(baseline.rows.map((row) => String(row.job_id)));
  if (current.some((job) => baselineIds.has(job.job_id))) return;
  const why = explainUnsharedJobs(current, plannedJobsOfRows(baseline.rows), currentConfig === undefined ? undefined : { current: currentConfig, baseline: baseline.config });
  throw new RelaybenchError(
    `--baseline ${dir} shares no job with this run, so there is nothing to pair: ${why.join('; ')}. Compare with a run of the same suite and requests.`,
    'run-folder',
  );
}

/**
 * Refuses a baseline that is the run itself: the same folder (by real path), or a copy of it (the
 * same set of run_ids in its rows). Compared with itself a run has no pass→fail pair, so the gate
 * would always pass: a CI job whose "baseline" link points at the run it just made.
 *
 * @throws RelaybenchError, cause `run-folder` (exit 2).
 */
export function assertNotItself(runDir: string, baselineDir: string, runRows: readonly Pick<RequestRow, 'run_id'>[], baselineRows: readonly Pick<RequestRow, 'run_id'>[]): void {
  const real = (dir: string): string => {
    try {
      return realpathSync(dir);
    } catch {
      return resolve(dir);
    }
  };
  const runIds = (rows: readonly Pick<RequestRow, 'run_id'>[]): string => [...new Set(rows.map((row) => String(row.run_id)))].sort().join(',');
  const sameFolder = real(runDir) === real(baselineDir);
  const copy = !sameFolder && runRows.length > 0 && runIds(runRows) === runIds(baselineRows);
  if (!sameFolder && !copy) return;
  const what = sameFolder ? 'is the run folder itself' : `is a copy of this run (the same run_id ${runIds(runRows)})`;
  throw new RelaybenchError(
    `--baseline ${baselineDir} ${what}: compared with itself a run can never show a drop. Give an earlier run of the suite, such as results/<suite>/<timestamp>/.`,
    'run-folder',
  );
}
