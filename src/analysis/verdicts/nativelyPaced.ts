import type { RequestRow } from '../../runfolder/columns.js';
import { msAdaptive } from '../../format/index.js';
import { medianOf, okRows } from '../rowValues.js';
import { judged, notApplicable, type RelayEvidence, type VerdictResult } from '../types.js';
import { exampleJobs } from './baseline.js';

/** Fewer text chunks than this say nothing about how a stream was cut (a short answer is one piece). */
export const MIN_TEXT_CHUNKS = 4;
/**
 * A response whose median text piece is at most this many characters was re-cut. Google sends
 * about 25 tokens (≈100 characters) per chunk; the real fixtures' answer chunks run 60–600
 * characters, and honest emulated runs never go below 20. gemini-balance's stream optimizer
 * sends 1 or 5 characters per piece (STREAM_CHUNK_SIZE = 5), other re-pacers similar.
 */
export const TINY_PIECE_CHARS = 8;

/** Whether one response's details show it re-cut into tiny pieces (undefined: too few pieces to tell). */
export function isRepaced(detail: { text_chunks?: number; piece_chars_median?: number | undefined } | undefined): boolean | undefined {
  if (detail?.text_chunks === undefined || detail.piece_chars_median === undefined || detail.text_chunks < MIN_TEXT_CHUNKS) return undefined;
  return detail.piece_chars_median <= TINY_PIECE_CHARS;
}

/**
 * Natively paced: does the text arrive in the pieces Google cuts, or re-cut into a few characters
 * at a time at a fixed cadence by a "stream optimizer"? A re-paced stream passes `streams` (its
 * chunks are spread out) while hiding the real arrival times and slowing the answer down. Fails
 * when more than half of the responses with enough pieces to judge were re-cut.
 */
export function nativelyPacedVerdict({ rows, detailOf }: RelayEvidence): VerdictResult {
  const judgedRows: Array<{ row: RequestRow; repaced: boolean; chars: number; gapMs: number | undefined }> = [];
  for (const row of okRows(rows)) {
    const detail = detailOf(row);
    const repaced = isRepaced(detail);
    if (repaced === undefined || detail === undefined) continue;
    judgedRows.push({ row, repaced, chars: detail.piece_chars_median as number, gapMs: detail.piece_gap_ms_median });
  }
  if (judgedRows.length === 0) return notApplicable(`no successful response came in ${MIN_TEXT_CHUNKS} or more text chunks (or details.jsonl lacks piece sizes)`);
  const repaced = judgedRows.filter((entry) => entry.repaced);
  const chars = medianOf(judgedRows.map((entry) => entry.chars));
  const gapMs = medianOf(judgedRows.flatMap((entry) => (entry.gapMs === undefined ? [] : [entry.gapMs])));
  const failed = repaced.length * 2 > judgedRows.length;
  return judged(
    failed,
    `${repaced.length} of ${judgedRows.length} responses of ${MIN_TEXT_CHUNKS}+ text chunks came in pieces of ≤ ${TINY_PIECE_CHARS} characters; medians: ${chars ?? '–'} characters per piece, ${msAdaptive(gapMs)} between pieces${failed ? exampleJobs(repaced.map((entry) => entry.row)) : ''}`,
  );
}
