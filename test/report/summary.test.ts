import { describe, expect, it } from 'vitest';
import { REQUEST_COLUMNS, type RequestRow } from '../../src/runfolder/columns.js';
import { formatErrorKinds, formatSummaryTable } from '../../src/report/consoleSummary.js';
import { summarize } from '../../src/analysis/summary.js';

const EMPTY = Object.fromEntries(REQUEST_COLUMNS.map((column) => [column, undefined])) as RequestRow;
const row = (values: Partial<RequestRow>): RequestRow => ({ ...EMPTY, relay: 'r', model: 'm', thinking_budget: '1024', status: 'ok', ...values });

describe('summarize', () => {
  // Ten rows: ttft 10..100 ms, 8 of 9 graded rows pass, one error.
  const rows = [
    ...Array.from({ length: 9 }, (_, index) =>
      row({
        ttft_ms: String((index + 1) * 10),
        total_ms: (index + 1) * 100,
        first_answer_ms: (index + 1) * 20,
        thought_tokens: '100',
        answer_tokens: 10,
        pass: index === 0 ? 'false' : 'true',
      }),
    ),
    row({ status: 'error', error_kind: 'http' }),
  ];
  const [summary] = summarize(rows);

  it('counts, rates and the Wilson interval', () => {
    expect(summary).toMatchObject({ relay: 'r', model: 'm', thinking_budget: '1024', n: 10, ok: 9, errors: 1, error_rate: 0.1, pass_rate: 0.8889 });
    // Wilson 95% for 8/9: 0.5650 … 0.9801.
    expect(summary?.pass_ci_low).toBeCloseTo(0.565, 3);
    expect(summary?.pass_ci_high).toBeCloseTo(0.9801, 3);
  });

  it('type-7 percentiles over successful rows only', () => {
    expect(summary).toMatchObject({
      ttft_ms_p50: 50,
      ttft_ms_p90: 82,
      ttft_ms_p99: 89.2,
      total_ms_p50: 500,
      first_answer_ms_p50: 100,
      thought_tokens_mean: 100,
      answer_tokens_mean: 10,
    });
  });

  it("orders groups by the suite's relay order, then thinking setting with dynamic last", () => {
    const grouped = summarize(
      [
        row({ relay: 'b', thinking_budget: '-1' }),
        row({ relay: 'b', thinking_budget: '0' }),
        row({ relay: 'a', thinking_budget: '8192' }),
        row({ relay: 'a', thinking_budget: '1024' }),
      ],
      ['b', 'a'],
    );
    expect(grouped.map((entry) => `${entry.relay}:${entry.thinking_budget}`)).toEqual(['b:0', 'b:-1', 'a:1024', 'a:8192']);
  });

  it('prints a table with the interval and a warning that says what to do', () => {
    const text = formatSummaryTable(summarize(rows));
    expect(text).toContain('89%');
    expect(text).toContain('56%–98%');
    expect(text).toMatch(/fewer than 10 successful requests.*Raise `repeats`/);
  });
});

describe('formatErrorKinds', () => {
  it('counts errors by kind per relay, and says nothing when nothing failed', () => {
    const rows = [row({ relay: 'a', error_kind: 'http' }), row({ relay: 'b' }), row({ relay: 'a', error_kind: 'timeout' }), row({ relay: 'a', error_kind: 'http' })];
    expect(formatErrorKinds(rows)).toBe('Errors by kind (details in requests.csv: error_kind, error_message):\n  a: http ×2, timeout ×1');
    expect(formatErrorKinds([row({})])).toBe('');
  });
});
