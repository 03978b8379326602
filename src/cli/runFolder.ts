import { existsSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Job } from '../plan/types.js';
import { REQUEST_COLUMNS } from '../report/columns.js';
import { csvLine, readRequestsCsv } from '../report/requestsCsv.js';
import { writeFileAtomic } from '../report/writeRun.js';
import { explainPlanChange, toPlannedJobs, type PlannedJob } from '../run/planFile.js';
import { CliError } from './exitCodes.js';

export interface RunFolder {
  outDir: string;
  runId: string;
  /** Jobs that still need a row. */
  remaining: Job[];
  /** Rows kept from before a resume. */
  keptRows: number;
}

/** `2026-11-22T00-07-20Z`: sortable, and safe as a folder name on every OS. */
export function utcStamp(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
}

/** A fresh run folder: refuses to mix two runs in one requests.csv. */
export function createRunFolder(suiteName: string, jobs: Job[], out: string | undefined, startedAt: Date): RunFolder {
  const outDir = resolve(out ?? join('results', suiteName, utcStamp(startedAt)));
  if (existsSync(join(outDir, 'requests.csv'))) {
    throw new CliError(`${outDir} already holds a run (requests.csv exists). Choose another --out, or continue it with --resume ${outDir}.`);
  }
  mkdirSync(outDir, { recursive: true });
  writeFileAtomic(join(outDir, 'plan.json'), JSON.stringify(toPlannedJobs(jobs)));
  return { outDir, runId: `${utcStamp(startedAt)}-${process.pid.toString(36)}`, remaining: jobs, keptRows: 0 };
}

/**
 * Reopens a run folder to finish it. Checks the plan still matches (else explains what changed
 * and refuses unless forced), cuts a torn last line left by a crash, drops rows of jobs that were
 * skipped (never sent) so they run now, and returns the jobs that have no row yet.
 */
export function resumeRunFolder(dir: string, jobs: Job[], force: boolean): RunFolder {
  const outDir = resolve(dir);
  const requestsPath = join(outDir, 'requests.csv');
  if (!existsSync(requestsPath)) throw new CliError(`cannot resume ${outDir}: it has no requests.csv. Give the folder of an earlier run.`);
  const planPath = join(outDir, 'plan.json');
  const current = toPlannedJobs(jobs);
  const saved = existsSync(planPath) ? (JSON.parse(readFileSync(planPath, 'utf8')) as PlannedJob[]) : [];
  const changes = explainPlanChange(saved, current);
  if (changes.length > 0 && !force) {
    throw new CliError(`the suite no longer plans the jobs of ${outDir}:\n  ${changes.join('\n  ')}\nRun it into a new folder, or pass --force to keep the old rows and run the new plan's missing jobs.`);
  }
  if (changes.length > 0) writeFileAtomic(planPath, JSON.stringify(current));

  const parsed = readRequestsCsv(requestsPath);
  if (parsed.tornBytes > 0) {
    process.stderr.write(`Cut a torn last line (${parsed.tornBytes} bytes) from ${requestsPath}, left by an interrupted write.\n`);
    truncateSync(requestsPath, parsed.completeBytes);
  }
  const kept = parsed.rows.filter((row) => row.error_kind !== 'skipped');
  if (kept.length < parsed.rows.length) {
    // The writer's own record format, so rewritten and appended rows are alike byte for byte.
    writeFileAtomic(requestsPath, [REQUEST_COLUMNS, ...kept.map((row) => REQUEST_COLUMNS.map((column) => row[column]))].map(csvLine).join(''));
  }
  repairJsonLines(join(outDir, 'details.jsonl'));
  const finished = new Set(kept.map((row) => row.job_id));
  const runId = typeof kept[0]?.run_id === 'string' ? kept[0].run_id : `${utcStamp(new Date())}-${process.pid.toString(36)}`;
  return { outDir, runId, remaining: jobs.filter((job) => !finished.has(job.jobId)), keptRows: kept.length };
}

/** details.jsonl is a sidecar: a torn last line is simply dropped. */
function repairJsonLines(path: string): void {
  if (!existsSync(path)) return;
  const text = readFileSync(path, 'utf8');
  const end = text.lastIndexOf('\n') + 1;
  if (end < text.length) writeFileSync(path, text.slice(0, end));
}
