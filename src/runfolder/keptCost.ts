import { readFileSync } from 'node:fs';

/**
 * USD already spent by a resumed folder, counted against `--max-cost`: the sum of its kept rows'
 * `cost_usd` (empty or unparsable cells count 0), or its last session's run.json
 * `spendingCap.spentUsd` when that is larger (a capped session also counted what no row shows:
 * warm-ups, answers without usage at their worst case).
 */
export function keptCostUsd(rows: Iterable<{ cost_usd?: unknown }>, runJsonPath: string): number {
  let rowsUsd = 0;
  for (const row of rows) rowsUsd += Number(row.cost_usd) || 0;
  return Math.max(rowsUsd, previousCapSpentUsd(runJsonPath));
}

/** run.json `spendingCap.spentUsd` of the folder's last session (a positive finite number); 0 when absent or unreadable. */
export function previousCapSpentUsd(path: string): number {
  try {
    const spent = (JSON.parse(readFileSync(path, 'utf8')) as { spendingCap?: { spentUsd?: unknown } }).spendingCap?.spentUsd;
    return typeof spent === 'number' && Number.isFinite(spent) && spent > 0 ? spent : 0;
  } catch {
    return 0;
  }
}
