/**
 * `run.json`: one schema (docs/run-folder.md describes each field), read two ways. `gate`, `merge`
 * and `--baseline` read it strictly (`readRunManifest`: a missing or malformed field is a usage
 * error naming it); the report reads it leniently (`parseRunManifestLenient`: a malformed section
 * is dropped, the rest kept), since a report is most wanted exactly when a run went wrong.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { fileSystemError, RelaybenchError } from '../errors/index.js';
import { RUN_FILES } from './names.js';

/** One relay's counts in run.json's `relays`. */
const relayStatsSchema = z.object({
  completed: z.number(),
  retryWaitMs: z.number(),
  errorsByKind: z.record(z.string(), z.number()),
  modelVersions: z.record(z.string(), z.number()),
});

/** The suite's `ci:` gates as run.json records them. */
const ciGatesSchema = z.object({
  minPassRate: z.number().exactOptional(),
  maxErrorRate: z.number().exactOptional(),
  maxTtftP90Ms: z.number().exactOptional(),
  maxFirstAnswerP90Ms: z.number().exactOptional(),
  maxTotalP90Ms: z.number().exactOptional(),
  failOnFlip: z.boolean().exactOptional(),
  allowIncomplete: z.boolean().exactOptional(),
});

/** A relay as run.json's config records it (key and credential headers already redacted). */
const relayConfigSchema = z.looseObject({
  name: z.string(),
  preset: z.string().nullish(),
  emulator: z.string().nullish(),
  model: z.string().nullish(),
  stream: z.string().nullish(),
  reference: z.boolean().nullish(),
});

/** The whole of `run.json`; loose, so fields a newer version adds survive a merge untouched. */
export const runManifestSchema = z.looseObject({
  runId: z.string(),
  suite: z.looseObject({ name: z.string(), file: z.string().optional(), description: z.string().nullish() }),
  startedAt: z.string(),
  endedAt: z.string(),
  durationS: z.number().optional(),
  interrupted: z.boolean(),
  /** A shard's own run.json: which slice of the plan it ran. */
  shard: z.object({ index: z.number(), count: z.number() }).loose().optional(),
  /** A merged run.json: the shards it joined. */
  shards: z.array(z.object({ index: z.number(), count: z.number() })).optional(),
  counts: z.object({ planned: z.number(), rows: z.number(), ok: z.number(), errors: z.number() }),
  /** `--max-cost`: the cap, what was spent, and whether it stopped the run. */
  spendingCap: z.object({ capUsd: z.number(), spentUsd: z.number(), reached: z.boolean() }).loose().optional(),
  relays: z.record(z.string(), relayStatsSchema),
  /** The harness watching itself during the run (src/run/selfMonitor.ts). */
  harness: z
    .object({
      eventLoopDelayMs: z.object({ p50: z.number(), p99: z.number(), max: z.number() }),
      cpu: z.object({ coreShare: z.number() }).partial(),
      concurrency: z.number(),
      boundMs: z.number(),
      warning: z.string(),
    })
    .partial()
    .optional(),
  /** What the run's judge did (src/run/judging.ts JudgeReport); only the report's Judge section reads it. */
  judge: z
    .object({
      relay: z.string(),
      model: z.string(),
      repeats: z.number(),
      calls: z.number(),
      failedCalls: z.record(z.string(), z.number()),
      tokens: z.object({ prompt: z.number(), thought: z.number(), answer: z.number() }).partial(),
      costUsd: z.number().nullable(),
      decided: z.number(),
      undecided: z.number(),
      reused: z.number(),
      meanAgreement: z.number().nullable(),
      template: z.object({ source: z.string(), sha256: z.string() }).partial(),
    })
    .partial()
    .optional(),
  config: z.looseObject({
    ci: ciGatesSchema.default({}),
    thinkingBudgets: z.array(z.number()),
    thinkingLevels: z.array(z.string()),
    cases: z.array(z.looseObject({ id: z.string() })),
    relays: z.array(relayConfigSchema),
    model: z.string().optional(),
    includeThoughts: z.boolean().optional(),
    repeats: z.number().optional(),
    seed: z.number().optional(),
    generationConfig: z.record(z.string(), z.unknown()).optional(),
  }),
});

/** A whole `run.json`, as `readRunManifest` returns it. */
export type RunManifest = z.infer<typeof runManifestSchema>;
/** The sections of run.json whose own fields the lenient reader keeps one by one. */
type NestedSection = 'suite' | 'counts' | 'config';
/** `run.json` read leniently: each section, and each field of `suite`, `counts` and `config`, present only when it parsed. */
export type LenientRunManifest = { [K in Exclude<ManifestKey, NestedSection>]?: RunManifest[K] } & { [K in NestedSection]?: Partial<RunManifest[K]> };
/** The fields run.json's schema names (its objects are loose: others may be present too). */
type ManifestKey = keyof typeof runManifestSchema.shape;
/** One relay's counts in `run.json`'s `relays`. */
export type RelayStats = z.infer<typeof relayStatsSchema>;

/** Which shards of a sharded suite a folder holds (from run.json). */
export interface ShardCoverage {
  /** n of `--shard k/n`. */
  count: number;
  /** The k of each shard present. */
  present: number[];
  /** True for a `merge` of shards, false for one shard's own folder. */
  merged: boolean;
}

const usage = (message: string): RelaybenchError => new RelaybenchError(message, 'run-folder');

/** Reads `run.json`; anything missing or malformed is a usage error (exit 2) naming the folder. */
export function readRunManifest(dir: string): RunManifest {
  const path = join(dir, RUN_FILES.manifest);
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

/**
 * Keeps the fields of `value` that parse on their own against `shape` (`{}` when `value` is not
 * an object).
 */
function fieldByField(shape: Readonly<Record<string, z.ZodType>>, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return {};
  const kept: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape)) {
    const parsed = field.safeParse((value as Record<string, unknown>)[key]);
    if (parsed.success && parsed.data !== undefined) kept[key] = parsed.data;
  }
  return kept;
}

const NESTED: Readonly<Record<NestedSection, z.ZodObject>> = {
  suite: runManifestSchema.shape.suite,
  counts: runManifestSchema.shape.counts,
  config: runManifestSchema.shape.config,
};

/**
 * Reads `run.json` leniently (the report's way): the whole file when it matches the schema, else
 * each section that parses on its own, and of `suite`, `counts` and `config` each field that does;
 * `{}` for anything that is not an object. Never throws.
 */
export function parseRunManifestLenient(json: unknown): LenientRunManifest {
  const whole = runManifestSchema.safeParse(json);
  if (whole.success) return whole.data;
  const manifest = fieldByField(runManifestSchema.shape, json);
  for (const [key, schema] of Object.entries(NESTED)) {
    if (manifest[key] !== undefined) continue;
    const fields = fieldByField(schema.shape, (json as Record<string, unknown> | null)?.[key]);
    if (Object.keys(fields).length > 0) manifest[key] = fields;
  }
  return manifest as LenientRunManifest;
}
