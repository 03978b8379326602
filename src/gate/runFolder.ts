import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CliError } from '../cli/exitCodes.js';
import type { RequestRow } from '../report/columns.js';
import { readRequestsCsv } from '../report/requestsCsv.js';

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
  counts: z.object({ planned: z.number(), rows: z.number(), ok: z.number(), errors: z.number() }),
  relays: z.record(z.string(), relayStatsSchema),
  config: z.looseObject({
    ci: ciGatesSchema.default({}),
    thinkingBudgets: z.array(z.number()),
    thinkingLevels: z.array(z.string()),
    cases: z.array(z.looseObject({ id: z.string() })),
    relays: z.array(z.looseObject({ name: z.string() })),
  }),
});

export type RunManifest = z.infer<typeof runManifestSchema>;
export type RelayStats = z.infer<typeof relayStatsSchema>;

export interface RunFolder {
  dir: string;
  manifest: RunManifest;
  rows: RequestRow[];
}

/** Reads `run.json`; anything missing or malformed is a usage error (exit 2) naming the folder. */
export function readRunManifest(dir: string): RunManifest {
  const path = join(dir, 'run.json');
  if (!existsSync(path)) throw new CliError(`${dir} has no run.json: is it a relaybench run folder?`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CliError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = runManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliError(`${path} is not a relaybench run.json: ${issue?.path.join('.') || '(top level)'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** Reads `requests.csv`. A line torn by a crash is left out, as a resume would. */
export function readRunRows(dir: string): RequestRow[] {
  const path = join(dir, 'requests.csv');
  if (!existsSync(path)) throw new CliError(`${dir} has no requests.csv: is it a relaybench run folder?`);
  let rows: RequestRow[];
  try {
    rows = readRequestsCsv(path).rows;
  } catch (error) {
    throw new CliError(`${path} cannot be read as CSV: ${(error as Error).message}`);
  }
  if (rows.some((row) => row.job_id === undefined || row.relay === undefined || row.case_id === undefined)) {
    throw new CliError(`${path} is not a relaybench requests.csv: rows without job_id, relay or case_id`);
  }
  return rows;
}

export function readRunFolder(dir: string): RunFolder {
  return { dir, manifest: readRunManifest(dir), rows: readRunRows(dir) };
}
