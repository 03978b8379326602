/**
 * A seeded pseudo-random source, so that anything random the harness does (bootstrap resampling,
 * the emulator's coin flips) replays identically from the same seed.
 *
 * mulberry32 (Tommy Ettinger, public domain): a 32-bit state, one multiply-xorshift round per
 * draw. Its period (2^32) and quality are ample for resampling a few thousand values, and unlike
 * `Math.random` it can be seeded.
 */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}
