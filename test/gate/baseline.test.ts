import { describe, expect, it } from 'vitest';
import { compareToBaseline, DEFAULT_ALPHA } from '../../src/gate/baseline.js';
import { makeRun } from './rows.js';

const cases = ['sum', 'capital', 'prime'];
const baselineRun = makeRun({ cases, relays: ['r'], budgets: [0, 1024], repeats: 3 });

const summaryOf = (comparison: ReturnType<typeof compareToBaseline>) =>
  comparison.cases.filter((entry) => entry.change !== 'same').map((entry) => ({ caseId: entry.caseId, budget: entry.thinking, change: entry.change }));

describe('compareToBaseline', () => {
  it('keeps the per-cell Fisher detail (3/3 → 0/3: p = 1/20) but decides on pairs, where 3 one-way flips of 18 give p = 1/8', () => {
    const current = makeRun({ cases, relays: ['r'], budgets: [0, 1024], repeats: 3, vary: ({ caseId, budget }) => (caseId === 'sum' && budget === 1024 ? { pass: false } : {}) });
    const comparison = compareToBaseline(current, baselineRun);
    expect(comparison.alpha).toBe(DEFAULT_ALPHA);
    expect(summaryOf(comparison)).toEqual([{ caseId: 'sum', budget: { kind: 'budget', budget: 1024 }, change: 'regression' }]);
    const regression = comparison.cases.find((entry) => entry.change === 'regression');
    expect(regression?.current).toEqual({ passed: 0, graded: 3 });
    expect(regression?.baseline).toEqual({ passed: 3, graded: 3 });
    expect(regression?.pValue).toBeCloseTo(0.05, 12);
    expect(comparison.paired.counts).toEqual({ passPass: 15, passFail: 3, failPass: 0, failFail: 0 });
    expect(comparison.paired.overall.dropP).toBe(1 / 8);
    expect(comparison.paired.drops.map((pair) => pair.repeat)).toEqual([1, 2, 3]);
    expect(comparison.failed).toBe(false);
  });

  it('does not flag one flaky repeat of three', () => {
    const current = makeRun({ cases, relays: ['r'], budgets: [0, 1024], repeats: 3, vary: ({ caseId, repeat }) => (caseId === 'sum' && repeat === 2 ? { pass: false } : {}) });
    const comparison = compareToBaseline(current, baselineRun);
    expect(summaryOf(comparison).map((entry) => entry.change)).toEqual(['worse', 'worse']);
    expect(comparison.cases.find((entry) => entry.change === 'worse')?.pValue).toBeCloseTo(0.5, 12);
    expect(comparison.failed).toBe(false);
  });

  it('follows the configured significance level', () => {
    const current = makeRun({ cases, relays: ['r'], budgets: [0, 1024], repeats: 3, vary: ({ caseId, budget }) => (caseId === 'sum' && budget === 0 ? { pass: false } : {}) });
    expect(compareToBaseline(current, baselineRun, { alpha: 0.01 }).failed).toBe(false);
  });

  it('reports improvements by name without failing', () => {
    const failingBaseline = makeRun({ cases, relays: ['r'], repeats: 4, vary: ({ caseId }) => (caseId === 'prime' ? { pass: false } : {}) });
    const current = makeRun({ cases, relays: ['r'], repeats: 4 });
    const comparison = compareToBaseline(current, failingBaseline);
    expect(summaryOf(comparison)).toEqual([{ caseId: 'prime', budget: { kind: 'none' }, change: 'improvement' }]);
    expect(comparison.failed).toBe(false);
  });

  it('says when the repeats are too few for any change to be significant', () => {
    const single = makeRun({ cases: ['sum'], relays: ['r'], repeats: 1 });
    const flipped = makeRun({ cases: ['sum'], relays: ['r'], repeats: 1, vary: () => ({ pass: false }) });
    const [comparison] = compareToBaseline(flipped, single).cases;
    expect(comparison).toMatchObject({ change: 'worse', pValue: 0.5, smallestPossibleP: 0.5 });
  });

  it('compares all repeats of a matched group even when the repeat counts differ', () => {
    const current = makeRun({ cases: ['sum'], relays: ['r'], repeats: 5, vary: () => ({ pass: false }) });
    const [comparison] = compareToBaseline(current, makeRun({ cases: ['sum'], relays: ['r'], repeats: 3 })).cases;
    expect(comparison).toMatchObject({ current: { passed: 0, graded: 5 }, baseline: { passed: 3, graded: 3 }, change: 'regression' });
  });

  it('leaves out groups whose jobs changed or exist on one side only', () => {
    const current = makeRun({ cases: ['sum', 'new'], relays: ['r'], repeats: 2 }).map((row) => (row.case_id === 'sum' ? { ...row, job_id: `changed-${String(row.job_id)}` } : row));
    const comparison = compareToBaseline(current, makeRun({ cases: ['sum', 'old'], relays: ['r'], repeats: 2 }));
    expect(comparison.cases).toEqual([]);
    expect(comparison.onlyCurrent.map((ref) => ref.caseId)).toEqual(['sum', 'new']);
    expect(comparison.onlyBaseline.map((ref) => ref.caseId)).toEqual(['sum', 'old']);
  });

  it('reports latency per relay over shared jobs, and gates it only when asked', () => {
    const baseline = makeRun({ cases: ['a', 'b', 'c', 'd', 'e'], relays: ['r'], repeats: 4, vary: ({ repeat }) => ({ totalMs: 1000 + repeat * 10 }) });
    const slower = makeRun({ cases: ['a', 'b', 'c', 'd', 'e'], relays: ['r'], repeats: 4, vary: ({ repeat }) => ({ totalMs: 2000 + repeat * 20 }) });
    const ungated = compareToBaseline(slower, baseline);
    const total = ungated.latency.find((entry) => entry.metric === 'total_ms');
    // baseline p50 = 1025, current p50 = 2050: +100%
    expect(total?.baseline.p50).toBeCloseTo(1025, 9);
    expect(total?.current.p50).toBeCloseTo(2050, 9);
    expect(total?.p50ChangePct).toBeCloseTo(100, 9);
    expect(total?.medianDiffMs.estimate).toBeCloseTo(1025, 9);
    expect(total?.medianDiffMs.low).toBeGreaterThan(900);
    expect(ungated.latency.map((entry) => entry.metric)).toEqual(['first_answer_ms', 'total_ms']);
    expect(ungated.failed).toBe(false);

    const gated = compareToBaseline(slower, baseline, { latencyGate: { maxIncreasePct: 50 } });
    expect(gated.latency.map((entry) => entry.exceedsGate)).toEqual([false, true]);
    expect(gated.failed).toBe(true);
  });

  it('records a relay whose model version changed', () => {
    const current = makeRun({ cases, relays: ['r', 'steady'], repeats: 1, vary: ({ relay }) => (relay === 'r' ? { modelVersion: 'gemini-2.5-flash-002' } : {}) });
    const comparison = compareToBaseline(current, makeRun({ cases, relays: ['r', 'steady'], repeats: 1 }));
    expect(comparison.modelVersionChanges).toEqual([{ relay: 'r', baseline: { 'gemini-2.5-flash-001': 3 }, current: { 'gemini-2.5-flash-002': 3 } }]);
  });
});
