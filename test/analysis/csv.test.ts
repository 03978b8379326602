import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { BUDGET_COLUMNS, budgetAdvice, budgetsCsv, relayVerdicts, VERDICT_COLUMNS, verdictsCsv } from '../../src/analysis/index.js';
import { syntheticRun } from './syntheticRun.js';

const run = syntheticRun([
  { name: 'honest', behaviour: 'honest' },
  { name: 'fake', behaviour: 'fake-stream' },
]);

describe('verdicts.csv', () => {
  it('has one row per relay with a verdict and its evidence for each check', () => {
    const records = parse(verdictsCsv(relayVerdicts(run.rows, run.details, run.manifest)), { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(records[0] ?? {})).toEqual(VERDICT_COLUMNS);
    expect(records.map((record) => [record.relay, record.streams])).toEqual([
      ['honest', 'pass'],
      ['fake', 'fail'],
    ]);
    expect(records[1]?.streams_evidence).toMatch(/^36 of 36 multi-chunk responses arrived in one burst/);
    expect(records[0]?.errors_google_shape).toBe('pass');
  });
});

describe('budgets.csv', () => {
  it('writes the documented columns with rounded numbers', () => {
    const advice = budgetAdvice(run.rows);
    const records = parse(budgetsCsv(advice), { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(records[0] ?? {})).toEqual([...BUDGET_COLUMNS]);
    expect(records).toHaveLength(2);
    const first = advice[0];
    expect(records[0]).toMatchObject({
      relay: 'honest',
      model: 'gemini-2.5-flash',
      recommended: first?.recommended.setting.label,
      recommended_pass_rate: '1',
      decision: 'too few data',
      needed_per_setting: String(first?.neededPerSetting),
      evidence: first?.evidence,
    });
  });
});
