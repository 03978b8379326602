import { describe, expect, it } from 'vitest';
import { GATES_TABLE, renderHtmlTable, renderMarkdownTable, renderTextTable, SUMMARY_TABLE, type TableDefinition } from '../../src/report/tables/index.js';
import type { GateResult } from '../../src/analysis/gates.js';
import type { SummaryRow } from '../../src/runfolder/columns.js';

interface Sample {
  name: string;
  ms: number | undefined;
  share: number;
  pass: boolean;
}

/** Any table goes through the same three renderers: one definition, three media. */
const SAMPLE: TableDefinition<Sample, 'name' | 'ms' | 'share' | 'result'> = {
  columns: {
    name: { header: 'name', align: 'left', rowHeader: true, value: (row) => ({ kind: 'text', text: row.name }) },
    ms: { header: 'latency p50', headers: { text: 'p50' }, align: 'right', value: (row) => ({ kind: 'ms', value: row.ms }) },
    share: { header: 'pass', align: 'right', value: (row) => ({ kind: 'share', value: row.share }) },
    result: { header: 'result', align: 'left', value: (row) => ({ kind: 'verdict', pass: row.pass }) },
  },
  views: { text: ['name', 'ms', 'share', 'result'], markdown: ['result', 'name', 'ms', 'share'], html: ['name', 'ms', 'result'] },
};

const rows: Sample[] = [
  { name: 'a|b_<c>', ms: 12345.6, share: 0.8333, pass: true },
  { name: 'slow', ms: undefined, share: 1, pass: false },
];

describe('table renderers', () => {
  it('renders the text view: medium headers, bare numbers, numeric columns right-aligned', () => {
    expect(renderTextTable(SAMPLE, rows).split('\n')).toEqual([
      'name       p50  pass  result',
      '───────  ─────  ────  ──────',
      'a|b_<c>  12346   83%  PASS',
      'slow         –  100%  FAIL',
    ]);
  });

  it('renders the Markdown view in its own column order, units and one decimal in cells, data escaped', () => {
    expect(renderMarkdownTable(SAMPLE, rows).split('\n')).toEqual([
      '| result | name | latency p50 | pass |',
      '| --- | --- | --- | --- |',
      '| ✅ pass | a\\|b\\_\\<c\\> | 12346 ms | 83.3% |',
      '| ❌ fail | slow | – | 100.0% |',
    ]);
  });

  it('renders the HTML view: escaped text, row headers, num cells, grouped thousands, verdict badges', () => {
    expect(renderHtmlTable(SAMPLE, rows, 'sample').toString()).toBe(
      '<div class="table-wrap"><table class="sample"><thead><tr><th scope="col">name</th><th scope="col">latency p50</th><th scope="col">result</th></tr></thead><tbody>' +
        '<tr><th scope="row">a|b_&lt;c&gt;</th><td class="num">12,346</td><td class="verdict pass"><span class="badge">PASS</span></td></tr>' +
        '<tr><th scope="row">slow</th><td class="num">–</td><td class="verdict fail"><span class="badge">FAIL</span></td></tr>' +
        '</tbody></table></div>',
    );
  });
});

describe('the summary and gates tables, defined once', () => {
  const summaryRow = {
    relay: 'honest',
    model: 'gemini-2.5-flash',
    thinking_budget: -1,
    thinking_level: undefined,
    n: 1200,
    ok: 1199,
    errors: 1,
    error_rate: 0.0008,
    pass_rate: 0.8333,
    pass_ci_low: 0.81,
    pass_ci_high: 0.85,
    pass_all_repeats_rate: 0.5,
    ttft_ms_p50: 1234.4,
    ttft_ms_p90: 2000,
    ttft_ms_p99: 2500,
    first_answer_ms_p50: 1500,
    first_answer_ms_p90: 2100,
    first_answer_ms_p99: 2600,
    total_ms_p50: 3000,
    total_ms_p90: 4000,
    total_ms_p99: 5000,
    thought_tokens_mean: 900.4,
    answer_tokens_mean: 12,
    answer_tokens_per_s_p50: 80.2,
    cost_usd_mean: 0.00123,
    cost_usd_total: 1.47,
    cost_per_pass_usd: 0.00148,
  } as unknown as SummaryRow;

  it.each([
    [
      'text',
      () => renderTextTable(SUMMARY_TABLE, [summaryRow]).split('\n')[2],
      'honest  gemini-2.5-flash  dynamic   1200       1   83%     50%  81%–85%          1234      2000        1500       3000       4000          900  $0.00123  $0.00148',
    ],
    [
      'markdown',
      () => renderMarkdownTable(SUMMARY_TABLE, [summaryRow]).split('\n')[2],
      '| honest | gemini-2.5-flash | dynamic | 1200 | 1 | 83.3% | 50.0% | 81.0%–85.0% | 1234 ms | 1500 ms | 3000 ms | 4000 ms |',
    ],
  ])('spells one summary row for the %s medium', (_medium, render, expected) => {
    expect(render()).toBe(expected);
  });

  it('spells the same row for HTML with grouped thousands and every percentile', () => {
    const page = renderHtmlTable(SUMMARY_TABLE, [summaryRow], 'summary').toString();
    expect(page).toContain(
      '<th scope="row">honest</th><td>gemini-2.5-flash</td><td>dynamic</td><td class="num">1,200</td><td class="num">1</td><td class="num">83%</td><td class="num">81%–85%</td><td class="num">1,234</td>',
    );
    expect(page.match(/<th scope="col">/g)).toHaveLength(19);
  });

  it('puts the gate result first on the console and last in Markdown', () => {
    const gate: GateResult = {
      name: 'minPassRate',
      scope: { kind: 'thinking', relay: 'flaky', thinking: 'level low' },
      threshold: 0.9,
      measured: 0.75,
      sampleSize: 4,
      pass: false,
    };
    expect(renderTextTable(GATES_TABLE, [gate]).split('\n')[2]).toBe('FAIL    minPassRate  flaky · level low  ≥ 90.0%    75.0% (n = 4 graded)');
    expect(renderMarkdownTable(GATES_TABLE, [gate]).split('\n')[2]).toBe('| minPassRate | flaky · level low | ≥ 90.0% | 75.0% (n = 4 graded) | ❌ fail |');
  });
});
