import { existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Job } from '../plan/types.js';
import { REQUEST_COLUMNS } from './columns.js';
import { claimEmptyFolder, claimUniqueFolder } from './claimFolder.js';
import { csvLine, readRequestsCsv, readWarnings } from './requestsCsv.js';
import { checkRunFolder } from './checkFolder.js';
import { lockRunFolder, type RunFolderLock } from './lock.js';
import { writeFileAtomic } from './write.js';
import { explainPlanChange, toPlannedJobs, type PlannedJob } from './planFile.js';
import { RelaybenchError } from '../errors/index.js';
import { RUN_FILES } from './names.js';

/**
 * A run folder ready to receive rows, from `createRunFolder` or `resumeRunFolder`: its directory
 * (`outDir`), `runId` (the `run_id` cell: UTC stamp and process id), the jobs still without a row (all of them for a new run),
 * how many rows a resume kept, and the held `.relaybench.lock` (docs/run-folder.md#relaybenchlock).
 * Creating or resuming throws RelaybenchError cause `run-folder` (exit 2) for a folder that is not
 * this suite's run, a changed plan without `--force`, or a live lock; a refused write is `file-system` (exit 2).
 */
export interface RunFolder {
  outDir: string;
  runId: string;
  /** Jobs that still need a row. */
  remaining: Job[];
  /** Rows kept from before a resume. */
  keptRows: number;
  /** The folder's lock, held until the run has written its last file. */
  lock: RunFolderLock;
}

/** `2026-11-22T00-07-20Z`: sortable, and safe as a folder name on every OS. */
export function utcStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
}

/**
 * `2026-11-22T00-07-20.123Z`: the default run folder's name, to the millisecond so runs started in
 * the same second get their own folders (a random suffix separates the same millisecond).
 */
export function folderStamp(date: Date): string {
  return date.toISOString().replace(/:/g, '-');
}

/**
 * A fresh run folder, locked: with `--out`, a new or empty folder (never one holding other files
 * or another run); without, a new unique `results/<suite>/<stamp>[-suffix]/`. Refuses to mix two
 * runs in one requests.csv.
 */
export function createRunFolder(suiteName: string, jobs: Job[], out: string | undefined, startedAt: Date): RunFolder {
  const claimed =
    out === undefined
      ? claimUniqueFolder(join('results', suiteName), folderStamp(startedAt), 'run')
      : { dir: resolve(out), lock: claimEmptyFolder(out, '--out', 'run', `, or continue it with --resume ${out}`) };
  try {
    writeFileAtomic(join(claimed.dir, RUN_FILES.plan), JSON.stringify(toPlannedJobs(jobs)));
  } catch (error) {
    claimed.lock.release();
    throw error;
  }
  return { outDir: claimed.dir, runId: `${utcStamp(startedAt)}-${process.pid.toString(36)}`, remaining: jobs, keptRows: 0, lock: claimed.lock };
}

/**
 * Reopens a run folder to finish it. Checks the plan still matches (else explains what changed
 * and refuses unless forced), cuts a torn last line left by a crash, drops rows of jobs that were
 * skipped (never sent) so they run now, and returns the jobs that have no row yet.
 */
export function resumeRunFolder(dir: string, jobs: Job[], force: boolean, suiteName: string, filterFlags = ''): RunFolder {
  checkRunFolder(dir, '--resume');
  const outDir = resolve(dir);
  const lock = lockRunFolder(outDir, 'run');
  try {
    return reopen(outDir, jobs, force, suiteName, lock, filterFlags);
  } catch (error) {
    lock.release();
    throw error;
  }
}

function reopen(outDir: string, jobs: Job[], force: boolean, suiteName: string, lock: RunFolderLock, filterFlags: string): RunFolder {
  const requestsPath = join(outDir, RUN_FILES.requests);
  const parsed = readRequestsCsv(requestsPath);
  // --force accepts a changed plan, never another suite's folder: its rows would join this run.
  const otherSuite = parsed.rows.find((row) => row.suite !== undefined && row.suite !== suiteName)?.suite;
  if (otherSuite !== undefined) {
    throw new RelaybenchError(
      `--resume ${outDir} is a run of suite "${String(otherSuite)}", not "${suiteName}": resume a run of the same suite, or run into a new folder.`,
      'run-folder',
    );
  }
  const planPath = join(outDir, RUN_FILES.plan);
  const current = toPlannedJobs(jobs);
  const changes = explainPlanChange(readSavedPlan(planPath), current);
  if (changes.length > 0 && !force) {
    // The usual cause is not a changed suite but a slice resumed with other filter flags.
    const savedFlags = savedFilterFlags(join(outDir, RUN_FILES.manifest));
    if (savedFlags !== undefined && savedFlags !== filterFlags) {
      const said = (flags: string): string => (flags === '' ? 'no filter' : flags);
      throw new RelaybenchError(
        `--resume ${outDir} was run with ${said(savedFlags)} and is resumed with ${said(filterFlags)}, so the plan differs:\n  ${changes.join('\n  ')}\nResume it with the same flags (relaybench run SUITE --resume ${outDir}${savedFlags === '' ? '' : ` ${savedFlags}`}), or pass --force to keep the old rows and run this plan's missing jobs. Nothing was sent.`,
        'run-folder',
      );
    }
    throw new RelaybenchError(
      `the suite no longer plans the jobs of ${outDir}:\n  ${changes.join('\n  ')}\nRun it into a new folder, or pass --force to keep the old rows and run the new plan's missing jobs.`,
      'run-folder',
    );
  }
  if (changes.length > 0) writeFileAtomic(planPath, JSON.stringify(current));

  if (parsed.tornBytes > 0) {
    process.stderr.write(`Cut a torn last line (${parsed.tornBytes} bytes) from ${requestsPath}, left by an interrupted write.\n`);
    truncateSync(requestsPath, parsed.completeBytes);
  }
  for (const warning of readWarnings(requestsPath, { ...parsed, tornBytes: 0 })) process.stderr.write(`${warning}\n`);
  const kept = parsed.rows.filter((row) => row.error_kind !== 'skipped');
  if (kept.length < parsed.rows.length || parsed.duplicateRows > 0) {
    // The writer's own record format, so rewritten and appended rows are alike byte for byte.
    writeFileAtomic(requestsPath, [REQUEST_COLUMNS, ...kept.map((row) => REQUEST_COLUMNS.map((column) => row[column]))].map(csvLine).join(''));
  }
  repairJsonLines(join(outDir, RUN_FILES.details));
  const finished = new Set(kept.map((row) => row.job_id));
  const runId = typeof kept[0]?.run_id === 'string' ? kept[0].run_id : `${utcStamp(new Date())}-${process.pid.toString(36)}`;
  return { outDir, runId, remaining: jobs.filter((job) => !finished.has(job.jobId)), keptRows: kept.length, lock };
}

/** The filter flags run.json records for the run (`''` for none); undefined when run.json is missing or unreadable. */
function savedFilterFlags(path: string): string | undefined {
  try {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as { filter?: { flags?: unknown } };
    const flags = manifest.filter?.flags;
    return typeof flags === 'string' ? flags : '';
  } catch {
    return undefined;
  }
}

/** plan.json of the folder being resumed; none (a folder from before plan.json) is an empty plan. */
function readSavedPlan(path: string): PlannedJob[] {
  if (!existsSync(path)) return [];
  try {
    const plan: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (Array.isArray(plan)) return plan as PlannedJob[];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== undefined) throw error;
  }
  throw new RelaybenchError(`${path} is not a relaybench plan.json (a list of jobs): restore it, or run into a new folder.`, 'run-folder');
}

/** details.jsonl is a sidecar: a torn last line is simply dropped. */
function repairJsonLines(path: string): void {
  if (!existsSync(path)) return;
  const text = readFileSync(path, 'utf8');
  const end = text.lastIndexOf('\n') + 1;
  if (end < text.length) writeFileSync(path, text.slice(0, end));
}
