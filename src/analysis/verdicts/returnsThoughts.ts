import { numberCell } from '../../runfolder/cells.js';
import { okRows, thoughtTokensOf } from '../rowValues.js';
import { judged, notApplicable, type RelayEvidence, type VerdictResult } from '../types.js';

/**
 * Returns thoughts: with `includeThoughts` on, does a response that billed thought tokens carry
 * thought parts? Google may leave out a summary when the model barely thought, so the relay fails
 * only when most such responses have none: a relay that strips thoughts strips them all.
 */
export function returnsThoughtsVerdict({ rows, includeThoughts }: RelayEvidence): VerdictResult {
  if (includeThoughts !== true) return notApplicable('includeThoughts was not set, so no thought parts were asked for');
  const ok = okRows(rows);
  const thoughtChunks = (row: (typeof ok)[number]): number => numberCell(row.thought_chunks) ?? 0;
  const thinking = ok.filter((row) => (thoughtTokensOf(row) ?? 0) > 0);
  if (thinking.length === 0) {
    const withThoughts = ok.filter((row) => thoughtChunks(row) > 0).length;
    if (withThoughts > 0) return judged(false, `${withThoughts} of ${ok.length} responses carried thought parts (no thought token counts to compare with)`);
    return notApplicable('no successful response reported thought tokens, so none had thoughts to return');
  }
  const stripped = thinking.filter((row) => thoughtChunks(row) === 0).length;
  return judged(stripped * 2 > thinking.length, `${stripped} of ${thinking.length} responses that billed thought tokens carried no thought part`);
}
