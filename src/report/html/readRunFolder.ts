import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRunManifestLenient, type RunManifest } from '../../analysis/index.js';
import type { RequestRow } from '../../runfolder/columns.js';
import { readRunTable, type ReadTable } from '../../runfolder/readTable.js';
import type { DetailLookup, RunTable } from '../../runfolder/table.js';
import { REPORT_TABLE } from './gridRows.js';
import { RUN_FILES } from '../../runfolder/names.js';

/**
 * A run folder as the report reads it: requests.csv rows (answers only for the jobs the grid
 * shows), details.jsonl entries (unparseable lines skipped), run.json, and the bytes of a torn last
 * line and the duplicate job rows left out (docs/run-folder.md).
 */
export interface RunFolder {
  /** The rows (one per job) and their details, in columns. */
  table: RunTable;
  /** Views of the table's rows, for the analyses that take an array. */
  rows: RequestRow[];
  /** details.jsonl's record of a row (the table's join by job_id). */
  details: DetailLookup;
  manifest: RunManifest;
  /** Bytes of a last requests.csv line cut by a crash, left out of the report. */
  tornBytes: number;
  /** Rows left out because their job_id was already read: each job is counted once. */
  duplicateRows: number;
}

function readManifest(path: string): RunManifest {
  if (!existsSync(path)) return {};
  try {
    return parseRunManifestLenient(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return {};
  }
}

/** A RunFolder of a table already in memory (a run's live table) and the run.json beside it. */
export function runFolderOf(runDir: string, read: ReadTable): RunFolder {
  const { table, tornBytes, duplicateRows } = read;
  return { table, rows: table.rows(), details: (row) => table.detailOf(row), manifest: readManifest(join(runDir, RUN_FILES.manifest)), tornBytes, duplicateRows };
}

/**
 * Reads a run folder for the report: requests.csv and details.jsonl once each, streamed into a
 * RunTable (REPORT_TABLE). Only requests.csv is required (the caller checks it exists):
 * details.jsonl and run.json add evidence and context but a merged or hand-made folder may lack them.
 */
export async function readRunFolder(runDir: string): Promise<RunFolder> {
  return runFolderOf(runDir, await readRunTable(runDir, REPORT_TABLE));
}
