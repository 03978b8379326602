import type { RequestRow } from '../../runfolder/columns.js';
import { numberCell } from '../../runfolder/cells.js';
import { tokenCount } from '../../format/index.js';
import { medianOf } from '../rowValues.js';
import { judged, notApplicable, type RelayEvidence, type VerdictResult } from '../types.js';
import { baselineFor, exampleJobs, perKeyMedians } from './baseline.js';

/** The same request: model and case (the thinking setting does not change the prompt). */
const caseKey = (row: RequestRow): string => `${String(row.model ?? '')}|${String(row.case_id ?? '')}`;
const caseOf = (key: string): string => key.slice(key.indexOf('|') + 1);

/**
 * Google counts the prompt deterministically, so the same request has the same
 * `promptTokenCount` on every honest route; a token of slack (or 2% on long prompts) covers a
 * route whose tokenizer build differs. An injected system prompt adds tens to hundreds of tokens
 * (new-api's channel system prompt, gemini-balance's injected tools).
 */
const TOLERANCE_TOKENS = 1;
const TOLERANCE_SHARE = 0.02;

/**
 * Prompt as sent: is `promptTokenCount` for each case the reference's (or the median relay's)? A
 * relay that prepends or replaces a system prompt, or adds tools, bills a different prompt.
 * Invisible without a reference or at least three relays of the same model. Fails when more than
 * half of the compared cases differ beyond the tolerance, either way (a stripped prompt is not as
 * sent either).
 */
export function promptAsSentVerdict(evidence: RelayEvidence): VerdictResult {
  const promptTokens = (row: RequestRow): number | undefined => numberCell(row.prompt_tokens);
  const own = perKeyMedians(evidence.rows, caseKey, promptTokens);
  if (own.size === 0) return notApplicable('no successful response reported promptTokenCount');
  const baseline = baselineFor(evidence, caseKey, promptTokens);
  if ('missing' in baseline) return notApplicable(baseline.missing);
  const compared = [...own.entries()].flatMap(([key, value]) => {
    const expected = baseline.values.get(key);
    return expected === undefined ? [] : [{ key, value, expected, difference: value - expected }];
  });
  if (compared.length === 0) return notApplicable(`no case in common with the ${baseline.label}`);
  const off = compared.filter((entry) => Math.abs(entry.difference) > Math.max(TOLERANCE_TOKENS, entry.expected * TOLERANCE_SHARE));
  const median = medianOf(compared.map((entry) => entry.difference)) ?? 0;
  const worst = compared.reduce((top, entry) => (Math.abs(entry.difference) > Math.abs(top.difference) ? entry : top));
  const failed = off.length * 2 > compared.length;
  const offCases = new Set(off.map((entry) => caseOf(entry.key)));
  const examples = failed ? exampleJobs(evidence.rows.filter((row) => row.status === 'ok' && offCases.has(String(row.case_id)))) : '';
  return judged(
    failed,
    `promptTokenCount vs the ${baseline.label}: ${off.length} of ${compared.length} cases differ by more than ${TOLERANCE_TOKENS} token or ${TOLERANCE_SHARE * 100}% (median ${median >= 0 ? '+' : ''}${tokenCount(median)} tokens; ${caseOf(worst.key)}: ${tokenCount(worst.value)} vs ${tokenCount(worst.expected)})${examples}`,
  );
}
