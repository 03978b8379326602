import { describe, expect, it } from 'vitest';
import { budgetAdvice, type BudgetAdvice } from '../../src/analysis/index.js';
import type { RequestRow } from '../../src/runfolder/columns.js';
import { requiredRepeatsForDifference, wilsonInterval } from '../../src/stats/index.js';
import { CASES, syntheticRow } from './syntheticRun.js';

interface SettingSpec {
  budget?: number;
  level?: string;
  passes: number;
  graded: number;
  firstAnswerMs?: number;
  totalMs?: number;
  thoughtTokens?: number;
  /** Requests that failed outright (no grade). */
  errors?: number;
}

/** Rows for one relay with exact pass counts and constant timings per setting, cycling over the cases. */
function sweep(relay: string, specs: readonly SettingSpec[]): RequestRow[] {
  return specs.flatMap((spec) => {
    const rows: RequestRow[] = [];
    for (let index = 0; index < spec.graded + (spec.errors ?? 0); index++) {
      const row = syntheticRow({ relay, behaviour: 'honest', caseIndex: index % CASES.length, budget: spec.budget ?? -1, repeat: index + 1, pass: index < spec.passes });
      if (spec.level !== undefined) {
        row.thinking_budget = undefined;
        row.thinking_level = spec.level;
      }
      if (spec.firstAnswerMs !== undefined) row.first_answer_ms = String(spec.firstAnswerMs);
      if (spec.totalMs !== undefined) row.total_ms = String(spec.totalMs);
      if (spec.thoughtTokens !== undefined) row.thought_tokens = String(spec.thoughtTokens);
      if (index >= spec.graded) Object.assign(row, { status: 'error', error_kind: 'http', pass: undefined });
      rows.push(row);
    }
    return rows;
  });
}

function only(advice: BudgetAdvice[]): BudgetAdvice {
  expect(advice).toHaveLength(1);
  return advice[0] as BudgetAdvice;
}

describe('budgetAdvice', () => {
  it('picks the smallest budget not significantly below the best, with its savings', () => {
    const advice = only(
      budgetAdvice(
        sweep('relay', [
          { budget: 0, passes: 60, graded: 200, firstAnswerMs: 300, totalMs: 500, thoughtTokens: 0 },
          { budget: 1024, passes: 188, graded: 200, firstAnswerMs: 700, totalMs: 900, thoughtTokens: 1000 },
          { budget: 8192, passes: 192, graded: 200, firstAnswerMs: 1400, totalMs: 1700, thoughtTokens: 2800 },
          { budget: -1, passes: 194, graded: 200, firstAnswerMs: 1500, totalMs: 1800, thoughtTokens: 3000 },
        ]),
      ),
    );
    expect(advice.best.setting.label).toBe('dynamic');
    expect(advice.recommended.setting.label).toBe('1024');
    expect(advice.pValue).toBeGreaterThanOrEqual(0.05);
    expect(advice.pValue).toBeLessThan(0.5);
    expect(advice.savedFirstAnswerP50Ms).toBe(800);
    expect(advice.savedTotalP50Ms).toBe(900);
    expect(advice.savedThoughtTokensMean).toBe(2000);
    expect(advice.decision).toBe('recommend');
    expect(advice.neededPerSetting).toBe(requiredRepeatsForDifference(0.97, 0.87, 0.1, 0.8));
    expect(advice.evidence).toContain('1024: 94% (188/200) is not significantly below the best, dynamic: 97% (194/200)');
    expect(advice.evidence).toContain('first answer token 800 ms sooner (p50), total 900 ms shorter (p50), 2000 fewer thought tokens on average');
  });

  it('orders dynamic after every fixed budget, so an equally good fixed budget wins', () => {
    const advice = only(
      budgetAdvice(
        sweep('relay', [
          { budget: -1, passes: 196, graded: 200 },
          { budget: 1024, passes: 150, graded: 200 },
          { budget: 8192, passes: 195, graded: 200 },
        ]),
      ),
    );
    expect(advice.settings.map((outcome) => outcome.setting.label)).toEqual(['1024', '8192', 'dynamic']);
    expect(advice.recommended.setting.label).toBe('8192');
  });

  it('orders thinking levels minimal < low < medium < high', () => {
    const advice = only(
      budgetAdvice(
        sweep('relay', [
          { level: 'high', passes: 193, graded: 200 },
          { level: 'minimal', passes: 50, graded: 200 },
          { level: 'medium', passes: 192, graded: 200 },
          { level: 'low', passes: 190, graded: 200 },
        ]),
      ),
    );
    expect(advice.settings.map((outcome) => outcome.setting.label)).toEqual(['minimal', 'low', 'medium', 'high']);
    expect(advice.recommended.setting.label).toBe('low');
  });

  it('says "too few data" on tiny samples, with the repeats that would be needed', () => {
    const advice = only(
      budgetAdvice(
        sweep('relay', [
          { budget: 0, passes: 2, graded: 3 },
          { budget: 1024, passes: 3, graded: 3 },
        ]),
      ),
    );
    const needed = requiredRepeatsForDifference(1, 0.9, 0.1, 0.8);
    expect(advice.recommended.setting.label).toBe('0');
    expect(advice.decision).toBe('too few data');
    expect(advice.neededPerSetting).toBe(needed);
    expect(advice.neededRepeats).toBe(Math.ceil(needed / CASES.length));
    expect(advice.evidence).toContain(`too few data: telling a 10-point drop apart needs ${needed} graded answers per setting`);
  });

  it('never recommends a setting whose every request failed, and honours a custom alpha', () => {
    const rows = sweep('pro', [
      { budget: 0, passes: 0, graded: 0, errors: 6 },
      { budget: 128, passes: 170, graded: 200 },
      { budget: 1024, passes: 190, graded: 200 },
    ]);
    const strict = only(budgetAdvice(rows));
    expect(strict.settings.map((outcome) => [outcome.setting.label, outcome.graded])).toEqual([
      ['0', 0],
      ['128', 200],
      ['1024', 200],
    ]);
    expect(strict.recommended.setting.label).toBe('1024');
    expect(strict.pValue).toBeUndefined();
    // A lenient alpha alone leaves too few data to see a 10-point drop, and 128 (85%) is below
    // 1024's 95% interval (91%–97%): no lean to it. With a detectable difference the sample can
    // see, the alpha decides.
    const tooFew = only(budgetAdvice(rows, { alpha: 0.0001 }));
    expect(tooFew.decision).toBe('too few data');
    expect(tooFew.recommended.setting.label).toBe('1024');
    expect(tooFew.evidence).toContain("128: 85% (170/200) is below the best's 95% interval (91%–97%)");
    const lenient = only(budgetAdvice(rows, { alpha: 0.0001, detectableDifference: 0.3 }));
    expect(lenient.decision).toBe('recommend');
    expect(lenient.recommended.setting.label).toBe('128');
  });

  it('gives no advice for a relay that ran one thinking setting', () => {
    expect(budgetAdvice(sweep('relay', [{ budget: 1024, passes: 5, graded: 6 }]))).toEqual([]);
  });
});

describe('budgetAdvice with too few data never leans to a setting below the best', () => {
  interface Row {
    title: string;
    specs: SettingSpec[];
    decision: BudgetAdvice['decision'] | 'no advice';
    recommended?: string;
    evidence?: string[];
  }
  const TABLE: Row[] = [
    {
      title: 'the issue: budget 0 failed 0 of 2, 1024 passed 2 of 2',
      specs: [
        { budget: 0, passes: 0, graded: 2 },
        { budget: 1024, passes: 2, graded: 2 },
      ],
      decision: 'too few data',
      recommended: '1024',
      evidence: ["0: 0% (0/2) is below the best's 95% interval (34%–100%)", 'too few data: telling a 10-point drop apart needs'],
    },
    {
      title: 'the same with levels',
      specs: [
        { level: 'low', passes: 0, graded: 3 },
        { level: 'high', passes: 3, graded: 3 },
      ],
      decision: 'too few data',
      recommended: 'high',
    },
    {
      title: 'a smaller setting inside the interval is still a fair lean',
      specs: [
        { budget: 0, passes: 2, graded: 3 },
        { budget: 1024, passes: 3, graded: 3 },
      ],
      decision: 'too few data',
      recommended: '0',
    },
    {
      title: 'the lean skips a failing small setting and takes the next one inside the interval',
      specs: [
        { budget: 0, passes: 0, graded: 4 },
        { budget: 512, passes: 3, graded: 4 },
        { budget: 8192, passes: 4, graded: 4 },
      ],
      decision: 'too few data',
      recommended: '512',
    },
    {
      title: 'a tie goes to the smaller setting',
      specs: [
        { budget: 0, passes: 2, graded: 2 },
        { budget: 1024, passes: 2, graded: 2 },
      ],
      decision: 'too few data',
      recommended: '0',
    },
    {
      title: 'all settings fail: nothing to lean to',
      specs: [
        { budget: 0, passes: 0, graded: 2 },
        { budget: 1024, passes: 0, graded: 2 },
      ],
      decision: 'none passed',
      evidence: ['no setting passed any graded answer (0: 0% (0/2), 1024: 0% (0/2))'],
    },
    {
      title: 'a setting with no graded rows is named and not a candidate',
      specs: [
        { budget: 0, passes: 0, graded: 0, errors: 2 },
        { budget: 1024, passes: 1, graded: 2 },
        { budget: 8192, passes: 2, graded: 2 },
      ],
      decision: 'too few data',
      recommended: '1024',
      evidence: ['0 had no graded answers'],
    },
    {
      title: 'errors only: no advice',
      specs: [
        { budget: 0, passes: 0, graded: 0, errors: 2 },
        { budget: 1024, passes: 0, graded: 0, errors: 2 },
      ],
      decision: 'no advice',
    },
  ];

  it.each(TABLE)('$title', ({ specs, decision, recommended, evidence = [] }) => {
    const advice = budgetAdvice(sweep('relay', specs));
    if (decision === 'no advice') {
      expect(advice).toEqual([]);
      return;
    }
    const entry = only(advice);
    expect(entry.decision).toBe(decision);
    if (recommended !== undefined) expect(entry.recommended.setting.label).toBe(recommended);
    for (const part of evidence) expect(entry.evidence).toContain(part);
    // The rule itself, on every row: a too-few-data lean is never below the best's interval.
    if (decision === 'too few data') {
      const low = wilsonInterval(entry.best.passes, entry.best.graded)?.low ?? 0;
      expect(entry.recommended.passRate as number).toBeGreaterThanOrEqual(low);
    }
  });
});
