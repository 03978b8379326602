import { FlagError } from '../errors/index.js';
import type { Job } from './types.js';

/** One of `count` parts of a plan, as written in `--shard k/n`; `index` is 1-based like `k`. */
export interface Shard {
  index: number;
  count: number;
}

/** What `--shard` accepts, for its error message. */
export const SHARD_ACCEPTS = 'k/n with whole numbers 1 ≤ k ≤ n, e.g. 2/4 for the second of four parts';

/** Parses `k/n` (1 ≤ k ≤ n). Throws a {@link FlagError} for `--shard` naming what it got. */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (match === null) throw new FlagError('--shard', text, SHARD_ACCEPTS);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || index < 1 || index > count || !Number.isSafeInteger(count)) throw new FlagError('--shard', text, SHARD_ACCEPTS);
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
