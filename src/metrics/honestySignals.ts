import type { GeminiChunk, StreamEvent } from '../client/types.js';
import type { StreamFraming } from '../suite/types.js';
import { readChunkContent } from './chunkContent.js';

/**
 * Per-response facts the honesty verdicts need and `requests.csv` has no column for: how the text
 * was cut into pieces and paced, whether usage moved, whether the answer restarted inside the
 * response, and whether the framing held to Gemini's. Fed from the same events as the metrics
 * fold (plus the raw body bytes and any 1xx status, which never become events), pure and
 * incremental. Written to details.jsonl; see docs/run-folder.md#detailsjsonl.
 */
export interface HonestySignals {
  /** Chunks that carried text (thought or answer). */
  textChunks: number;
  /** Median characters of text per text chunk; undefined without text. */
  pieceCharsMedian: number | undefined;
  /** Median ms between consecutive text chunks; undefined with fewer than two. */
  pieceGapMsMedian: number | undefined;
  /**
   * True when two or more chunks carried usage, every one identical, while answer text arrived
   * after the first of them: Google's usage is cumulative, so its counts grow with the answer.
   */
  usageStatic: boolean;
  /**
   * Why this response seems to hold a second attempt (empty: it does not): a second responseId,
   * cumulative usage counts going down, thought parts after the answer began. Each is impossible
   * in one Google response. A repeated answer opening is not used: prose repeats its openings
   * ("A common mistake is ...") at chunk boundaries often enough to accuse honest relays.
   */
  restarts: string[];
  /** Framing that is not Gemini's: `[DONE]`, a 1xx status, SSE when a JSON array was asked (empty: clean). */
  framingFaults: string[];
}

/** Per-response honesty facts folded from the same events as the metrics (`add`), plus raw bytes and 1xx statuses. */
export interface HonestySignalsFold {
  add(event: StreamEvent): void;
  /** Raw body bytes as they arrive (before decoding): only they show a `data: [DONE]` line. */
  addBytes(bytes: Uint8Array): void;
  /** An informational (1xx) status received before the final one, e.g. 102 Processing. */
  addInfoStatus(status: number): void;
  result(): HonestySignals;
}

const EARLY_HINTS = 103;
/** OpenAI's end-of-stream marker; Gemini's stream simply ends. Searched in the raw bytes. */
const DONE_LINE = /\ndata:\s*\[DONE\]/;
/** A line longer than this before a `[DONE]` cannot be the marker's own line. */
const CARRY_CHARS = 16;
/** Carried when the previous piece ended mid-line past {@link CARRY_CHARS}: matches no line start. */
const NOT_LINE_START = '\u0000';

/**
 * What to keep of a piece for the next one: its last line when short enough to be the start of
 * a split marker, prefixed by a newline so the pattern sees it as a line start.
 */
function carryOf(text: string): string {
  const lineStart = text.lastIndexOf('\n');
  const tail = text.slice(lineStart + 1);
  if (tail.length > CARRY_CHARS) return NOT_LINE_START;
  return lineStart === -1 ? text : `\n${tail}`;
}
function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function usageCount(chunk: GeminiChunk, key: 'candidatesTokenCount' | 'totalTokenCount'): number | undefined {
  const value = chunk.usageMetadata?.[key];
  return typeof value === 'number' ? value : undefined;
}

/** @param askedFraming the framing the request asked for (`alt=sse` or the JSON array). */
export function createHonestySignals(askedFraming: StreamFraming): HonestySignalsFold {
  const pieceChars: number[] = [];
  const gapsMs: number[] = [];
  let previousTextAtMs: number | undefined;
  let firstUsage: string | undefined;
  let usageChunks = 0;
  let usageAllSame = true;
  let answerAfterFirstUsage = false;
  let lastTotal: number | undefined;
  let lastCandidates: number | undefined;
  let firstResponseId: string | undefined;
  let answerStarted = false;
  const restarts = new Set<string>();
  const framingFaults = new Set<string>();
  /** The body starts at a line start. */
  let carry = '\n';
  let firstByteSeen = false;

  function addChunk(atMs: number, chunk: GeminiChunk): void {
    const content = readChunkContent(chunk);
    const text = content.thoughtText + content.answerText;
    if (text !== '') {
      pieceChars.push(text.length);
      if (previousTextAtMs !== undefined) gapsMs.push(atMs - previousTextAtMs);
      previousTextAtMs = atMs;
    }
    if (content.hasThoughtText && answerStarted) restarts.add('thoughts after the answer began');
    if (content.answerText !== '') {
      answerStarted = true;
      if (firstUsage !== undefined) answerAfterFirstUsage = true;
    }
    if (typeof chunk.responseId === 'string') {
      firstResponseId ??= chunk.responseId;
      if (chunk.responseId !== firstResponseId) restarts.add('responseId changed');
    }
    if (chunk.usageMetadata !== undefined) {
      const serialised = JSON.stringify(chunk.usageMetadata);
      usageChunks++;
      if (firstUsage === undefined) firstUsage = serialised;
      else if (serialised !== firstUsage) usageAllSame = false;
      const total = usageCount(chunk, 'totalTokenCount');
      const candidates = usageCount(chunk, 'candidatesTokenCount');
      if ((total !== undefined && lastTotal !== undefined && total < lastTotal) || (candidates !== undefined && lastCandidates !== undefined && candidates < lastCandidates)) {
        restarts.add('usage counts went down');
      }
      lastTotal = total ?? lastTotal;
      lastCandidates = candidates ?? lastCandidates;
    }
  }

  return {
    add(event) {
      if (event.type === 'chunk') addChunk(event.atMs, event.chunk);
    },
    addBytes(bytes) {
      const text = carry + Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
      if (!firstByteSeen) {
        const first = text.trimStart().charAt(0);
        if (first !== '') {
          firstByteSeen = true;
          if (askedFraming === 'json-array' && (first === 'd' || first === ':' || first === 'e')) framingFaults.add('SSE sent when a JSON array was asked for');
        }
      }
      if (DONE_LINE.test(text)) framingFaults.add('data: [DONE]');
      carry = carryOf(text);
    },
    addInfoStatus(status) {
      // 103 Early Hints is a CDN feature every HTTP client skips (RFC 8297); 102 Processing
      // (RFC 2518, dropped from WebDAV in RFC 4918) is a relay keeping a slow upstream alive.
      if (status !== EARLY_HINTS) framingFaults.add(`HTTP ${status}`);
    },
    result() {
      return {
        textChunks: pieceChars.length,
        pieceCharsMedian: median(pieceChars),
        pieceGapMsMedian: median(gapsMs),
        usageStatic: usageChunks >= 2 && usageAllSame && answerAfterFirstUsage,
        restarts: [...restarts],
        framingFaults: [...framingFaults],
      };
    },
  };
}
