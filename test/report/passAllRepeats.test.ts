import { describe, expect, it } from 'vitest';
import { renderSummaryMarkdown } from '../../src/gate/markdown.js';
import { REQUEST_COLUMNS, type RequestRow } from '../../src/runfolder/columns.js';
import { formatSummaryTable } from '../../src/report/consoleSummary.js';
import { passAllRepeatsRate, summarize } from '../../src/analysis/summary.js';

const EMPTY = Object.fromEntries(REQUEST_COLUMNS.map((column) => [column, undefined])) as RequestRow;
const row = (caseId: string, pass: string | undefined, status = 'ok'): RequestRow => ({ ...EMPTY, relay: 'r', model: 'm', thinking_budget: '0', case_id: caseId, status, pass });

describe('pass^k (pass_all_repeats_rate): the share of cases whose every graded repeat passed', () => {
  it.each<[string, RequestRow[], number | undefined]>([
    ['every repeat of every case passed', [row('a', 'true'), row('a', 'true'), row('b', 'true')], 1],
    // a: 3/3, b: 2/3, c: 0/3 → mean pass rate 5/9, but only a passed every time: 1/3.
    [
      'one flaky repeat fails its case',
      [row('a', 'true'), row('a', 'true'), row('a', 'true'), row('b', 'true'), row('b', 'false'), row('b', 'true'), row('c', 'false'), row('c', 'false'), row('c', 'false')],
      1 / 3,
    ],
    ['errors are not repeats: a case with one graded pass and one error passed', [row('a', 'true'), row('a', undefined, 'error'), row('b', 'false')], 1 / 2],
    ['a case with no graded repeat is left out', [row('a', 'true'), row('b', undefined, 'error')], 1],
    ['nothing graded', [row('a', undefined)], undefined],
    ['one repeat: pass^k equals the pass rate', [row('a', 'true'), row('b', 'false'), row('c', 'true'), row('d', 'true')], 3 / 4],
  ])('%s', (_, rows, expected) => {
    expect(passAllRepeatsRate(rows)).toBe(expected);
  });

  const rows = [row('a', 'true'), row('a', 'true'), row('b', 'true'), row('b', 'false')];

  it('is in summary.csv rows and shown beside the pass rate on the console', () => {
    const [summary] = summarize(rows);
    expect(summary?.pass_rate).toBe(0.75);
    expect(summary?.pass_all_repeats_rate).toBe(0.5);
    const [header, , line] = formatSummaryTable(summarize(rows)).split('\n');
    expect(header).toMatch(/pass\s+pass\^k\s+pass 95% CI/);
    expect(line).toMatch(/\s75%\s+50%\s+/);
  });

  it('is shown beside the pass rate in summary.md', () => {
    const markdown = renderSummaryMarkdown({ suiteName: 's', summaryRows: summarize(rows), gates: [], counts: { rows: 4, ok: 4, errors: 0 } });
    expect(markdown).toContain('| pass | pass^k (every repeat) | pass 95% CI |');
    expect(markdown).toContain('| 75.0% | 50.0% |');
  });
});
