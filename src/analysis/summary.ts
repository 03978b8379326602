import { mean, percentile, wilsonInterval } from '../stats/index.js';
import type { RequestRow, SummaryRow } from '../runfolder/columns.js';
import { groupRows, passCell, numberCell, type RowGroup } from '../runfolder/cells.js';
import { compareThinking, thinkingOfCells } from '../plan/thinking.js';

/**
 * Groups ordered by relay (as the suite lists them, then by name) and thinking setting (the one
 * order of `plan/thinking.ts`), not by finishing order.
 */
function sortGroups(groups: RowGroup[], relayOrder: readonly string[]): RowGroup[] {
  const relayRank = (relay: string): number => {
    const index = relayOrder.indexOf(relay);
    return index === -1 ? relayOrder.length : index;
  };
  return [...groups].sort((left, right) => {
    const leftRelay = String(left.first.relay);
    const rightRelay = String(right.first.relay);
    return relayRank(leftRelay) - relayRank(rightRelay) || leftRelay.localeCompare(rightRelay) || compareThinking(thinkingOfCells(left.first), thinkingOfCells(right.first));
  });
}

function sortedColumn(rows: RequestRow[], column: keyof RequestRow): number[] {
  const values: number[] = [];
  for (const row of rows) {
    const value = numberCell(row[column]);
    if (value !== undefined) values.push(value);
  }
  return values.sort((a, b) => a - b);
}

/**
 * pass^k: the share of cases (among those with at least one graded repeat) whose every graded
 * repeat passed. Reliability across repeats rather than the mean (Yao et al., "τ-bench", 2024).
 */
export function passAllRepeatsRate(rows: readonly RequestRow[]): number | undefined {
  const allPassed = new Map<string, boolean>();
  for (const row of rows) {
    if (row.status !== 'ok') continue;
    const pass = passCell(row.pass);
    if (pass === undefined) continue;
    const caseId = String(row.case_id);
    allPassed.set(caseId, (allPassed.get(caseId) ?? true) && pass);
  }
  if (allPassed.size === 0) return undefined;
  let passed = 0;
  for (const value of allPassed.values()) if (value) passed++;
  return passed / allPassed.size;
}

const round = (value: number | undefined, digits: number): number | undefined => (value === undefined ? undefined : Math.round(value * 10 ** digits) / 10 ** digits);

/**
 * `summary.csv`: counts, error rate, pass rate with its Wilson 95% interval, and latency
 * percentiles over successful requests. Pure, so the same function serves a live run, a resume, a
 * merge and `relaybench report`.
 */
export function summarize(rows: Iterable<RequestRow>, relayOrder: readonly string[] = []): SummaryRow[] {
  return sortGroups(groupRows(rows), relayOrder).map(({ first, rows: group }) => {
    const ok = group.filter((row) => row.status === 'ok');
    const graded = ok.map((row) => passCell(row.pass)).filter((pass): pass is boolean => pass !== undefined);
    const passes = graded.filter(Boolean).length;
    const interval = wilsonInterval(passes, graded.length);
    const latency = (column: keyof RequestRow): [number | undefined, number | undefined, number | undefined] => {
      const sorted = sortedColumn(ok, column);
      return [round(percentile(sorted, 50), 1), round(percentile(sorted, 90), 1), round(percentile(sorted, 99), 1)];
    };
    const [ttft50, ttft90, ttft99] = latency('ttft_ms');
    const [answer50, answer90, answer99] = latency('first_answer_ms');
    const [total50, total90, total99] = latency('total_ms');
    const costs = sortedColumn(ok, 'cost_usd');
    const costTotal = costs.length === 0 ? undefined : costs.reduce((sum, value) => sum + value, 0);
    return {
      relay: first.relay as string,
      model: first.model as string,
      thinking_budget: first.thinking_budget as string | number | undefined,
      thinking_level: first.thinking_level as string | undefined,
      n: group.length,
      ok: ok.length,
      errors: group.length - ok.length,
      error_rate: round((group.length - ok.length) / group.length, 4),
      pass_rate: graded.length === 0 ? undefined : round(passes / graded.length, 4),
      pass_ci_low: round(interval?.low, 4),
      pass_ci_high: round(interval?.high, 4),
      pass_all_repeats_rate: round(passAllRepeatsRate(group), 4),
      ttft_ms_p50: ttft50,
      ttft_ms_p90: ttft90,
      ttft_ms_p99: ttft99,
      first_answer_ms_p50: answer50,
      first_answer_ms_p90: answer90,
      first_answer_ms_p99: answer99,
      total_ms_p50: total50,
      total_ms_p90: total90,
      total_ms_p99: total99,
      thought_tokens_mean: round(mean(sortedColumn(ok, 'thought_tokens')), 1),
      answer_tokens_mean: round(mean(sortedColumn(ok, 'answer_tokens')), 1),
      answer_tokens_per_s_p50: round(percentile(sortedColumn(ok, 'answer_tokens_per_s'), 50), 1),
      cost_usd_mean: round(mean(costs), 8),
      cost_usd_total: round(costTotal, 6),
      cost_per_pass_usd: costTotal === undefined || passes === 0 ? undefined : round(costTotal / passes, 8),
    };
  });
}
