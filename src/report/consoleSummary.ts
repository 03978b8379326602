import { thinkingOfCells, thinkingShortLabel } from '../plan/thinking.js';
import type { SummaryRow } from '../runfolder/columns.js';
import { renderTextTable, SUMMARY_TABLE } from './tables/index.js';
import { percentWhole } from '../format/index.js';

/**
 * The console summary: one line per (relay, model, thinking setting), pass rate with pass^k (the
 * share of cases that passed on every repeat) and its 95% interval, and latency percentiles with the sample size beside them, so nobody over-reads a p99
 * from twelve samples. Returns a string; printing is the caller's business.
 */
export function formatSummaryTable(rows: SummaryRow[]): string {
  const lines = [
    renderTextTable(SUMMARY_TABLE, rows),
    '(times in ms from request start; ttft = first token, answer = first answer token; pass^k = cases that passed on every repeat; cost/req = mean USD per successful request, cost/pass = total USD per correct answer)',
  ];
  const warnings = summaryWarnings(rows);
  return [...lines, ...warnings].join('\n');
}

/**
 * Errors by kind per relay (e.g. `flaky: http ×3, timeout ×1`), in the order relays first appear.
 * Empty when nothing failed. Rows may come from requests.csv, so the kind is read as a string.
 */
export function formatErrorKinds(rows: Iterable<{ relay?: unknown; error_kind?: unknown }>): string {
  const byRelay = new Map<string, Map<string, number>>();
  for (const row of rows) {
    if (row.error_kind === undefined || row.error_kind === '') continue;
    const kinds = byRelay.get(String(row.relay)) ?? new Map<string, number>();
    kinds.set(String(row.error_kind), (kinds.get(String(row.error_kind)) ?? 0) + 1);
    byRelay.set(String(row.relay), kinds);
  }
  if (byRelay.size === 0) return '';
  const lines = [...byRelay].map(([relay, kinds]) => `  ${relay}: ${[...kinds].map(([kind, count]) => `${kind} ×${count}`).join(', ')}`);
  return ['Errors by kind (details in requests.csv: error_kind, error_message):', ...lines].join('\n');
}

/** Hyperfine-style warnings that say what to do. */
export function summaryWarnings(rows: SummaryRow[]): string[] {
  const warnings: string[] = [];
  const small = rows.filter((row) => Number(row.ok) > 0 && Number(row.ok) < 10);
  if (small.length > 0) {
    warnings.push(`Warning: ${small.length} group(s) have fewer than 10 successful requests; p90/p99 are rough. Raise \`repeats\` for tighter numbers.`);
  }
  const failing = rows.filter((row) => Number(row.error_rate) >= 0.5);
  for (const row of failing) {
    warnings.push(
      `Warning: ${row.relay} (${thinkingShortLabel(thinkingOfCells(row), '–')}) failed ${percentWhole(row.error_rate)} of requests; see error_kind and error_message in requests.csv.`,
    );
  }
  return warnings;
}
