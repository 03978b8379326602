import type { RequestRow } from '../../runfolder/columns.js';
import { numberCell } from '../../runfolder/cells.js';
import { percentAdaptive } from '../../format/index.js';
import { medianOf, okRows } from '../rowValues.js';
import { judged, notApplicable, type RelayEvidence, type VerdictResult } from '../types.js';
import { baselineFor, caseSettingKey, exampleJobs } from './baseline.js';
import { TINY_PIECE_CHARS } from './nativelyPaced.js';

/**
 * No tokenizer bills more than about one token per character of ordinary text (Gemini splits
 * digits one per token; CJK runs near one per character). Twice that plus a few tokens for a
 * near-empty answer is beyond any honest count.
 */
const MAX_TOKENS_PER_CHAR = 2;
const SLACK_TOKENS = 4;
/**
 * Billed answer tokens per character against the baseline's for the same case and setting. The
 * same text always tokenizes the same, and answers to one case vary in wording by a few percent
 * in tokens per character; 20% above the baseline is padding, not wording.
 */
const MAX_RATIO_TO_BASELINE = 1.2;
/** More than half of the judged responses: a pattern, not a fluke. */
const MAX_OFFENDING_SHARE = 0.5;

const charsOf = (row: RequestRow): number => [...String(row.answer ?? '')].length;

function tokensPerChar(row: RequestRow): number | undefined {
  const tokens = numberCell(row.answer_tokens);
  const chars = charsOf(row);
  return tokens === undefined || chars === 0 ? undefined : tokens / chars;
}

/**
 * Usage plausible: do billed answer tokens fit the answer text, and does usage behave like
 * Google's (growing with the answer, not repeated identically in every chunk)? Three findings,
 * any of which fails: answer tokens beyond 2 per character; tokens per character more than 20%
 * above the baseline's (reference or median relay) for the same case and setting; usage
 * repeated identically in every chunk of most responses. A re-paced response copies its
 * upstream chunk's usage into each piece, which `natively_paced` reports, so it is left out of
 * the repeated-usage count.
 */
export function usagePlausibleVerdict(evidence: RelayEvidence): VerdictResult {
  const { rows, detailOf } = evidence;
  const billed = okRows(rows).filter((row) => numberCell(row.answer_tokens) !== undefined);
  if (billed.length === 0) return notApplicable('no successful response reported answer tokens');
  const parts: string[] = [];
  let failed = false;
  const offenders: RequestRow[] = [];

  const overCap = billed.filter((row) => (numberCell(row.answer_tokens) as number) > MAX_TOKENS_PER_CHAR * charsOf(row) + SLACK_TOKENS);
  failed ||= overCap.length > billed.length * MAX_OFFENDING_SHARE;
  parts.push(`${overCap.length} of ${billed.length} bill more than ${MAX_TOKENS_PER_CHAR} answer tokens per character + ${SLACK_TOKENS}`);
  if (overCap.length > billed.length * MAX_OFFENDING_SHARE) offenders.push(...overCap);

  const baseline = baselineFor(evidence, caseSettingKey, tokensPerChar);
  if ('missing' in baseline) parts.push(`no calibration (${baseline.missing})`);
  else {
    const ratios = billed.flatMap((row) => {
      const own = tokensPerChar(row);
      const expected = baseline.values.get(caseSettingKey(row));
      return own === undefined || expected === undefined || expected === 0 ? [] : [{ row, ratio: own / expected }];
    });
    const median = medianOf(ratios.map((entry) => entry.ratio));
    if (median !== undefined) {
      const padded = median > MAX_RATIO_TO_BASELINE;
      failed ||= padded;
      if (padded) offenders.push(...ratios.filter((entry) => entry.ratio > MAX_RATIO_TO_BASELINE).map((entry) => entry.row));
      parts.push(`answer tokens per character ${median.toFixed(2)}× the ${baseline.label}'s (limit ${MAX_RATIO_TO_BASELINE}×, over ${ratios.length} responses)`);
    }
  }

  const usageSeen = billed.filter((row) => detailOf(row)?.usage_static !== undefined && (detailOf(row)?.piece_chars_median ?? Infinity) > TINY_PIECE_CHARS);
  if (usageSeen.length > 0) {
    const repeated = usageSeen.filter((row) => detailOf(row)?.usage_static === true);
    const isRepeated = repeated.length > usageSeen.length * MAX_OFFENDING_SHARE;
    failed ||= isRepeated;
    if (isRepeated) offenders.push(...repeated);
    parts.push(
      `usage repeated identically in every chunk while the answer grew: ${repeated.length} of ${usageSeen.length} (${percentAdaptive(repeated.length / usageSeen.length)})`,
    );
  }
  return judged(failed, `${parts.join('; ')}${failed ? exampleJobs(offenders) : ''}`);
}
