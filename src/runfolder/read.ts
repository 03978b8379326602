import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { fileSystemError, RelaybenchError } from '../errors/index.js';
import type { RequestRow } from './columns.js';
import { readRequestsCsv, readWarnings } from './requestsCsv.js';
import { checkRunFolder } from './checkFolder.js';

const relayStatsSchema = z.object({
  completed: z.number(),
  retryWaitMs: z.number(),
  errorsByKind: z.record(z.string(), z.number()),
  modelVersions: z.record(z.string(), z.number()),
});

const ciGatesSchema = z.object({
  minPassRate: z.number().exactOptional(),
  maxErrorRate: z.number().exactOptional(),
  maxTtftP90Ms: z.number().exactOptional(),
  maxFirstAnswerP90Ms: z.number().exactOptional(),
  maxTotalP90Ms: z.number().exactOptional(),
  failOnFlip: z.boolean().exactOptional(),
  allowIncomplete: z.boolean().exactOptional(),
});

/**
 * The parts of `run.json` that gating and merging rely on. Loose, so fields a newer version adds
 * survive a merge untouched.
 */
const runManifestSchema = z.looseObject({
  runId: z.string(),
  suite: z.looseObject({ name: z.string() }),
  startedAt: z.string(),
  endedAt: z.string(),
  interrupted: z.boolean(),
  /** A shard's own run.json: which slice of the plan it ran. */
  shard: z.object({ index: z.number(), count: z.number() }).loose().optional(),
  /** A merged run.json: the shards it joined. */
  shards: z.array(z.object({ index: z.number(), count: z.number() })).optional(),
  counts: z.object({ planned: z.number(), rows: z.number(), ok: z.number(), errors: z.number() }),
  /** `--max-cost`: the cap, what was spent, and whether it stopped the run. */
  spendingCap: z.object({ capUsd: z.number(), spentUsd: z.number(), reached: z.boolean() }).loose().optional(),
  relays: z.record(z.string(), relayStatsSchema),
  config: z.looseObject({
    ci: ciGatesSchema.default({}),
    thinkingBudgets: z.array(z.number()),
    thinkingLevels: z.array(z.string()),
    cases: z.array(z.looseObject({ id: z.string() })),
    relays: z.array(z.looseObject({ name: z.string() })),
  }),
});

/** Which shards of a sharded suite a folder holds (from run.json). */
export interface ShardCoverage {
  /** n of `--shard k/n`. */
  count: number;
  /** The k of each shard present. */
  present: number[];
  /** True for a `merge` of shards, false for one shard's own folder. */
  merged: boolean;
}

export type RunManifest = z.infer<typeof runManifestSchema>;
export type RelayStats = z.infer<typeof relayStatsSchema>;

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

/** Reads `run.json`; anything missing or malformed is a usage error (exit 2) naming the folder. */
export function readRunManifest(dir: string): RunManifest {
  const path = join(dir, 'run.json');
  if (!existsSync(path)) throw usage(`${dir} has no run.json: it is not a finished run folder (a run writes it at the end; finish an interrupted one with --resume).`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const asFileSystem = fileSystemError(error, 'read', path);
    throw asFileSystem instanceof RelaybenchError ? asFileSystem : usage(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = runManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw usage(`${path} is not a relaybench run.json: ${issue?.path.join('.') || '(top level)'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

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
  const path = join(dir, 'requests.csv');
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

/** job_ids of plan.json, or undefined when the folder has none (or it is not a list of jobs). */
function readPlannedJobIds(dir: string): string[] | undefined {
  const path = join(dir, 'plan.json');
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

/**
 * Which shards a folder holds, from its run.json: a shard names itself, a merge lists its shards.
 * Undefined for an unsharded run.
 */
export function shardCoverage(manifest: RunManifest): ShardCoverage | undefined {
  if (manifest.shards !== undefined && manifest.shards.length > 0) {
    const count = manifest.shards[0]?.count ?? 0;
    return { count, present: [...new Set(manifest.shards.map((shard) => shard.index))].sort((a, b) => a - b), merged: true };
  }
  // A merge by an older relaybench copied its first shard's `shard` and listed no `shards`: unknown.
  if (manifest.mergedFrom !== undefined) return undefined;
  if (manifest.shard !== undefined) return { count: manifest.shard.count, present: [manifest.shard.index], merged: false };
  return undefined;
}

/** A finished run folder: run.json, its rows (one per job), its plan's job_ids and the read warnings. */
export function readRunFolder(dir: string, label = 'run folder'): RunFolder {
  const { rows, warnings } = readRunRows(dir, label);
  return { dir, manifest: readRunManifest(dir), rows, plannedJobIds: readPlannedJobIds(dir), warnings };
}
