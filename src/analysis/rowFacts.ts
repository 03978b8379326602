import type { RequestRow, SummaryRow } from '../runfolder/columns.js';
import { summarize } from './summary.js';

/** What `run` prints and writes of its finished rows (summary.csv, run.json's counts, the no-usage note). */
export interface RowFacts {
  /** Rows written (one per job). */
  count: number;
  /** Rows with `status` ok. */
  ok: number;
  /** summary.csv's rows, relays in `relayOrder`. */
  summary: SummaryRow[];
  /** Successful rows without cost_usd, per relay (no usage, or no price), in first-seen order. */
  uncosted: Map<string, number>;
}

/**
 * The counts, summary and uncosted rows of a run's finished rows (as requests.csv holds them).
 * Pure: rows in, facts out; `relayOrder` orders the summary's relays (the suite's order).
 */
export function rowFacts(rows: readonly RequestRow[], relayOrder: readonly string[]): RowFacts {
  const uncosted = new Map<string, number>();
  for (const row of rows) {
    if (row.status === 'ok' && (row.cost_usd === undefined || row.cost_usd === '')) uncosted.set(String(row.relay), (uncosted.get(String(row.relay)) ?? 0) + 1);
  }
  return { count: rows.length, ok: rows.filter((row) => row.status === 'ok').length, summary: summarize(rows, relayOrder), uncosted };
}
