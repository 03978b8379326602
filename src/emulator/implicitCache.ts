/**
 * Implicit context caching, modelled. Google caches the prefix of Gemini 2.5+ requests by itself:
 * a later request that repeats a long prefix is billed its cached part at the cache price and
 * reports it as `usageMetadata.cachedContentTokenCount`; the minimum prefix is 1,024 tokens for
 * 2.5 Flash and 2,048 for 2.5 Pro (Google, "Gemini 2.5 Models now support implicit caching",
 * developers.googleblog.com, 2025-05-08; https://ai.google.dev/gemini-api/docs/caching).
 *
 * The emulator's model of it (a plausible stand-in, not Google's internals):
 * - the key is the whole prompt text (system instruction and contents) per relay and model, so
 *   repeats and other thinking settings of one case hit, other cases do not;
 * - the first request of a key misses and fills the cache, which lasts as long as the server;
 * - a hit reports the prompt rounded down to whole {@link CACHE_BLOCK_TOKENS}-token blocks as cached;
 * - prefill time grows with the uncached prompt tokens ({@link PREFILL_MS_PER_TOKEN}), so a hit
 *   reaches its first token sooner. Only prompts long enough to be cached get this prefill term;
 *   shorter ones keep the profile's time to first token unchanged.
 * Models that cannot cache implicitly (2.0) never report cached tokens.
 */

/** Granularity of the cached prefix in the model above (an assumption, not a documented figure). */
export const CACHE_BLOCK_TOKENS = 256;

/** Prefill cost of one uncached prompt token: 10,000 tokens/s, the order of a hosted model's prefill. */
export const PREFILL_MS_PER_TOKEN = 0.1;

/** The smallest prompt implicit caching applies to, by model; undefined = this model does not cache implicitly. */
export function implicitCacheMinTokens(model: string): number | undefined {
  if (/^gemini-(1\.|2\.0)/.test(model)) return undefined;
  return /-pro/.test(model) ? 2048 : 1024;
}

/** What caching means for one request: tokens served from the cache and the extra prefill time. */
export interface CacheOutcome {
  cachedTokens: number;
  /** Added to the profile's prefill: uncached prompt tokens × {@link PREFILL_MS_PER_TOKEN} for cacheable prompts, else 0. */
  prefillMs: number;
}

/** The server's cache of prompt prefixes, shared by all requests it hosts. */
export interface ImplicitCache {
  /** Looks a request up (and fills the cache on a miss). */
  lookup(relay: string, model: string, promptKey: string, promptTokens: number): CacheOutcome;
}

/** An empty implicit cache for one emulator process: prompt keys seen, so later repeats report cached tokens. */
export function createImplicitCache(): ImplicitCache {
  const seen = new Set<string>();
  return {
    lookup(relay, model, promptKey, promptTokens) {
      const minimum = implicitCacheMinTokens(model);
      if (minimum === undefined || promptTokens < minimum) return { cachedTokens: 0, prefillMs: 0 };
      const key = `${relay}\u0000${model}\u0000${promptKey}`;
      const hit = seen.has(key);
      seen.add(key);
      const cachedTokens = hit ? Math.floor(promptTokens / CACHE_BLOCK_TOKENS) * CACHE_BLOCK_TOKENS : 0;
      return { cachedTokens, prefillMs: (promptTokens - cachedTokens) * PREFILL_MS_PER_TOKEN };
    },
  };
}
