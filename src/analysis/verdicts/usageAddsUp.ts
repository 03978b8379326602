import type { RequestRow } from '../../runfolder/columns.js';
import { numberCell } from '../../runfolder/cells.js';
import { okRows } from '../rowValues.js';
import { judged, notApplicable, type RelayEvidence, type VerdictResult } from '../types.js';

function sumOf(row: RequestRow): { parts: number; total: number | undefined } {
  const parts = (numberCell(row.prompt_tokens) ?? 0) + (numberCell(row.answer_tokens) ?? 0) + (numberCell(row.thought_tokens) ?? 0);
  return { parts, total: numberCell(row.total_tokens) };
}

/**
 * Usage adds up: is prompt + candidates + thoughts equal to the total, with usage present at all?
 * Google sends `usageMetadata` on every chunk and, for text without tools, its total is exactly
 * that sum; so any response without usage, or with a sum that differs, is the relay's doing.
 * Billing is what usage is for: one wrong count is already one too many.
 */
export function usageAddsUpVerdict({ rows, detailOf }: RelayEvidence): VerdictResult {
  const ok = okRows(rows);
  if (ok.length === 0) return notApplicable('no successful response to read usage from');
  const withUsage = ok.filter((row) => detailOf(row)?.usage_present ?? numberCell(row.total_tokens) !== undefined);
  const missing = ok.length - withUsage.length;
  if (withUsage.length === 0) return judged(true, `usage missing on all ${ok.length} successful responses`);
  const wrong = withUsage.filter((row) => {
    const { parts, total } = sumOf(row);
    return total === undefined || parts !== total;
  });
  const example = wrong[0];
  const exampleText =
    example === undefined ? '' : ` (e.g. ${example.prompt_tokens ?? 0} + ${example.answer_tokens ?? 0} + ${example.thought_tokens ?? 0} ≠ ${example.total_tokens ?? 'no total'})`;
  return judged(
    missing > 0 || wrong.length > 0,
    `usage present on ${withUsage.length} of ${ok.length} successful responses; prompt + answer + thought tokens = total on ${withUsage.length - wrong.length} of ${withUsage.length}${exampleText}`,
  );
}
