import type { LoadRow } from '../runfolder/loadCsv.js';

/** When a rate "held": SLO attainment ≥ 90% and errors ≤ 5% of requests sent (docs/run-folder.md#loadcsv). */
export const HOLD_MIN_ATTAINMENT = 0.9;
/** A rate "holds" only with errors at most 5% (docs/run-folder.md#loadcsv), beside SLO attainment ≥ 90%. */
export const HOLD_MAX_ERROR_RATE = 0.05;

/** Whether a step held the SLO: attainment ≥ 90% and errors ≤ 5% of completed requests. */
export function held(row: LoadRow): boolean {
  const attainment = row.slo_attainment ?? 0;
  const completed = row.completed ?? 0;
  const errorRate = completed === 0 ? 1 : (row.errors ?? 0) / completed;
  return attainment >= HOLD_MIN_ATTAINMENT && errorRate <= HOLD_MAX_ERROR_RATE;
}

/** Whether the harness fell behind at this step: start-lag p99 over the bound, so its numbers are not trustworthy. */
export function lagged(row: LoadRow, maxStartLagMs: number): boolean {
  return row.start_lag_ms_p99 !== undefined && row.start_lag_ms_p99 > maxStartLagMs;
}

/** Per relay, the highest offered rate that held the SLO (undefined: none did), in the rows' relay order. */
export function highestHeldRates(rows: readonly LoadRow[]): Map<string, number | undefined> {
  const byRelay = new Map<string, number | undefined>();
  for (const row of rows) {
    const best = byRelay.get(row.relay);
    if (!byRelay.has(row.relay)) byRelay.set(row.relay, undefined);
    if (held(row) && row.offered_rps !== undefined && (best === undefined || row.offered_rps > best)) byRelay.set(row.relay, row.offered_rps);
  }
  return byRelay;
}
