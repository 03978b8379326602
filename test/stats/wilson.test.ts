import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/stats/wilson.js';

describe('wilsonInterval', () => {
  it('matches published 95% values', () => {
    const eightOfTen = wilsonInterval(8, 10);
    expect(eightOfTen?.low).toBeCloseTo(0.4902, 4);
    expect(eightOfTen?.high).toBeCloseTo(0.9433, 4);
    // Newcombe (1998), Table I: 0/10 → 0 to 0.2775, 1/29 → 0.0061 to 0.1718
    expect(wilsonInterval(0, 10)?.low).toBe(0);
    expect(wilsonInterval(0, 10)?.high).toBeCloseTo(0.2775, 4);
    expect(wilsonInterval(1, 29)?.low).toBeCloseTo(0.0061, 4);
    expect(wilsonInterval(1, 29)?.high).toBeCloseTo(0.1718, 4);
  });

  it('never leaves [0, 1] and is symmetric around one half', () => {
    const all = wilsonInterval(10, 10);
    expect(all?.high).toBe(1);
    expect(all?.low).toBeCloseTo(1 - 0.2775, 4);
  });

  it('narrows with a smaller z', () => {
    const wide = wilsonInterval(8, 10, 2.576);
    const narrow = wilsonInterval(8, 10, 1.645);
    expect(wide!.high - wide!.low).toBeGreaterThan(narrow!.high - narrow!.low);
  });

  it('is undefined without trials', () => {
    expect(wilsonInterval(0, 0)).toBeUndefined();
  });
});
