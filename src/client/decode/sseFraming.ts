import { createParser, type EventSourceMessage, type ParseError } from 'eventsource-parser';
import type { PayloadSink, TextFraming } from './types.js';

/**
 * `alt=sse` bodies. eventsource-parser does the line and event splitting; this layer adds what
 * relays need on top: lines that are not SSE fields (a bare `{"error": ...}` sent mid-stream,
 * pretty-printed over several lines, or a plain-text message) are gathered and handed on as one
 * bare payload: as soon as they form a complete JSON value, else at the next event or at the end
 * of the body. eventsource-parser does not report blank lines outside events, so "complete JSON"
 * is what stands in for "the next blank line".
 */

/** Bounds what a relay can make us hold by streaming text that is not SSE. */
const MAX_STRAY_CHARS = 64 * 1024;

/**
 * Terminates a last line that lacks its newline and dispatches an event that lacks its blank
 * line, so a body cut mid-event still reaches the sink (and is reported as truncated there).
 */
const END_OF_BODY = '\n\n';

/**
 * The `alt=sse` framing described above: each event's `data` goes to `sink.streamPayload`, and
 * runs of non-SSE lines (at most 64 KiB held) go to `sink.barePayload`. Never throws.
 */
export function createSseFraming(sink: PayloadSink): TextFraming {
  let strayLines: string[] = [];
  let strayChars = 0;
  let ending = false;

  function flushStrayLines(): void {
    if (strayLines.length === 0) return;
    const text = strayLines.join('\n');
    strayLines = [];
    strayChars = 0;
    sink.barePayload(text);
  }

  /**
   * A line starting in column 0 with a closing bracket ends a pretty-printed top-level value, and
   * a line starting with an opening one may be a whole one-line value: only then is a parse tried.
   */
  function mayCompleteJson(line: string): boolean {
    const first = line.charAt(0);
    const last = line.trimEnd().slice(-1);
    return (first === '}' || first === ']' || first === '{' || first === '[') && (last === '}' || last === ']');
  }

  function flushIfCompleteJson(): void {
    const text = strayLines.join('\n');
    try {
      JSON.parse(text);
    } catch {
      return;
    }
    flushStrayLines();
  }

  function onEvent(event: EventSourceMessage): void {
    flushStrayLines();
    if (event.event === 'error') sink.barePayload(event.data);
    else sink.streamPayload(event.data, ending);
  }

  /**
   * eventsource-parser reports a line that is not `data:`/`event:`/`id:`/`retry:`/comment as an
   * `unknown-field` error carrying the whole line (a line without a colon is a field with an
   * empty value). Other errors (a bad `retry:` value) do not affect the data and are ignored.
   */
  function onError(error: ParseError): void {
    if (error.type !== 'unknown-field' || error.line === undefined) return;
    if (strayChars >= MAX_STRAY_CHARS) return;
    strayLines.push(error.line);
    strayChars += error.line.length + 1;
    if (mayCompleteJson(error.line)) flushIfCompleteJson();
  }

  const parser = createParser({ onEvent, onError });

  return {
    push(text) {
      parser.feed(text);
    },
    finish() {
      ending = true;
      parser.feed(END_OF_BODY);
      flushStrayLines();
    },
  };
}
