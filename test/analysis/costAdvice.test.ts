import { describe, expect, it } from 'vitest';
import { budgetAdvice, budgetsCsv, costAdvice } from '../../src/analysis/index.js';
import type { RequestRow } from '../../src/runfolder/columns.js';
import { formatCostAdvice } from '../../src/report/consoleCostAdvice.js';
import { CASES, syntheticRow } from './syntheticRun.js';

interface Spec {
  budget: number;
  passes: number;
  graded: number;
  costUsd: number | undefined;
  firstAnswerMs: number;
}

/** One relay's rows: exact pass counts, a constant cost and first-answer time per setting. */
function sweep(specs: readonly Spec[]): RequestRow[] {
  return specs.flatMap((spec) =>
    Array.from({ length: spec.graded }, (_, index) => {
      const row = syntheticRow({ relay: 'r', behaviour: 'honest', caseIndex: index % CASES.length, budget: spec.budget, repeat: index + 1, pass: index < spec.passes });
      row.cost_usd = spec.costUsd === undefined ? undefined : String(spec.costUsd);
      row.first_answer_ms = String(spec.firstAnswerMs);
      return row;
    }),
  );
}

describe('cost-aware advice', () => {
  it.each([
    {
      title: 'a cheaper setting as accurate as the best wins, with savings per 1,000 requests',
      specs: [
        { budget: 0, passes: 10, graded: 40, costUsd: 0.0001, firstAnswerMs: 300 },
        { budget: 1024, passes: 36, graded: 40, costUsd: 0.002, firstAnswerMs: 900 },
        { budget: 8192, passes: 38, graded: 40, costUsd: 0.006, firstAnswerMs: 2100 },
      ],
      cheapest: '1024',
      best: '8192',
      savedUsd: 4,
      savedMs: 1200,
    },
    {
      title: 'the best is also the cheapest as accurate when every cheaper one is significantly worse',
      specs: [
        { budget: 0, passes: 5, graded: 40, costUsd: 0.0001, firstAnswerMs: 300 },
        { budget: 8192, passes: 39, graded: 40, costUsd: 0.006, firstAnswerMs: 2100 },
      ],
      cheapest: '8192',
      best: '8192',
      savedUsd: 0,
      savedMs: 0,
    },
    {
      // A relay that bills per call: every setting costs the same, so the smaller-first tie rule holds.
      title: 'equal costs pick the smallest eligible setting',
      specs: [
        { budget: 1024, passes: 37, graded: 40, costUsd: 0.0005, firstAnswerMs: 800 },
        { budget: 8192, passes: 38, graded: 40, costUsd: 0.0005, firstAnswerMs: 2000 },
      ],
      cheapest: '1024',
      best: '8192',
      savedUsd: 0,
      savedMs: 1200,
    },
    {
      // A larger budget can be cheaper when a smaller one rambles (budget ignored): cost decides, not size.
      title: 'a larger budget that costs less is picked over a smaller one',
      specs: [
        { budget: 1024, passes: 38, graded: 40, costUsd: 0.004, firstAnswerMs: 800 },
        { budget: 8192, passes: 38, graded: 40, costUsd: 0.003, firstAnswerMs: 1000 },
      ],
      cheapest: '8192',
      best: '1024',
      savedUsd: 1,
      savedMs: -200,
    },
  ])('$title', ({ specs, cheapest, best, savedUsd, savedMs }) => {
    const advice = costAdvice(sweep(specs));
    expect(advice?.cheapest.setting.label).toBe(cheapest);
    expect(advice?.best.setting.label).toBe(best);
    expect(advice?.savedUsdPer1000).toBeCloseTo(savedUsd, 9);
    expect(advice?.savedFirstAnswerP50Ms).toBeCloseTo(savedMs, 6);
  });

  it('is undefined when nothing was priced, and budget advice then has no cost', () => {
    const rows = sweep([
      { budget: 0, passes: 10, graded: 40, costUsd: undefined, firstAnswerMs: 300 },
      { budget: 1024, passes: 36, graded: 40, costUsd: undefined, firstAnswerMs: 900 },
    ]);
    expect(costAdvice(rows)).toBeUndefined();
    expect(budgetAdvice(rows)[0]?.cost).toBeUndefined();
    expect(formatCostAdvice(budgetAdvice(rows))).toBe('');
  });

  it('reaches budget advice, budgets.csv and the console', () => {
    const advice = budgetAdvice(
      sweep([
        { budget: 0, passes: 10, graded: 40, costUsd: 0.0001, firstAnswerMs: 300 },
        { budget: 1024, passes: 36, graded: 40, costUsd: 0.002, firstAnswerMs: 900 },
        { budget: 8192, passes: 38, graded: 40, costUsd: 0.006, firstAnswerMs: 2100 },
      ]),
    );
    expect(advice[0]?.cost?.cheapest.setting.label).toBe('1024');
    const csv = budgetsCsv(advice).split('\n');
    expect(csv[0]).toContain('cheapest,cheapest_cost_usd_mean,best_cost_usd_mean,saved_usd_per_1000_requests,cheapest_saved_first_answer_p50_ms');
    expect(csv[1]).toMatch(/,1024,0\.002,0\.006,4,1200$/);
    expect(formatCostAdvice(advice)).toContain('r (gemini-2.5-flash): 1024 at $0.002/request — saves $4.00 per 1,000 requests, first answer token 1200 ms sooner (p50) vs 8192');
  });
});
