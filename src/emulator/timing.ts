import type { PlannedChunk } from './chunks.js';
import type { Profile } from './profiles.js';
import type { Random } from './random.js';

/** When each part of a response is due, in ms after the request was received. */
export interface TimingPlan {
  headersAtMs: number;
  /** Non-decreasing, one per chunk. */
  chunkAtMs: number[];
}

/** The slowest a jittered token rate may fall to, as a share of the profile's rate. */
const MIN_RATE_SHARE = 0.2;

/**
 * Headers after a log-normal delay, the first content after a log-normal prefill, then each chunk
 * after the time its tokens take at a rate jittered per chunk. `promptPrefillMs` adds the time to
 * read the uncached part of a long prompt (see implicitCache.ts). Planned up front so that timing
 * is part of what a seed reproduces, and so the server needs one timer per chunk at most.
 */
export function planTiming(profile: Profile, chunks: readonly PlannedChunk[], random: Random, promptPrefillMs = 0): TimingPlan {
  const headersAtMs = random.logNormal(profile.headersMs.medianMs, profile.headersMs.sigma);
  let atMs = headersAtMs + random.logNormal(profile.prefillMs.medianMs, profile.prefillMs.sigma) + promptPrefillMs;
  const jittered = (tokensPerS: number): number => tokensPerS * Math.max(MIN_RATE_SHARE, 1 + profile.rateJitter * random.normal());
  const chunkAtMs = chunks.map((chunk) => {
    if (chunk.newThoughtTokens > 0) atMs += (1000 * chunk.newThoughtTokens) / jittered(profile.thinkingTokensPerS);
    if (chunk.newAnswerTokens > 0) atMs += (1000 * chunk.newAnswerTokens) / jittered(profile.answerTokensPerS);
    return atMs;
  });
  if (profile.fakeStream) {
    // The whole answer is produced first and then flushed at once: every chunk is due at the end.
    const endMs = chunkAtMs.at(-1) ?? atMs;
    return { headersAtMs, chunkAtMs: chunkAtMs.map(() => endMs) };
  }
  return { headersAtMs, chunkAtMs };
}
