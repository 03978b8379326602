import { z } from 'zod';

/**
 * The parts of `run.json` the analysis and the report read. Every field is optional: a report must
 * still build from a folder written by an older version, or merged from shards, or one whose
 * run.json is missing, and then says less rather than nothing.
 */
const relayConfigSchema = z.object({
  name: z.string(),
  preset: z.string().nullish(),
  emulator: z.string().nullish(),
  model: z.string().nullish(),
  stream: z.string().nullish(),
  reference: z.boolean().nullish(),
});

const relayStatsSchema = z.object({
  completed: z.number().optional(),
  retryWaitMs: z.number().optional(),
  errorsByKind: z.record(z.string(), z.number()).optional(),
  modelVersions: z.record(z.string(), z.number()).optional(),
});

const runManifestSchema = z.object({
  runId: z.string().optional(),
  suite: z.object({ name: z.string().optional(), file: z.string().optional(), description: z.string().nullish() }).optional(),
  startedAt: z.string().optional(),
  endedAt: z.string().optional(),
  durationS: z.number().optional(),
  interrupted: z.boolean().optional(),
  counts: z.object({ planned: z.number(), rows: z.number(), ok: z.number(), errors: z.number() }).partial().optional(),
  relays: z.record(z.string(), relayStatsSchema).optional(),
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
  config: z
    .object({
      model: z.string(),
      thinkingBudgets: z.array(z.number()),
      thinkingLevels: z.array(z.string()),
      includeThoughts: z.boolean(),
      repeats: z.number(),
      seed: z.number(),
      ci: z.object({ minPassRate: z.number(), maxErrorRate: z.number(), maxTtftP90Ms: z.number(), maxFirstAnswerP90Ms: z.number(), maxTotalP90Ms: z.number() }).partial(),
      cases: z.array(z.object({ id: z.string() })),
      generationConfig: z.record(z.string(), z.unknown()),
      relays: z.array(relayConfigSchema),
    })
    .partial()
    .optional(),
});

export type RunManifest = z.infer<typeof runManifestSchema>;

/**
 * Reads `run.json` leniently: fields of the wrong type are dropped one section at a time instead
 * of failing the whole report, since a report is most wanted exactly when a run went wrong.
 */
export function parseRunManifest(json: unknown): RunManifest {
  const whole = runManifestSchema.safeParse(json);
  if (whole.success) return whole.data;
  if (typeof json !== 'object' || json === null) return {};
  const manifest: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(runManifestSchema.shape)) {
    const parsed = field.safeParse((json as Record<string, unknown>)[key]);
    if (parsed.success && parsed.data !== undefined) manifest[key] = parsed.data;
  }
  return manifest as RunManifest;
}
