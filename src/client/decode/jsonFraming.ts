import { sampleOf } from './sample.js';
import type { PayloadSink, TextFraming } from './types.js';

/**
 * Bodies without `alt=sse`: one JSON array streamed element by element (`[{...}\n,\r\n{...}\n]`),
 * or a bare object (an error sent after status 200). A small incremental scanner tracks nesting,
 * strings and escapes, hands each element on as soon as it closes, and keeps only the unconsumed
 * tail, so memory stays flat however long the stream runs. Top-level values may follow each other
 * (newline-delimited JSON), each handled the same way.
 */

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

function isOpening(code: number): boolean {
  return code === OPEN_BRACE || code === OPEN_BRACKET;
}

function isClosing(code: number): boolean {
  return code === CLOSE_BRACE || code === CLOSE_BRACKET;
}

/** Where the scanner is: at the top level, or directly inside the top-level array. */
type Slot =
  | 'between-values' // top level, before a value
  | 'in-array' // inside the top-level array, between elements
  | 'bare-value' // inside a top-level object: the whole object is one payload
  | 'element' // inside an object or array element of the top-level array
  | 'primitive-element' // a number, string or literal element of the top-level array
  | 'stray'; // top-level text that cannot start a JSON value; skipped up to the next `{` or `[`

/**
 * The incremental JSON-array / bare-object scanner described above: hands `sink` each top-level
 * array element (`streamPayload`) or bare object (`barePayload`) as soon as it closes, keeping only
 * the unconsumed tail in memory. Never throws: malformed text reaches the sink as a payload to classify.
 */
export function createJsonFraming(sink: PayloadSink): TextFraming {
  let slot: Slot = 'between-values';
  /** Earlier pushes' share of the open payload, already scanned. */
  let openPieces: string[] = [];
  /** Start of the open payload in the text being scanned; -1 when none is open. */
  let openStart = -1;
  /** Nesting depth inside the open payload. */
  let depth = 0;
  let inString = false;
  let escaped = false;

  function openPayload(at: number, next: Slot, initialDepth: number): void {
    slot = next;
    openStart = at;
    depth = initialDepth;
  }

  function takePayload(text: string, endExclusive: number): string {
    const tail = text.slice(openStart, endExclusive);
    const payload = openPieces.length === 0 ? tail : openPieces.join('') + tail;
    openPieces = [];
    openStart = -1;
    return payload;
  }

  /** Advances string/escape/depth state; true when this character closed the payload. */
  function stepInsideContainer(code: number): boolean {
    if (inString) {
      if (escaped) escaped = false;
      else if (code === BACKSLASH) escaped = true;
      else if (code === QUOTE) inString = false;
      return false;
    }
    if (code === QUOTE) inString = true;
    else if (isOpening(code)) depth++;
    else if (isClosing(code)) return --depth === 0;
    return false;
  }

  function scan(text: string): void {
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      switch (slot) {
        case 'between-values':
          if (code === OPEN_BRACKET) slot = 'in-array';
          else if (code === OPEN_BRACE) openPayload(index, 'bare-value', 1);
          else if (!isWhitespace(code)) {
            slot = 'stray';
            sink.problem({ kind: 'invalid-json', message: 'text outside any JSON value', sample: sampleOf(text.slice(index)) });
          }
          break;
        case 'stray':
          if (isOpening(code)) {
            slot = 'between-values';
            index--;
          }
          break;
        case 'in-array':
          if (code === CLOSE_BRACKET) slot = 'between-values';
          else if (isOpening(code)) openPayload(index, 'element', 1);
          else if (!isWhitespace(code) && code !== COMMA) {
            openPayload(index, 'primitive-element', 0);
            inString = code === QUOTE;
          }
          break;
        case 'bare-value':
          if (stepInsideContainer(code)) {
            slot = 'between-values';
            sink.barePayload(takePayload(text, index + 1));
          }
          break;
        case 'element':
          if (stepInsideContainer(code)) {
            slot = 'in-array';
            sink.streamPayload(takePayload(text, index + 1), false);
          }
          break;
        case 'primitive-element':
          if (inString) stepInsideContainer(code);
          else if (code === QUOTE) inString = true;
          else if (code === COMMA || code === CLOSE_BRACKET || isWhitespace(code)) {
            slot = 'in-array';
            sink.streamPayload(takePayload(text, index), false);
            index--;
          }
          break;
      }
    }
    if (openStart !== -1) {
      openPieces.push(text.slice(openStart));
      openStart = 0;
    }
  }

  return {
    push: scan,
    finish() {
      if (openStart !== -1) {
        const cutInside = slot !== 'primitive-element' || inString;
        if (!cutInside) slot = 'in-array';
        sink.streamPayload(takePayload('', 0), cutInside);
      }
      if (slot === 'in-array') {
        sink.problem({ kind: 'truncated', message: 'body ended before the JSON array was closed', sample: '' });
      }
    },
  };
}
