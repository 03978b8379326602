import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { mergeConflict, mergeManifests, sortInPlanOrder, suitePlanned } from '../runfolder/merge.js';
import { readRunFolder, type RunFolder } from '../runfolder/read.js';
import { fileSystemError } from '../errors/index.js';
import { claimEmptyFolder } from '../runfolder/claimFolder.js';
import { formatSummaryTable } from '../report/consoleSummary.js';
import { openRequestsCsv } from '../runfolder/requestsCsv.js';
import { summarize } from '../analysis/summary.js';
import { writeFileAtomic, writeRunJson, writeSummaryCsv } from '../runfolder/write.js';
import { CliError, EXIT } from './exitCodes.js';
import { RUN_FILES } from '../runfolder/names.js';

/**
 * `merge --out <folder>`: the new run folder for the merged shards; it must not exist or be empty,
 * else RelaybenchError cause `run-folder` (exit 2, docs/exit-codes.md).
 */
export interface MergeCommandOptions {
  out: string;
}

/** details.jsonl of every shard, one after the other; lines are keyed by job_id, so order is free. */
function concatenatedDetails(shards: RunFolder[]): string {
  return shards
    .map((shard) => join(shard.dir, RUN_FILES.details))
    .filter((path) => existsSync(path))
    .map((path) => readFileSync(path, 'utf8'))
    .map((text) => (text === '' || text.endsWith('\n') ? text : `${text}\n`))
    .join('');
}

/**
 * The shards' plan.json lists joined, so the merged folder knows its whole plan (resume compares
 * against it). Undefined when a shard has none, rather than a plan that silently lacks jobs.
 */
function concatenatedPlans(shards: RunFolder[]): unknown[] | undefined {
  const plans: unknown[] = [];
  for (const shard of shards) {
    const path = join(shard.dir, RUN_FILES.plan);
    if (!existsSync(path)) return undefined;
    let plan: unknown;
    try {
      plan = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new CliError(`${path} is not valid JSON: ${(error as Error).message}`);
    }
    if (!Array.isArray(plan)) throw new CliError(`${path} is not a relaybench plan.json: expected a list of jobs`);
    plans.push(...(plan as unknown[]));
  }
  return plans;
}

/**
 * `relaybench merge <folders…> --out <folder>`: joins the shards of one suite into one run folder
 * with one summary, as if it had run on one machine. Refuses shards of different suites and shards
 * that overlap, naming the folders, before writing anything.
 */
export async function mergeCommand(folders: string[], options: MergeCommandOptions): Promise<number> {
  if (folders.length === 0) throw new CliError('merge needs at least one run folder');
  const shards = folders.map((dir) => readRunFolder(dir, 'merge'));
  for (const warning of shards.flatMap((shard) => shard.warnings)) process.stderr.write(`${warning}\n`);
  const conflict = mergeConflict(shards);
  if (conflict !== undefined) throw new CliError(`cannot merge: ${conflict}`);
  const [first] = shards as [RunFolder, ...RunFolder[]];
  const plan = concatenatedPlans(shards);

  const outDir = resolve(options.out);
  const lock = claimEmptyFolder(options.out, '--out', 'merge');
  try {
    writeMerged(shards, first, plan, outDir);
  } catch (error) {
    throw fileSystemError(error, 'write', outDir);
  } finally {
    lock.release();
  }
  return EXIT.ok;
}

/** Writes the merged folder's files and prints its summary. */
function writeMerged(shards: RunFolder[], first: RunFolder, plan: unknown[] | undefined, outDir: string): void {
  const rows = sortInPlanOrder(
    shards.flatMap((shard) => shard.rows),
    first.manifest.config,
  );
  const requests = openRequestsCsv(join(outDir, RUN_FILES.requests));
  try {
    for (const row of rows) requests.append(row);
  } finally {
    requests.close();
  }
  writeFileAtomic(join(outDir, RUN_FILES.details), concatenatedDetails(shards));
  // Raw captures are named by job id, which no two shards share: they sit side by side.
  for (const shard of shards) {
    const captures = join(shard.dir, RUN_FILES.captures);
    if (existsSync(captures)) cpSync(captures, join(outDir, RUN_FILES.captures), { recursive: true });
  }
  if (plan !== undefined) writeFileAtomic(join(outDir, RUN_FILES.plan), JSON.stringify(plan));
  const summary = summarize(rows, first.manifest.config.relays?.map((relay) => relay.name) ?? []);
  writeSummaryCsv(outDir, summary);
  writeRunJson(outDir, mergeManifests(shards, rows));

  const planned = suitePlanned(first.manifest);
  process.stdout.write(`${formatSummaryTable(summary)}\n\n`);
  process.stdout.write(
    `Merged ${shards.length} run folder(s), ${rows.length} of ${planned} planned jobs, into ${relative(process.cwd(), outDir) || '.'}/ ` +
      '(requests.csv, details.jsonl, summary.csv, run.json)\n',
  );
  if (rows.length < planned) {
    process.stderr.write(
      `Warning: ${planned - rows.length} planned jobs are in none of these folders: is a shard missing or interrupted? \`relaybench gate\` fails on it unless --allow-incomplete.\n`,
    );
  }
}
