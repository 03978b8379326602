import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseRunManifestLenient, type RunManifest } from '../../analysis/index.js';
import type { JobDetail } from '../../runfolder/details.js';
import type { RequestRow } from '../../runfolder/columns.js';
import { readRequestRows } from '../../runfolder/requestsCsv.js';
import { isShownInGrid } from './caseGrid.js';

/**
 * A run folder as the report reads it: requests.csv rows (answers only for the jobs the grid
 * shows), details.jsonl entries (unparseable lines skipped), run.json, and the bytes of a torn last
 * line and the duplicate job rows left out (docs/run-folder.md).
 */
export interface RunFolder {
  rows: RequestRow[];
  details: JobDetail[];
  manifest: RunManifest;
  /** Bytes of a last requests.csv line cut by a crash, left out of the report. */
  tornBytes: number;
  /** Rows left out because their job_id was already read: each job is counted once. */
  duplicateRows: number;
}

/**
 * One JSON object per line, read as a stream. A crash can leave the last line cut short; such a
 * line (or any that does not parse) is skipped rather than failing the report, since details only
 * add evidence. Thought summaries are kept only for the jobs the grid shows (`withText`).
 */
async function readJsonLines(path: string, withText: ReadonlySet<string>): Promise<JobDetail[]> {
  if (!existsSync(path)) return [];
  const details: JobDetail[] = [];
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      continue;
    }
    if (typeof value !== 'object' || value === null || typeof (value as JobDetail).job_id !== 'string') continue;
    const detail = value as JobDetail;
    details.push(withText.has(detail.job_id) ? detail : { ...detail, thought_text: undefined });
  }
  return details;
}

function readManifest(path: string): RunManifest {
  if (!existsSync(path)) return {};
  try {
    return parseRunManifestLenient(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return {};
  }
}

/**
 * Text only the grid shows (the analysis and charts read none of it), and the two per-request
 * identifiers nothing in the report reads: read only for the rows the grid shows.
 */
const GRID_ONLY_COLUMNS = ['answer', 'grader_reason', 'error_message', 'response_id', 'started_at'] as const;

/**
 * Reads a run folder for the report. Only requests.csv is required (the caller checks it exists):
 * details.jsonl and run.json add evidence and context but a merged or hand-made folder may lack them.
 * Answers and thought summaries are read only for the repeats the grid shows, so a run of 100,000
 * jobs costs a few hundred bytes per job here, not the whole of its text.
 */
export async function readRunFolder(runDir: string): Promise<RunFolder> {
  const { rows, tornBytes, duplicateRows } = await readRequestRows(join(runDir, 'requests.csv'), { omitColumns: GRID_ONLY_COLUMNS, keepOmittedFor: isShownInGrid });
  const withText = new Set(rows.filter(isShownInGrid).map((row) => String(row.job_id)));
  return { rows, details: await readJsonLines(join(runDir, 'details.jsonl'), withText), manifest: readManifest(join(runDir, 'run.json')), tornBytes, duplicateRows };
}
