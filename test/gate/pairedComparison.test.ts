import { describe, expect, it } from 'vitest';
import { comparePaired } from '../../src/gate/pairedComparison.js';
import { pairedConsoleLines } from '../../src/gate/pairedConsole.js';
import { pairedTestLabel } from '../../src/gate/pairedText.js';
import { jobPairLabel } from '../../src/gate/pairedText.js';
import { makeRun } from './rows.js';

const tenCases = Array.from({ length: 10 }, (_, index) => `case-${index + 1}`);
const alpha = 0.05;
const oneRepeatBaseline = makeRun({ cases: tenCases, relays: ['r'], repeats: 1 });
const labels = (tests: Array<{ family: 'overall' | 'relay' | 'thinking' | 'case'; group: string }>): string[] => tests.map(pairedTestLabel);

describe('comparePaired: the scenarios of issue 11', () => {
  it('10 cases, 1 repeat, 6 flip pass→fail: fails on the overall test (p = 1/64) and names the six', () => {
    const flipped = new Set(['case-1', 'case-3', 'case-4', 'case-6', 'case-8', 'case-10']);
    const current = makeRun({ cases: tenCases, relays: ['r'], repeats: 1, vary: ({ caseId }) => (flipped.has(caseId) ? { pass: false } : {}) });
    const comparison = comparePaired(current, oneRepeatBaseline, { alpha });
    expect(comparison.counts).toEqual({ passPass: 4, passFail: 6, failPass: 0, failFail: 0 });
    expect(comparison.overall.dropP).toBe(1 / 64);
    expect(labels(comparison.significantDrops)).toEqual(['overall', 'relay r']);
    // Each case has one pair: p = 1/2 before Holm, so none is flagged alone.
    expect(comparison.cases.filter((test) => flipped.has(test.group)).map((test) => test.dropP)).toEqual([0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);
    expect(comparison.cases.some((test) => test.drop)).toBe(false);
    expect(comparison.drops.map((pair) => pair.caseId)).toEqual(['case-1', 'case-3', 'case-4', 'case-6', 'case-8', 'case-10']);
    expect(comparison.failed).toBe(true);
  });

  it('1 flip of 10: passes (p = 1/2) and still lists the flip', () => {
    const current = makeRun({ cases: tenCases, relays: ['r'], repeats: 1, vary: ({ caseId }) => (caseId === 'case-7' ? { pass: false } : {}) });
    const comparison = comparePaired(current, oneRepeatBaseline, { alpha });
    expect(comparison.overall.dropP).toBe(0.5);
    expect(comparison.failed).toBe(false);
    expect(comparison.drops.map(jobPairLabel)).toEqual(['case-7 · r · repeat 1']);
    // --fail-on-flip: the same single flip fails.
    expect(comparePaired(current, oneRepeatBaseline, { alpha, failOnFlip: true }).failed).toBe(true);
  });

  it('8 of 8 → 0 of 8 over 2 relays × 2 budgets × 2 repeats: fails naming the case (p = 1/256, Holm over 10 cases 0.039)', () => {
    const spec = { cases: tenCases, relays: ['alpha', 'beta'], budgets: [0, 1024], repeats: 2 };
    const current = makeRun({ ...spec, vary: ({ caseId }) => (caseId === 'case-5' ? { pass: false } : {}) });
    const comparison = comparePaired(current, makeRun(spec), { alpha });
    const case5 = comparison.cases.find((test) => test.group === 'case-5');
    expect(case5?.counts).toEqual({ passPass: 0, passFail: 8, failPass: 0, failFail: 0 });
    expect(case5?.dropP).toBe(1 / 256);
    expect(case5?.dropPAdjusted).toBeCloseTo(10 / 256, 15);
    // Each relay has 4 flips: p = 1/16, Holm over 2 relays 1/8: not on its own.
    expect(comparison.relays.map((test) => [test.group, test.dropP, test.dropPAdjusted])).toEqual([
      ['alpha', 1 / 16, 1 / 8],
      ['beta', 1 / 16, 1 / 8],
    ]);
    expect(labels(comparison.significantDrops)).toEqual(['overall', 'case case-5']);
    expect(comparison.thinking.map((test) => test.group)).toEqual(['budget 0', 'budget 1024']);
    expect(comparison.failed).toBe(true);
  });

  it('an improvement never fails, however strong', () => {
    const failing = makeRun({ cases: tenCases, relays: ['r'], repeats: 1, vary: () => ({ pass: false }) });
    const comparison = comparePaired(oneRepeatBaseline, failing, { alpha, failOnFlip: true });
    expect(comparison.counts).toEqual({ passPass: 0, passFail: 0, failPass: 10, failFail: 0 });
    expect(comparison.overall.riseP).toBe(1 / 1024);
    expect(labels(comparison.significantRises)).toEqual(['overall', 'relay r']);
    expect(comparison.significantDrops).toEqual([]);
    expect(comparison.failed).toBe(false);
  });

  it('a drop in one thinking setting offset by a rise in another is reported, not decided on', () => {
    const cases = Array.from({ length: 12 }, (_, index) => `c${index}`);
    const spec = { cases, relays: ['r'], budgets: [0, 1024], repeats: 1 };
    // Budget 0: six cases flip pass→fail. Budget 1024: the other six flip fail→pass.
    const baseline = makeRun({ ...spec, vary: ({ caseId, budget }) => (budget === 1024 && cases.indexOf(caseId) >= 6 ? { pass: false } : {}) });
    const current = makeRun({ ...spec, vary: ({ caseId, budget }) => (budget === 0 && cases.indexOf(caseId) < 6 ? { pass: false } : {}) });
    const comparison = comparePaired(current, baseline, { alpha });
    const budget0 = comparison.thinking.find((test) => test.group === 'budget 0');
    expect(budget0).toMatchObject({ dropP: 1 / 64, dropPAdjusted: 1 / 32, drop: true });
    expect(comparison.overall.counts).toMatchObject({ passFail: 6, failPass: 6 });
    expect(comparison.significantDrops).toEqual([]);
    expect(comparison.failed).toBe(false);
  });

  it('counts errors on either side and jobs in one run only, and never pairs them', () => {
    const baseline = makeRun({ cases: ['a', 'b', 'c', 'gone'], relays: ['r'], repeats: 1, vary: ({ caseId }) => (caseId === 'b' ? { errorKind: 'http' } : {}) });
    const current = makeRun({
      cases: ['a', 'b', 'c', 'new'],
      relays: ['r'],
      repeats: 1,
      vary: ({ caseId }) => (caseId === 'c' ? { errorKind: 'timeout' } : caseId === 'a' ? { pass: false } : {}),
    });
    const comparison = comparePaired(current, baseline, { alpha });
    expect(comparison.pairs.map((pair) => pair.caseId)).toEqual(['a']);
    expect(comparison.unpaired).toEqual({ onlyCurrent: 1, onlyBaseline: 1, ungradedCurrent: 1, ungradedBaseline: 1, ungradedEither: 2 });
  });

  it('leaves out shared jobs without a grade (no expect) and says when nothing paired', () => {
    const baseline = makeRun({ cases: ['a', 'b'], relays: ['r'], repeats: 1, vary: ({ caseId }) => (caseId === 'a' ? { pass: undefined } : {}) });
    const current = makeRun({ cases: ['a', 'b'], relays: ['r'], repeats: 1, vary: () => ({ errorKind: 'http' }) });
    const comparison = comparePaired(current, baseline, { alpha });
    expect(comparison.pairs).toEqual([]);
    expect(comparison.unpaired).toMatchObject({ ungradedCurrent: 2, ungradedBaseline: 1, ungradedEither: 2 });
    expect(comparison.failed).toBe(false);
    expect(pairedConsoleLines(comparison, 'base')).toEqual([
      'Baseline base (paired by job_id; exact McNemar, one-sided; Holm within each family; alpha 0.05): 0 significant drop(s), 0 improvement(s)',
      '  No pairs: no job was graded in both runs, so nothing could be compared.',
      '  Not paired: 2 in both but not graded on both sides (2 errored or ungraded now, 1 in the baseline).',
    ]);
  });

  it('applies Holm inside the per-case family', () => {
    // Case a: 6 flips of 6 (p = 1/64); case b: 5 of 6 with one back (p = 7/64); case c: none.
    const cases = ['a', 'b', 'c'];
    const spec = { cases, relays: ['r'], repeats: 6 };
    const baseline = makeRun({ ...spec, vary: ({ caseId, repeat }) => (caseId === 'b' && repeat === 6 ? { pass: false } : {}) });
    const current = makeRun({ ...spec, vary: ({ caseId, repeat }) => (caseId === 'a' || (caseId === 'b' && repeat !== 6) ? { pass: false } : {}) });
    const comparison = comparePaired(current, baseline, { alpha });
    // R> p.adjust(c(1/64, 7/64, 1), "holm") → 0.046875 0.21875 1
    expect(comparison.cases.map((test) => test.dropPAdjusted)).toEqual([3 / 64, 14 / 64, 1]);
    expect(labels(comparison.significantDrops)).toEqual(['overall', 'relay r', 'case a']);
  });
});

describe('comparePaired: power stated from the pairs', () => {
  it('says the smallest detectable drop and the repeats for a 10-point drop', () => {
    const comparison = comparePaired(oneRepeatBaseline, oneRepeatBaseline, { alpha });
    expect(comparison.power).toEqual({
      pairs: 10,
      fewestFlips: 5,
      smallestDetectableDrop: 0.5,
      fewestFlipsPerCase: 8, // 2^-8 ≤ 0.05/10 < 2^-7
      mostPairsPerCase: 1,
      jobsPerRepeat: 10,
      // P(Binomial(66, 0.1) ≥ 5) ≥ 0.8 first at 66 pairs: 7 repeats of 10 jobs.
      repeatsForReferenceDrop: 7,
    });
  });

  it('says when no drop could be significant', () => {
    const three = makeRun({ cases: ['a', 'b', 'c'], relays: ['r'], repeats: 1 });
    expect(comparePaired(three, three, { alpha }).power.smallestDetectableDrop).toBeUndefined();
  });
});

describe('comparePaired: thinking settings in the one order (issue 18)', () => {
  it('lists the per-thinking family and the flipped jobs by budget size with dynamic last, not by name', () => {
    const spec = { cases: ['a'], relays: ['r'], budgets: [512, -1, 1024, 0], repeats: 1 };
    const current = makeRun({ ...spec, vary: () => ({ pass: false }) });
    const comparison = comparePaired(current, makeRun(spec), { alpha });
    expect(comparison.thinking.map((test) => test.group)).toEqual(['budget 0', 'budget 512', 'budget 1024', 'budget -1 (dynamic)']);
    expect(comparison.drops.map(jobPairLabel)).toEqual([
      'a · r · budget 0 · repeat 1',
      'a · r · budget 512 · repeat 1',
      'a · r · budget 1024 · repeat 1',
      'a · r · budget -1 (dynamic) · repeat 1',
    ]);
  });

  it('lists levels minimal, low, medium, high', () => {
    const levelRows = (pass: boolean) =>
      ['high', 'minimal', 'medium', 'low'].flatMap((level) =>
        makeRun({ cases: ['a'], relays: ['r'], repeats: 1, vary: () => ({ pass }) }).map((row) => ({
          ...row,
          thinking_budget: undefined,
          thinking_level: level,
          job_id: `${String(row.job_id)}|${level}`,
        })),
      );
    const comparison = comparePaired(levelRows(false), levelRows(true), { alpha });
    expect(comparison.thinking.map((test) => test.group)).toEqual(['level minimal', 'level low', 'level medium', 'level high']);
  });
});
