import type { Redactor } from '../client/redact.js';
import { REDACTED } from '../client/redact.js';
import type { RelayRunStats } from '../runfolder/details.js';
import type { Suite } from '../suite/types.js';

/** Header names whose values are credentials, whatever the relay calls them. */
const SECRET_HEADER = /^(authorization|x-goog-api-key|x-api-key|api-key|proxy-authorization|cookie)$/i;

/**
 * What `buildRunManifest` turns into run.json (docs/run-folder.md#runjson): the suite, run id,
 * session start/end as ISO 8601 UTC strings, counts (planned jobs of the whole plan, rows in
 * requests.csv at the end, `ok`, `errors`), whether a signal interrupted it, per-relay stats,
 * versions (`relaybench`, `node`, `platform`), the redactor applied to every string, and `extra`
 * fields (harness, filter, warmup, capture, shard, prices, spendingCap, judge, load) merged at the top level.
 */
export interface RunManifestInput {
  suite: Suite;
  runId: string;
  startedAtIso: string;
  endedAtIso: string;
  planned: number;
  /** Rows in requests.csv at the end (including rows from before a resume). */
  rows: number;
  ok: number;
  errors: number;
  interrupted: boolean;
  byRelay: Record<string, RelayRunStats>;
  versions: Record<string, string>;
  redact: Redactor;
  extra?: Record<string, unknown>;
}

/**
 * `run.json`: what ran and with which resolved configuration, so a result can be explained months
 * later. Keys never appear: `apiKey` and credential headers are replaced, and every string passes
 * through the redactor in case a key hides in a URL or a custom header.
 */
export function buildRunManifest(input: RunManifestInput): Record<string, unknown> {
  const { suite } = input;
  const relays = suite.relays.map((relay) => ({
    ...relay,
    apiKey: relay.apiKey === undefined ? undefined : REDACTED,
    headers: Object.fromEntries(Object.entries(relay.headers).map(([name, value]) => [name, SECRET_HEADER.test(name) ? REDACTED : value])),
    proxy: relay.proxy === undefined ? undefined : relay.proxy.replace(/\/\/[^@/]*@/, `//${REDACTED}@`),
  }));
  const manifest = {
    runId: input.runId,
    suite: { name: suite.name, file: suite.file, description: suite.description },
    startedAt: input.startedAtIso,
    endedAt: input.endedAtIso,
    durationS: Math.round((Date.parse(input.endedAtIso) - Date.parse(input.startedAtIso)) / 100) / 10,
    interrupted: input.interrupted,
    counts: { planned: input.planned, rows: input.rows, ok: input.ok, errors: input.errors },
    relays: input.byRelay,
    config: {
      model: suite.model,
      thinkingBudgets: suite.thinkingBudgets,
      thinkingLevels: suite.thinkingLevels,
      includeThoughts: suite.includeThoughts,
      repeats: suite.repeats,
      concurrency: suite.concurrency,
      seed: suite.seed,
      systemInstruction: suite.systemInstruction,
      generationConfig: suite.generationConfig,
      ...suite.request,
      ci: suite.ci,
      cases: suite.cases.map((testCase) => ({ id: testCase.id, expect: testCase.expect, tags: testCase.tags })),
      relays,
    },
    versions: input.versions,
    ...input.extra,
  };
  return JSON.parse(input.redact(JSON.stringify(manifest))) as Record<string, unknown>;
}
