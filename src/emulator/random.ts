/**
 * Seeded randomness for the emulator. Everything random in a response (latencies, thought
 * amounts, correctness, text) is drawn from one of these per request, so a request replayed with
 * the same seed and sample key yields the same bytes and the same timing plan.
 */
import { createRandom as createUniform } from '../stats/random.js';

/** A seeded random source (one per request): uniform, integer, Bernoulli, pick, and normal draws. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Standard normal draw (Box–Muller). */
  normal(): number;
  /**
   * Log-normal with the given median and log-space sigma: latencies are right-skewed (most
   * requests near the median, a long tail of slow ones), which a normal distribution cannot show.
   */
  logNormal(median: number, sigma: number): number;
  /** `count` uniformly random bytes. */
  bytes(count: number): Uint8Array;
}

/** The emulator's draws on top of the project's one seeded generator (mulberry32, src/stats/random.ts). */
export function createRandom(seed: number): Random {
  const next = createUniform(seed);
  const normal = (): number => {
    // 1 - next() is in (0, 1], so the logarithm is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - next()));
    return radius * Math.cos(2 * Math.PI * next());
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new RangeError('pick() from an empty list');
      return item;
    },
    normal,
    logNormal: (median, sigma) => median * Math.exp(sigma * normal()),
    bytes: (count) => {
      const out = new Uint8Array(count);
      for (let i = 0; i < count; i++) out[i] = Math.floor(next() * 256);
      return out;
    },
  };
}

/**
 * cyrb53-style 53-bit string hash. Used for request bodies and prompts: stable across runs and
 * platforms (unlike object identity), and cheap enough to run on every request body.
 */
export function hashString(text: string, salt = 0): number {
  let h1 = 0xdeadbeef ^ salt;
  let h2 = 0x41c6ce57 ^ salt;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A 32-bit seed derived from several parts, so changing any one part gives an unrelated stream. */
export function seedFrom(...parts: Array<string | number>): number {
  return hashString(parts.join('\u0000')) >>> 0;
}

/** A number in [0, 1) fixed by `text` alone: per-prompt traits that must not vary per sample. */
export function unitFromText(text: string, salt = 0): number {
  return hashString(text, salt) / 2 ** 53;
}
