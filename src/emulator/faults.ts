import type { FailureRates } from './profiles.js';
import type { Random } from './random.js';

/** How a request was made to fail; the value written to the ground-truth log's `fault`. */
export type Fault = '429' | '500' | '503' | 'error-after-200' | 'stall' | 'drop' | 'html';

const FAULT_OF_RATE: ReadonlyArray<readonly [keyof FailureRates, Fault]> = [
  ['rateLimited', '429'],
  ['serverError', '500'],
  ['unavailable', '503'],
  ['errorAfter200', 'error-after-200'],
  ['stall', 'stall'],
  ['drop', 'drop'],
  ['html', 'html'],
];

/** One draw decides whether, and how, this request fails; the rates are exclusive. */
export function pickFault(rates: FailureRates, random: Random): Fault | null {
  const draw = random.next();
  let cumulative = 0;
  for (const [rate, fault] of FAULT_OF_RATE) {
    cumulative += rates[rate];
    if (draw < cumulative) return fault;
  }
  return null;
}

/** Faults that strike after status 200 and some content. */
export function isMidStream(fault: Fault): fault is 'error-after-200' | 'stall' | 'drop' {
  return fault === 'error-after-200' || fault === 'stall' || fault === 'drop';
}

/**
 * Index of the chunk a mid-stream fault replaces: at least one chunk gets through first, so
 * the failure is truly mid-stream, unless the response has a single chunk.
 */
export function faultChunkIndex(chunkCount: number, random: Random): number {
  return chunkCount >= 2 ? random.int(1, chunkCount - 1) : 0;
}
