import { describe, expect, it } from 'vitest';
import { spendingCapText } from '../../src/report/consoleSpendingCap.js';

const resume = 'relaybench run suites/demo.yaml --resume runs/x';

describe('spendingCapText', () => {
  it('says what was spent, the overshoot bound and the resume command with twice the cap', () => {
    expect(spendingCapText({ capUsd: 0.01, spentUsd: 0.0104, maxJobWorstUsd: 0.0009 }, 7, 20, 'runs/x', resume, 0, 0)).toBe(
      [
        'Spending cap reached: $0.010400 spent of --max-cost $0.01 after 7 of 20 jobs; no new job was started, the ones in flight finished.',
        "The cap counts finished requests plus the worst case of those in flight, so a run goes over it by at most one request's worst case ($0.0009 here).",
        'What finished is saved in runs/x.',
        'Resume with a higher cap:',
        `  ${resume} --max-cost 0.02`,
        '',
      ].join('\n'),
    );
  });

  it.each([
    // higher cap = max(2 × cap, spent + one job's worst case), to 3 significant digits
    [{ capUsd: 1, spentUsd: 0.5, maxJobWorstUsd: 0.1 }, '--max-cost 2'],
    [{ capUsd: 0.001, spentUsd: 0.0012, maxJobWorstUsd: 0.0023456 }, '--max-cost 0.00355'],
    [{ capUsd: 0.3, spentUsd: 0.31, maxJobWorstUsd: 0 }, '--max-cost 0.6'],
  ])('suggests a cap above spent + worst case: %o', (cap, flag) => {
    expect(spendingCapText(cap, 1, 2, 'd', resume, 0, 0)).toContain(`  ${resume} ${flag}\n`);
  });

  it('names the warm-ups share and the answers counted at their worst case', () => {
    const text = spendingCapText({ capUsd: 0.01, spentUsd: 0.011, maxJobWorstUsd: 0.001 }, 3, 9, 'd', resume, 0.0005, 2);
    expect(text).toContain('$0.011000 spent (warm-ups, which have no row, $0.000500 of it) of --max-cost $0.01');
    expect(text).toContain('\n2 answered request(s) carried no usage: each was counted at its worst case');
    expect(text.endsWith('\n')).toBe(true);
  });
});
