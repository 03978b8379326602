import { describe, expect, it } from 'vitest';
import { compareToBaseline } from '../../src/gate/baseline.js';
import { renderConsoleText } from '../../src/gate/consoleText.js';
import { evaluateGates } from '../../src/analysis/gates.js';
import { renderSummaryMarkdown } from '../../src/gate/markdown.js';
import { summarize } from '../../src/analysis/summary.js';
import { makeRun } from './rows.js';

const cases = ['sum', 'capital'];
const baseline = makeRun({ cases, relays: ['alpha', 'beta'], repeats: 3 });
const current = makeRun({
  cases,
  relays: ['alpha', 'beta'],
  repeats: 3,
  // beta now fails both cases on every repeat: 6 pass→fail pairs of 12, none back.
  vary: ({ relay }) => (relay === 'beta' ? { modelVersion: 'gemini-2.5-flash-002', pass: false } : {}),
});
const counts = { rows: current.length, ok: current.length, errors: 0 };

describe('renderSummaryMarkdown', () => {
  it('opens with the verdict naming what failed, then gates, regressions with their likely cause, and the summary', () => {
    const gates = evaluateGates(current, { minPassRate: 0.8 });
    const markdown = renderSummaryMarkdown({
      suiteName: 'arith',
      summaryRows: summarize(current),
      gates,
      baseline: compareToBaseline(current, baseline),
      baselineName: 'results/base',
      counts,
    });
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('## ❌ relaybench arith: failed — minPassRate (overall), minPassRate (relay beta), regression: overall, regression: relay beta');
    expect(markdown).toContain('| minPassRate | relay beta | ≥ 80.0% | 0.0% (n = 6 graded) | ❌ fail |');
    expect(markdown).toContain('| minPassRate | relay alpha | ≥ 80.0% | 100.0% (n = 6 graded) | ✅ pass |');
    expect(markdown).toContain('12 pairs: 6 pass→pass, **6 pass→fail**, 0 fail→pass, 0 fail→fail.');
    expect(markdown).toContain('**Significant drops (2):** **overall**, **relay beta**.');
    // overall p = 2^-6; relay beta p = 2^-6, Holm over 2 relays 2^-5; each case 2^-3, Holm 2^-2
    expect(markdown).toContain('| overall | all pairs | 6 | 0 | 0.016 | 0.016 | **DROP** |');
    expect(markdown).toContain('| relay | beta | 6 | 0 | 0.016 | 0.031 | **DROP** |');
    expect(markdown).toContain('| case | sum | 3 | 0 | 0.125 | 0.250 |  |');
    expect(markdown).toContain('- sum · beta · repeat 3');
    expect(markdown).toContain('- **sum · beta**: 3/3 → 0/3 passed (p = 0.050) — model version changed: gemini-2.5-flash-001 → gemini-2.5-flash-002 — regression');
    expect(markdown).toContain('| beta | gemini-2.5-flash-001 | gemini-2.5-flash-002 |');
    expect(markdown.indexOf('### Gates')).toBeLessThan(markdown.indexOf('### Against the baseline'));
    expect(markdown.indexOf('### Against the baseline')).toBeLessThan(markdown.indexOf('### Per relay'));
  });

  it('says passed, and that nothing was gated, when no gate is configured', () => {
    const markdown = renderSummaryMarkdown({ suiteName: 'arith', summaryRows: summarize(baseline), gates: [], counts });
    expect(markdown.split('\n')[0]).toBe('## ✅ relaybench arith: passed (no gates configured)');
  });

  it('escapes case ids so they cannot break a table or inject HTML', () => {
    const rows = makeRun({ cases: ['a|b<script>'], relays: ['r'], repeats: 1 });
    const markdown = renderSummaryMarkdown({
      suiteName: 'x',
      summaryRows: summarize(rows),
      gates: evaluateGates(rows, { minPassRate: 0.5 }),
      baseline: compareToBaseline(rows, rows),
      counts,
    });
    expect(markdown).not.toContain('<script>');
  });
});

describe('renderConsoleText', () => {
  it('lists each gate with threshold, measured value and PASS/FAIL, plain text', () => {
    const gates = evaluateGates(current, { minPassRate: 0.8, maxErrorRate: 0.1, perRelay: false });
    const text = renderConsoleText({ gates, baseline: compareToBaseline(current, baseline), written: ['results/x/summary.md'] });
    expect(text).toMatch(/FAIL\s+minPassRate\s+overall\s+≥ 80\.0%\s+50\.0% \(n = 12 graded\)/);
    expect(text).toMatch(/PASS\s+maxErrorRate\s+overall\s+≤ 10\.0%\s+0\.0% \(n = 12 requests\)/);
    expect(text).toContain('12 pairs: 6 pass→pass, 6 pass→fail, 0 fail→pass, 0 fail→fail');
    expect(text).toMatch(/relay\s+beta\s+6\s+0\s+0\.016\s+0\.031\s+DROP/);
    expect(text).toContain('pass→fail jobs (6):\n    capital · beta · repeat 1\n');
    expect(text).toContain('Result: FAILED — minPassRate (overall), regression: overall, regression: relay beta');
    expect(text).toContain('Wrote results/x/summary.md');
    expect(text).not.toMatch(/\u001b\[/);
  });
});
