import type { Job } from './types.js';

/** One of `count` parts of a plan, as written in `--shard k/n`; `index` is 1-based like `k`. */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `k/n` (1 ≤ k ≤ n). Throws an Error whose message is fit to show the user. */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (match === null) throw new Error(`a shard is written k/n, e.g. 2/4 for the second of four parts; got "${text}"`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1) throw new Error(`a shard count must be at least 1; got "${text}"`);
  if (index < 1 || index > count) throw new Error(`shard k/n needs 1 ≤ k ≤ n; got "${text}" (shards of ${count} are 1/${count} to ${count}/${count})`);
  return { index, count };
}

/**
 * The jobs of one shard, in plan order. Jobs are ranked by job_id and dealt out round-robin, so
 * the shards partition the plan (every job in exactly one), their sizes differ by at most one, and
 * every machine computes the same split from the same suite. Job ids are SHA-256 prefixes, so the
 * ranking is a shuffle: each shard gets a fair mix of cases, relays and budgets rather than a
 * slice of the case-major plan. All shards must be planned from the same suite and options.
 */
export function selectShard<T extends Pick<Job, 'jobId'>>(jobs: readonly T[], shard: Shard): T[] {
  const ranked = jobs.map((job) => job.jobId).sort();
  const mine = new Set(ranked.filter((_, rank) => rank % shard.count === shard.index - 1));
  return jobs.filter((job) => mine.has(job.jobId));
}
