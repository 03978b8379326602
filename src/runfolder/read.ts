import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileSystemError, RelaybenchError } from '../errors/index.js';
import type { RequestRow } from './columns.js';
import { readRequestsCsv, readWarnings } from './requestsCsv.js';
import { checkRunFolder } from './checkFolder.js';
import { readRunManifest, type RunManifest } from './manifest.js';
import { readRunTable } from './readTable.js';
import type { RunTable } from './table.js';
import { RUN_FILES } from './names.js';

/** A finished run folder as `gate`, `merge` and `--baseline` read it. */
export interface RunFolder {
  dir: string;
  manifest: RunManifest;
  rows: RequestRow[];
  /** job_ids of plan.json (the jobs this folder set out to run), when it has one. */
  plannedJobIds: string[] | undefined;
  /** One-line warnings about what reading left out: duplicate job rows, a torn last line. */
  warnings: string[];
}

const usage = (message: string): RelaybenchError => new RelaybenchError(message, 'run-folder');

/** Rows of requests.csv and what reading them left out. */
export interface RunRows {
  rows: RequestRow[];
  warnings: string[];
}

/**
 * Reads `requests.csv` of a run folder (checked first with `checkRunFolder`, labelled `label`).
 * Each job is counted once; a line torn by a crash is left out, as a resume would; both are
 * reported in `warnings`. Unreadable or foreign files are usage errors (exit 2).
 */
export function readRunRows(dir: string, label = 'run folder'): RunRows {
  checkRunFolder(dir, label);
  const path = join(dir, RUN_FILES.requests);
  let parsed: ReturnType<typeof readRequestsCsv>;
  try {
    parsed = readRequestsCsv(path);
  } catch (error) {
    const asFileSystem = fileSystemError(error, 'read', path);
    throw asFileSystem instanceof RelaybenchError ? asFileSystem : usage(`${path} cannot be read as CSV: ${(error as Error).message}`);
  }
  if (parsed.rows.some((row) => row.job_id === undefined || row.relay === undefined || row.case_id === undefined)) {
    throw usage(`${path} is not a relaybench requests.csv: rows without job_id, relay or case_id`);
  }
  return { rows: parsed.rows, warnings: readWarnings(path, parsed) };
}

/** A run folder's rows streamed into a RunTable, with views of them and the read warnings. */
export interface RunTableRows extends RunRows {
  table: RunTable;
}

/**
 * What `gate` and `--baseline` read of each row: everything but the answer, start time and
 * response id (for the report's grid only); grader reasons and error messages for every row
 * (JUnit and the completeness gate quote them).
 */
const GATE_TEXT = ['error_message', 'grader_reason'] as const;

/**
 * `readRunRows` for the whole-run readers that need no answers (gate, --baseline): one streaming
 * pass into a RunTable instead of the whole file and a RequestRow object per row. The same checks,
 * errors (exit 2) and warnings as `readRunRows`.
 */
export async function readRunRowsStreamed(dir: string, label = 'run folder'): Promise<RunTableRows> {
  checkRunFolder(dir, label);
  const path = join(dir, RUN_FILES.requests);
  let read: Awaited<ReturnType<typeof readRunTable>>;
  try {
    read = await readRunTable(dir, { textForAll: GATE_TEXT }, { details: false, wholeFileErrors: true });
  } catch (error) {
    const asFileSystem = fileSystemError(error, 'read', path);
    throw asFileSystem instanceof RelaybenchError ? asFileSystem : usage(`${path} cannot be read as CSV: ${(error as Error).message}`);
  }
  const rows = read.table.rows();
  if (rows.some((row) => row.job_id === undefined || row.relay === undefined || row.case_id === undefined)) {
    throw usage(`${path} is not a relaybench requests.csv: rows without job_id, relay or case_id`);
  }
  return { table: read.table, rows, warnings: readWarnings(path, read) };
}

/** `readRunFolder` through `readRunRowsStreamed`: for `gate`, which needs no answers. */
export async function readRunFolderStreamed(dir: string, label = 'run folder'): Promise<RunFolder> {
  const { rows, warnings } = await readRunRowsStreamed(dir, label);
  return { dir, manifest: readRunManifest(dir), rows, plannedJobIds: readPlannedJobIds(dir), warnings };
}

/** job_ids of plan.json, or undefined when the folder has none (or it is not a list of jobs). */
function readPlannedJobIds(dir: string): string[] | undefined {
  const path = join(dir, RUN_FILES.plan);
  if (!existsSync(path)) return undefined;
  let plan: unknown;
  try {
    plan = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const asFileSystem = fileSystemError(error, 'read', path);
    if (asFileSystem instanceof RelaybenchError) throw asFileSystem;
    return undefined;
  }
  if (!Array.isArray(plan)) return undefined;
  return plan.map((job) => String((job as { job_id?: unknown }).job_id));
}

/** A finished run folder: run.json, its rows (one per job), its plan's job_ids and the read warnings. */
export function readRunFolder(dir: string, label = 'run folder'): RunFolder {
  const { rows, warnings } = readRunRows(dir, label);
  return { dir, manifest: readRunManifest(dir), rows, plannedJobIds: readPlannedJobIds(dir), warnings };
}
