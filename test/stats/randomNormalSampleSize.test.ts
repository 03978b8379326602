import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../../src/stats/normal.js';
import { createRandom } from '../../src/stats/random.js';
import { requiredRepeatsForDifference } from '../../src/stats/sampleSize.js';

describe('createRandom', () => {
  it('replays the same sequence for a seed, a different one for another seed, within [0, 1)', () => {
    const first = createRandom(123);
    const again = createRandom(123);
    const other = createRandom(124);
    const draws = Array.from({ length: 1000 }, () => first());
    expect(Array.from({ length: 1000 }, () => again())).toEqual(draws);
    expect(other()).not.toBe(draws[0]);
    expect(draws.every((value) => value >= 0 && value < 1)).toBe(true);
    const average = draws.reduce((sum, value) => sum + value, 0) / draws.length;
    expect(average).toBeGreaterThan(0.45);
    expect(average).toBeLessThan(0.55);
  });
});

describe('normalQuantile', () => {
  it.each([
    [0.5, 0],
    [0.975, 1.959964],
    [0.8, 0.841621],
    [0.01, -2.326348],
    [0.999, 3.090232],
    [1e-10, -6.361341],
  ])('z(%d) = %d', (probability, z) => {
    expect(normalQuantile(probability)).toBeCloseTo(z, 5);
  });
});

describe('requiredRepeatsForDifference', () => {
  it('matches the Fleiss formula by hand: 90% vs 80% needs 199 per group', () => {
    expect(requiredRepeatsForDifference(0.9, 0.8)).toBe(199);
    expect(requiredRepeatsForDifference(0.8, 0.9)).toBe(199);
    expect(requiredRepeatsForDifference(0.6, 0.5)).toBe(388);
  });

  it('needs more repeats for more power or a stricter alpha', () => {
    expect(requiredRepeatsForDifference(0.9, 0.8, 0.05, 0.9)).toBeGreaterThan(199);
    expect(requiredRepeatsForDifference(0.9, 0.8, 0.01)).toBeGreaterThan(199);
  });

  it('answers Infinity for no difference and rejects impossible inputs', () => {
    expect(requiredRepeatsForDifference(0.7, 0.7)).toBe(Infinity);
    expect(() => requiredRepeatsForDifference(1.2, 0.5)).toThrow(RangeError);
    expect(() => requiredRepeatsForDifference(0.9, 0.8, 0)).toThrow(RangeError);
  });
});
