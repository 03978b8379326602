import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRunManifest, type RunManifest } from '../../analysis/index.js';
import type { JobDetail } from '../../run/runner.js';
import type { RequestRow } from '../columns.js';
import { readRequestsCsv } from '../requestsCsv.js';

export interface RunFolder {
  rows: RequestRow[];
  details: JobDetail[];
  manifest: RunManifest;
  /** Bytes of a last requests.csv line cut by a crash, left out of the report. */
  tornBytes: number;
}

/**
 * One JSON object per line. A crash can leave the last line cut short; such a line (or any that
 * does not parse) is skipped rather than failing the report, since details only add evidence.
 */
function readJsonLines(path: string): JobDetail[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((line) => {
      if (line.trim() === '') return [];
      try {
        const value: unknown = JSON.parse(line);
        return typeof value === 'object' && value !== null && typeof (value as JobDetail).job_id === 'string' ? [value as JobDetail] : [];
      } catch {
        return [];
      }
    });
}

function readManifest(path: string): RunManifest {
  if (!existsSync(path)) return {};
  try {
    return parseRunManifest(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return {};
  }
}

/**
 * Reads a run folder for the report. Only requests.csv is required (the caller checks it exists):
 * details.jsonl and run.json add evidence and context but a merged or hand-made folder may lack them.
 */
export function readRunFolder(runDir: string): RunFolder {
  const { rows, tornBytes } = readRequestsCsv(join(runDir, 'requests.csv'));
  return { rows, details: readJsonLines(join(runDir, 'details.jsonl')), manifest: readManifest(join(runDir, 'run.json')), tornBytes };
}
