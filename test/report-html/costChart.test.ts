import { describe, expect, it } from 'vitest';
import { costChart, costPoints, paretoFront, type CostPoint } from '../../src/report/html/charts/costChart.js';
import { relayStyles } from '../../src/report/html/palette.js';
import { CASES, syntheticRow } from '../analysis/syntheticRun.js';

const point = (relay: string, setting: string, costUsd: number, passRatePct: number): CostPoint => ({ relay, setting, costUsd, passRatePct, firstAnswerP50Ms: 100 });

describe('Pareto front of cost against pass rate', () => {
  it.each([
    [
      'keeps only points nothing beats on both',
      [point('a', '0', 1, 20), point('a', '1024', 2, 70), point('b', '0', 1.5, 10), point('a', '8192', 5, 90), point('b', '8192', 6, 85)],
      ['a 0', 'a 1024', 'a 8192'],
    ],
    ['of equal costs keeps the more accurate', [point('a', '0', 1, 20), point('b', '0', 1, 40)], ['b 0']],
    ['drops a dearer point that is no more accurate', [point('a', '0', 1, 50), point('b', '0', 2, 50)], ['a 0']],
    ['a single point is the front', [point('a', '0', 1, 50)], ['a 0']],
  ])('%s', (_title, points, expected) => {
    expect(paretoFront(points).map((entry) => `${entry.relay} ${entry.setting}`)).toEqual(expected);
  });
});

describe('cost chart', () => {
  const rows = [0, 1024].flatMap((budget) =>
    Array.from({ length: 6 }, (_, index) => {
      const row = syntheticRow({ relay: 'r', behaviour: 'honest', caseIndex: index % CASES.length, budget, repeat: index + 1, pass: budget > 0 || index < 2 });
      row.cost_usd = String(budget === 0 ? 0.0001 : 0.002);
      row.first_answer_ms = String(budget === 0 ? 300 : 900);
      return row;
    }),
  );

  it('has one bubble per (relay, setting): cost, pass rate, and size from time to first answer', () => {
    expect(costPoints(rows, ['r']).map(({ setting, costUsd, passRatePct }) => [setting, costUsd, Math.round(passRatePct)])).toEqual([
      ['0', 0.0001, 33],
      ['1024', 0.002, 100],
    ]);
    const chart = costChart(rows, ['r'], relayStyles(['r']));
    const datasets = (chart?.config.data as { datasets: Array<{ label: string; data: Array<{ r?: number }> }> }).datasets;
    expect(datasets.map((dataset) => dataset.label)).toEqual(['Pareto front (nothing is both cheaper and more accurate)', 'r']);
    expect(datasets[1]?.data.map((bubble) => bubble.r)).toEqual([4, 16]);
    expect(chart?.caption).toContain('smallest 300 ms, largest 900 ms');
  });

  it('is left out when no row has a cost', () => {
    const unpriced = rows.map((row) => ({ ...row, cost_usd: undefined }));
    expect(costChart(unpriced, ['r'], relayStyles(['r']))).toBeUndefined();
  });
});
