import type { RequestRow } from '../../runfolder/columns.js';
import { numberCell } from '../../runfolder/cells.js';
import { tokenCount } from '../../format/index.js';
import { okRows } from '../rowValues.js';
import { judged, notApplicable, type RelayEvidence, type VerdictResult } from '../types.js';
import { exampleJobs } from './baseline.js';

/**
 * Google's GenerationConfig: `maxOutputTokens` caps the generated tokens, thinking included on
 * thinking models (a small cap ends in MAX_TOKENS with an empty answer); 5% slack covers a count
 * rounded differently. `stopSequences`: "the stop sequence will not be included as part of the
 * response", so an answer containing one was not stopped by it.
 */
const MAX_OUTPUT_SLACK = 0.05;

function stopSequencesOf(config: Readonly<Record<string, unknown>> | undefined): string[] {
  const value = config?.stopSequences ?? config?.stop_sequences;
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string' && entry !== '') : [];
}

function maxOutputTokensOf(config: Readonly<Record<string, unknown>> | undefined): number | undefined {
  const value = config?.maxOutputTokens ?? config?.max_output_tokens;
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

const outputTokensOf = (row: RequestRow): number => (numberCell(row.answer_tokens) ?? 0) + (numberCell(row.thought_tokens) ?? 0);

/**
 * Config honoured: `maxOutputTokens` and `stopSequences` obeyed? A relay that replaces the whole
 * generationConfig with a channel override drops both. A cap only shows an override when some
 * relay of the run reached it (finish reason MAX_TOKENS); otherwise the cap is not judged. One
 * response beyond either limit fails the relay: Google never goes past them.
 */
export function configHonouredVerdict({ rows, peers, generationConfig }: RelayEvidence): VerdictResult {
  const maxOutputTokens = maxOutputTokensOf(generationConfig);
  const stops = stopSequencesOf(generationConfig);
  if (maxOutputTokens === undefined && stops.length === 0) return notApplicable('the suite sets neither maxOutputTokens nor stopSequences');
  const ok = okRows(rows);
  if (ok.length === 0) return notApplicable('no successful response');
  const capReached = maxOutputTokens !== undefined && [...peers.values()].some((peerRows) => peerRows.some((row) => row.finish_reason === 'MAX_TOKENS'));
  const parts: string[] = [];
  const offenders: RequestRow[] = [];
  if (maxOutputTokens !== undefined) {
    if (capReached) {
      const over = ok.filter((row) => outputTokensOf(row) > maxOutputTokens * (1 + MAX_OUTPUT_SLACK));
      offenders.push(...over);
      const highest = Math.max(...ok.map(outputTokensOf));
      parts.push(`${over.length} of ${ok.length} responses over maxOutputTokens ${maxOutputTokens} (highest ${tokenCount(highest)} answer + thought tokens)`);
    } else {
      parts.push(`maxOutputTokens ${maxOutputTokens} not judged: no relay's response reached it`);
    }
  }
  if (stops.length > 0) {
    const containing = ok.filter((row) => stops.some((stop) => String(row.answer ?? '').includes(stop)));
    offenders.push(...containing);
    parts.push(`${containing.length} of ${ok.length} answers contain a stop sequence (${stops.map((stop) => JSON.stringify(stop)).join(', ')})`);
  }
  if (!capReached && stops.length === 0) return notApplicable(parts.join('; '));
  return judged(offenders.length > 0, `${parts.join('; ')}${exampleJobs(offenders)}`);
}
