import { describe, expect, it } from 'vitest';
import { evaluateGates, scopeLabel } from '../../src/analysis/gates.js';
import { makeRun } from './rows.js';

const labelled = (results: ReturnType<typeof evaluateGates>) =>
  results.map((result) => ({ gate: `${result.name} ${scopeLabel(result.scope)}`, measured: result.measured, pass: result.pass }));

describe('evaluateGates', () => {
  it('passes every gate of an all-pass run, overall and per relay', () => {
    const rows = makeRun({ cases: ['a', 'b'], relays: ['fast', 'slow'], repeats: 3 });
    const results = evaluateGates(rows, { minPassRate: 0.9, maxErrorRate: 0.05 });
    expect(labelled(results)).toEqual([
      { gate: 'minPassRate overall', measured: 1, pass: true },
      { gate: 'minPassRate relay fast', measured: 1, pass: true },
      { gate: 'minPassRate relay slow', measured: 1, pass: true },
      { gate: 'maxErrorRate overall', measured: 0, pass: true },
      { gate: 'maxErrorRate relay fast', measured: 0, pass: true },
      { gate: 'maxErrorRate relay slow', measured: 0, pass: true },
    ]);
  });

  it('fails the relay that is under minPassRate even when the overall rate holds', () => {
    // 10 cases × 2 relays; relay "weak" fails 3 of its 10 → 70%, overall 85%.
    const rows = makeRun({
      cases: Array.from({ length: 10 }, (_, index) => `c${index}`),
      relays: ['good', 'weak'],
      repeats: 1,
      vary: ({ caseId, relay }) => (relay === 'weak' && ['c0', 'c1', 'c2'].includes(caseId) ? { pass: false } : {}),
    });
    const results = labelled(evaluateGates(rows, { minPassRate: 0.8 }));
    expect(results).toEqual([
      { gate: 'minPassRate overall', measured: 0.85, pass: true },
      { gate: 'minPassRate relay good', measured: 1, pass: true },
      { gate: 'minPassRate relay weak', measured: 0.7, pass: false },
    ]);
  });

  it('treats a threshold met exactly as held', () => {
    const rows = makeRun({ cases: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'], relays: ['r'], repeats: 1, vary: ({ caseId }) => (caseId === 'a' ? { pass: false } : {}) });
    expect(evaluateGates(rows, { minPassRate: 0.9, perRelay: false })).toMatchObject([{ measured: 0.9, pass: true }]);
  });

  it('counts pass rate over graded requests and error rate over all of them', () => {
    const rows = makeRun({ cases: ['a', 'b', 'c', 'd'], relays: ['r'], repeats: 1, vary: ({ caseId }) => (caseId === 'a' ? { errorKind: 'http' } : {}) });
    const [passRate, errorRate] = evaluateGates(rows, { minPassRate: 1, maxErrorRate: 0.2, perRelay: false });
    expect(passRate).toMatchObject({ measured: 1, sampleSize: 3, pass: true });
    expect(errorRate).toMatchObject({ measured: 0.25, sampleSize: 4, pass: false });
  });

  it('reports a gate with nothing to measure as failed with no measurement', () => {
    const ungraded = makeRun({ cases: ['a'], relays: ['r'], repeats: 2, vary: () => ({ pass: undefined }) });
    expect(evaluateGates(ungraded, { minPassRate: 0.5, perRelay: false })).toEqual([
      { name: 'minPassRate', scope: { kind: 'overall' }, threshold: 0.5, measured: undefined, sampleSize: 0, pass: false },
    ]);
    const allErrors = makeRun({ cases: ['a'], relays: ['r'], repeats: 2, vary: () => ({ errorKind: 'timeout' }) });
    expect(evaluateGates(allErrors, { maxTotalP90Ms: 1000, perRelay: false })).toMatchObject([{ measured: undefined, pass: false }]);
  });

  it('takes latency p90 over successful requests only', () => {
    // Nine fast successes (100..900 ms) and one timeout at 60 s that must not count.
    const rows = makeRun({
      cases: ['a'],
      relays: ['r'],
      repeats: 10,
      vary: ({ repeat }) => (repeat === 10 ? { errorKind: 'timeout', totalMs: 60_000 } : { totalMs: repeat * 100 }),
    });
    const [total] = evaluateGates(rows, { maxTotalP90Ms: 1000, perRelay: false });
    // numpy.percentile([100..900], 90) = 820
    expect(total?.measured).toBeCloseTo(820, 9);
    expect(total).toMatchObject({ sampleSize: 9, pass: true });
  });

  it('gates each relay and thinking setting when asked', () => {
    const rows = makeRun({ cases: ['a', 'b'], relays: ['r'], budgets: [0, 1024], repeats: 1, vary: ({ budget }) => (budget === 0 ? { pass: false } : {}) });
    const results = labelled(evaluateGates(rows, { minPassRate: 0.9, perThinking: true }));
    expect(results).toEqual([
      { gate: 'minPassRate overall', measured: 0.5, pass: false },
      { gate: 'minPassRate relay r', measured: 0.5, pass: false },
      { gate: 'minPassRate r · budget 0', measured: 0, pass: false },
      { gate: 'minPassRate r · budget 1024', measured: 1, pass: true },
    ]);
  });

  it('lists relays by name and budgets by size, whatever order the requests finished in', () => {
    const rows = makeRun({ cases: ['a'], relays: ['zeta', 'alpha'], budgets: [8192, 0], repeats: 1 }).reverse();
    const results = evaluateGates(rows, { maxErrorRate: 0, perThinking: true }).map((result) => scopeLabel(result.scope));
    expect(results).toEqual(['overall', 'relay alpha', 'relay zeta', 'alpha · budget 0', 'alpha · budget 8192', 'zeta · budget 0', 'zeta · budget 8192']);
  });

  it('puts dynamic (-1) after every fixed budget, as the summary does', () => {
    const rows = makeRun({ cases: ['a'], relays: ['r'], budgets: [-1, 8192, 0], repeats: 1 });
    const results = evaluateGates(rows, { maxErrorRate: 0, perRelay: false, perThinking: true }).map((result) => scopeLabel(result.scope));
    expect(results).toEqual(['overall', 'r · budget 0', 'r · budget 8192', 'r · budget -1 (dynamic)']);
  });

  it('orders thinking levels minimal < low < medium < high, not alphabetically (issue 18)', () => {
    const rows = ['high', 'low', 'medium', 'minimal'].flatMap((level) =>
      makeRun({ cases: ['a'], relays: ['zeta', 'alpha'], repeats: 1 }).map((row) => ({
        ...row,
        thinking_budget: undefined,
        thinking_level: level,
        job_id: `${String(row.job_id)}|${level}`,
      })),
    );
    const results = evaluateGates(rows, { maxErrorRate: 0, perThinking: true }).map((result) => scopeLabel(result.scope));
    expect(results).toEqual([
      'overall',
      'relay alpha',
      'relay zeta',
      'alpha · level minimal',
      'alpha · level low',
      'alpha · level medium',
      'alpha · level high',
      'zeta · level minimal',
      'zeta · level low',
      'zeta · level medium',
      'zeta · level high',
    ]);
  });

  it('evaluates nothing when no gate is set', () => {
    expect(evaluateGates(makeRun({ cases: ['a'], relays: ['r'], repeats: 1 }), {})).toEqual([]);
  });
});
