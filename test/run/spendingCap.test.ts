import { describe, expect, it } from 'vitest';
import { createSpendingCap } from '../../src/run/spendingCap.js';

describe('spending cap accounting', () => {
  it('starts jobs while finished cost plus in-flight worst cases stay under the cap', async () => {
    const cap = createSpendingCap(1);
    expect(await cap.reserve(0.4)).toBe(true);
    expect(await cap.reserve(0.4)).toBe(true);
    expect(await cap.reserve(0.4)).toBe(true); // 0.8 < 1: starts, reserving up to 1.2
    expect(cap.inFlightWorstUsd).toBeCloseTo(1.2);
    let fourth: boolean | undefined;
    const waiting = cap.reserve(0.4).then((started) => (fourth = started));
    await Promise.resolve();
    expect(fourth).toBeUndefined(); // 1.2 ≥ 1: waits for a request to end
    cap.finish(0.4, 0.05); // spent 0.05, in flight 0.8 → 0.85 < 1
    await waiting;
    expect(fourth).toBe(true);
    expect(cap.reached).toBe(false);
  });

  it('refuses every job once the finished cost alone reaches the cap', async () => {
    const cap = createSpendingCap(0.1);
    expect(await cap.reserve(0.3)).toBe(true);
    const waiting = cap.reserve(0.3);
    cap.finish(0.3, 0.12);
    expect(await waiting).toBe(false);
    expect(cap.reached).toBe(true);
    expect(await cap.reserve(0)).toBe(false);
    expect(cap.spentUsd).toBeCloseTo(0.12);
    // Over by 0.02, within one job's worst case (0.3).
    expect(cap.spentUsd - cap.capUsd).toBeLessThanOrEqual(cap.maxJobWorstUsd);
  });

  it('counts what a resumed run already spent', async () => {
    expect(await createSpendingCap(1, 1).reserve(0.01)).toBe(false);
    expect(await createSpendingCap(1, 0.5).reserve(0.01)).toBe(true);
  });

  it('a job with unknown real cost adds nothing but frees its reservation', async () => {
    const cap = createSpendingCap(1);
    await cap.reserve(0.9);
    cap.finish(0.9, undefined);
    expect(cap.spentUsd).toBe(0);
    expect(cap.inFlightWorstUsd).toBe(0);
  });
});
