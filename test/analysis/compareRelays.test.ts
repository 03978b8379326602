import { describe, expect, it } from 'vitest';
import { compareRelays, NO_DIFFERENCE } from '../../src/analysis/index.js';
import { syntheticRun } from './syntheticRun.js';

describe('compareRelays', () => {
  it('finds no detectable difference between two relays that behave identically', () => {
    const { rows } = syntheticRun([
      { name: 'a', behaviour: 'honest' },
      { name: 'b', behaviour: 'honest' },
    ]);
    const [comparison] = compareRelays(rows, { seed: 7 });
    expect(comparison?.relayA).toBe('a');
    expect(comparison?.relayB).toBe('b');
    expect(comparison?.firstAnswerMs.difference?.estimate).toBe(0);
    expect(comparison?.firstAnswerMs.finding).toBe(NO_DIFFERENCE);
    expect(comparison?.passRate.finding).toBe(NO_DIFFERENCE);
    expect(comparison?.settings).toEqual(['0', '1024', '8192', 'dynamic']);
  });

  it('finds a clear difference in first-answer time and pass rate', () => {
    const { rows } = syntheticRun([
      { name: 'fast', behaviour: 'honest' },
      { name: 'slow', behaviour: 'honest' },
    ]);
    let index = 0;
    for (const row of rows) {
      if (row.relay !== 'slow' || row.status !== 'ok') continue;
      row.first_answer_ms = String(Number(row.first_answer_ms) + 400);
      row.pass = index++ % 5 === 0 ? 'true' : 'false';
    }
    const [comparison] = compareRelays(rows, { seed: 7 });
    expect(comparison?.firstAnswerMs.difference?.estimate).toBeCloseTo(-400, 6);
    expect(comparison?.firstAnswerMs.difference?.high).toBeLessThan(0);
    expect(comparison?.firstAnswerMs.finding).toMatch(/^fast faster by 400 ms \(95% CI \d+ ms to \d+ ms\)$/);
    expect(comparison?.passRate.passesA).toBe(36);
    expect(comparison?.passRate.passesB).toBe(8);
    expect(comparison?.passRate.difference?.low).toBeGreaterThan(0);
    expect(comparison?.passRate.finding).toMatch(/^fast passes 78 points more often \(95% CI \d+ to \d+ points\)$/);

    const [reversed] = compareRelays(rows, { seed: 7, relayOrder: ['slow', 'fast'] });
    expect(reversed?.relayA).toBe('slow');
    expect(reversed?.firstAnswerMs.difference?.estimate).toBeCloseTo(400, 6);
    expect(reversed?.firstAnswerMs.finding).toMatch(/^fast faster by 400 ms \(95% CI/);
    expect(reversed?.passRate.finding).toMatch(/^fast passes 78 points more often/);
  });

  it('is reproducible from its seed and pools only the settings both relays ran', () => {
    const { rows } = syntheticRun([
      { name: 'a', behaviour: 'honest' },
      { name: 'b', behaviour: 'fake-stream' },
    ]);
    const withoutDynamic = rows.filter((row) => !(row.relay === 'b' && row.thinking_budget === '-1'));
    const first = compareRelays(withoutDynamic, { seed: 3 });
    expect(compareRelays(withoutDynamic, { seed: 3 })).toEqual(first);
    expect(first[0]?.settings).toEqual(['0', '1024', '8192']);
    expect(first[0]?.firstAnswerMs.countA).toBe(27);
  });

  it('follows the given relay order and compares each pair once', () => {
    const { rows } = syntheticRun([
      { name: 'a', behaviour: 'honest' },
      { name: 'b', behaviour: 'honest' },
      { name: 'c', behaviour: 'honest' },
    ]);
    const pairs = compareRelays(rows, { seed: 1, relayOrder: ['c', 'a', 'b'] }).map((comparison) => `${comparison.relayA}-${comparison.relayB}`);
    expect(pairs).toEqual(['c-a', 'c-b', 'a-b']);
  });
});
