import type { RequestRow } from './columns.js';
import type { RunFolder } from './read.js';
import type { RelayStats, RunManifest } from './manifest.js';
import { mergeJudgeRecords } from './mergeJudge.js';

const MAX_NAMED_OVERLAPS = 3;

/** The whole suite's job count: a filtered run (`--relay`, `--case`…) records it apart from its own slice's. */
export function suitePlanned(manifest: RunManifest): number {
  const recorded = (manifest as { filter?: { suitePlanned?: unknown } }).filter?.suitePlanned;
  return typeof recorded === 'number' ? recorded : manifest.counts.planned;
}

function suiteMismatch(first: RunFolder, other: RunFolder): string | undefined {
  const describe = ({ manifest }: RunFolder): string => `suite "${manifest.suite.name}" with ${suitePlanned(manifest)} planned jobs`;
  if (describe(first) === describe(other)) return undefined;
  return `${other.dir} is a run of ${describe(other)}, but ${first.dir} is a run of ${describe(first)}: shards must come from the same suite, run with the same options`;
}

function overlapMessage(shards: RunFolder[]): string | undefined {
  const ownerOf = new Map<string, number>();
  const overlaps: Array<{ jobId: string; first: number; second: number }> = [];
  shards.forEach((shard, index) => {
    for (const row of shard.rows) {
      const jobId = String(row.job_id);
      const owner = ownerOf.get(jobId);
      if (owner === undefined) ownerOf.set(jobId, index);
      else if (owner !== index) overlaps.push({ jobId, first: owner, second: index });
    }
  });
  const [firstOverlap] = overlaps;
  if (firstOverlap === undefined) return undefined;
  const named = overlaps
    .slice(0, MAX_NAMED_OVERLAPS)
    .map((overlap) => overlap.jobId)
    .join(', ');
  const more = overlaps.length > MAX_NAMED_OVERLAPS ? ` and ${overlaps.length - MAX_NAMED_OVERLAPS} more` : '';
  const firstDir = shards[firstOverlap.first]?.dir;
  const secondDir = shards[firstOverlap.second]?.dir;
  return `${firstDir} and ${secondDir} both hold job ${named}${more}: each job must be in exactly one shard (were two shards run with the same --shard k/n?)`;
}

/**
 * Why these folders cannot be joined into one run, or undefined when they can: shards of different
 * suites (name and planned job count differ) or shards that hold the same job. Pure.
 */
export function mergeConflict(shards: RunFolder[]): string | undefined {
  const [first, ...others] = shards;
  if (first === undefined) return 'nothing to merge: name at least one run folder';
  for (const other of others) {
    const mismatch = suiteMismatch(first, other);
    if (mismatch !== undefined) return mismatch;
  }
  return overlapMessage(shards);
}

/**
 * Rows in the order the suite plans its jobs (case, relay, thinking setting, repeat), so a merge
 * gives the same files whatever order the shards are named in. Rows the config does not know
 * keep their relative order at the end.
 */
export function sortInPlanOrder(rows: RequestRow[], config: RunManifest['config']): RequestRow[] {
  const rankIn = (list: readonly string[]) => {
    const ranks = new Map(list.map((value, index) => [value, index]));
    return (value: unknown): number => ranks.get(String(value ?? '')) ?? Number.MAX_SAFE_INTEGER;
  };
  const caseRank = rankIn(config.cases.map((testCase) => testCase.id));
  const relayRank = rankIn(config.relays.map((relay) => relay.name));
  const budgetRank = rankIn(config.thinkingBudgets.map(String));
  const levelRank = rankIn(config.thinkingLevels);
  const keyOf = (row: RequestRow): number[] => [
    caseRank(row.case_id),
    relayRank(row.relay),
    row.thinking_level === undefined ? budgetRank(row.thinking_budget) : levelRank(row.thinking_level),
    Number(row.repeat ?? 0),
  ];
  const keyed = rows.map((row) => ({ row, key: keyOf(row) }));
  keyed.sort((left, right) => {
    for (let index = 0; index < left.key.length; index++) {
      const difference = (left.key[index] as number) - (right.key[index] as number);
      if (difference !== 0) return difference;
    }
    return 0;
  });
  return keyed.map(({ row }) => row);
}

function addCounts(into: Record<string, number>, from: Record<string, number>): Record<string, number> {
  const sum = { ...into };
  for (const [key, count] of Object.entries(from)) sum[key] = (sum[key] ?? 0) + count;
  return sum;
}

function sumRelayStats(manifests: RunManifest[]): Record<string, RelayStats> {
  const byRelay: Record<string, RelayStats> = {};
  for (const manifest of manifests) {
    for (const [relay, stats] of Object.entries(manifest.relays)) {
      const sum = byRelay[relay] ?? { completed: 0, retryWaitMs: 0, errorsByKind: {}, modelVersions: {} };
      byRelay[relay] = {
        completed: sum.completed + stats.completed,
        retryWaitMs: sum.retryWaitMs + stats.retryWaitMs,
        errorsByKind: addCounts(sum.errorsByKind, stats.errorsByKind),
        modelVersions: addCounts(sum.modelVersions, stats.modelVersions),
      };
    }
  }
  return byRelay;
}

/**
 * The merged run's `spendingCap`: each shard ran with its own `--max-cost`, so caps and spending
 * are summed, and it was reached when any shard stopped at its cap (its missing jobs are then
 * "spending cap", not "no row", at the completeness gate). Undefined when no shard had a cap.
 */
function mergeSpendingCaps(manifests: RunManifest[]): RunManifest['spendingCap'] {
  const caps = manifests.flatMap((manifest) => (manifest.spendingCap === undefined ? [] : [manifest.spendingCap]));
  if (caps.length === 0) return undefined;
  const sum = (values: number[]): number => Number(values.reduce((total, value) => total + value, 0).toPrecision(12));
  return {
    capUsd: sum(caps.map((cap) => cap.capUsd)),
    spentUsd: sum(caps.map((cap) => cap.spentUsd)),
    reached: caps.some((cap) => cap.reached),
  };
}

/**
 * `run.json` of the merged run: suite and config from the first shard (they are the same suite),
 * counts from the merged rows, relay statistics summed, the span from the earliest start to the
 * latest end, spending caps summed (see mergeSpendingCaps), and `mergedFrom` naming each shard. `counts.planned` is the suite's plan, which
 * every shard records alike, so it is kept, not summed. Pure.
 */
export function mergeManifests(shards: RunFolder[], rows: RequestRow[]): Record<string, unknown> {
  const manifests = shards.map((shard) => shard.manifest);
  const first = manifests[0];
  if (first === undefined) throw new Error('mergeManifests needs at least one shard');
  const startedAt = manifests.map((manifest) => manifest.startedAt).sort()[0] as string;
  const endedAt = manifests
    .map((manifest) => manifest.endedAt)
    .sort()
    .at(-1) as string;
  const ok = rows.filter((row) => row.status === 'ok').length;
  // Filtered parts merge into the whole suite's run: its plan, and no filter.
  const { filter: _filter, ...unfiltered } = first as RunManifest & { filter?: unknown };
  return {
    ...unfiltered,
    runId: `${first.runId}-merged`,
    startedAt,
    endedAt,
    durationS: Math.round((Date.parse(endedAt) - Date.parse(startedAt)) / 100) / 10,
    interrupted: manifests.some((manifest) => manifest.interrupted),
    counts: { planned: suitePlanned(first), rows: rows.length, ok, errors: rows.length - ok },
    relays: sumRelayStats(manifests),
    // The judge's calls and spend are the parts' together (undefined: no part had a judge; the key is then left out).
    judge: mergeJudgeRecords(manifests.map((manifest) => manifest.judge)),
    spendingCap: mergeSpendingCaps(manifests),
    // The shards joined (a merge of merges keeps its shards'), so gate can name a lost one.
    shard: undefined,
    shards: manifests.flatMap((manifest) => manifest.shards ?? (manifest.shard === undefined ? [] : [{ index: manifest.shard.index, count: manifest.shard.count }])),
    mergedFrom: shards.map((shard) => ({ dir: shard.dir, runId: shard.manifest.runId, rows: shard.rows.length })),
  };
}
