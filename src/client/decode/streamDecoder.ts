import { createHtmlFraming } from './htmlFraming.js';
import { createJsonFraming } from './jsonFraming.js';
import { createPayloadSink } from './payloadSink.js';
import { createSseFraming } from './sseFraming.js';
import type { PayloadSink, StreamDecoder, StreamDecoderOptions, TextFraming } from './types.js';

/**
 * Bytes → text → framed payloads → items, for one response body at a time. Pure and
 * push-driven like eventsource-parser: the caller owns the socket and the clock.
 *
 * The framing is chosen by sniffing the body, not from what was requested: relays answer errors
 * after status 200 as a bare JSON object, serve HTML error pages, and sometimes ignore `alt=sse`.
 */

const LEADING_WHITESPACE = /^\s*/;

function framingFor(firstChar: string, sink: PayloadSink): TextFraming {
  if (firstChar === '{' || firstChar === '[') return createJsonFraming(sink);
  if (firstChar === '<') return createHtmlFraming(sink);
  return createSseFraming(sink);
}

/**
 * A push decoder for one response body at a time: `feed` transport chunks (cut anywhere, even
 * inside a UTF-8 character), `end` at the end of the body. The framing (JSON, HTML or SSE) is
 * picked from the first non-blank character. Items and problems go to the options' callbacks;
 * nothing is thrown for bad input.
 */
export function createStreamDecoder(options: StreamDecoderOptions): StreamDecoder {
  const sink = createPayloadSink(options.onItem, options.onProblem);
  let textDecoder = new TextDecoder('utf-8');
  let framing: TextFraming | undefined;
  /** Whitespace seen before the first meaningful character; usually empty. */
  let leadingWhitespace = '';

  function pushText(text: string): void {
    if (text === '') return;
    if (framing !== undefined) {
      framing.push(text);
      return;
    }
    const whitespaceLength = LEADING_WHITESPACE.exec(text)?.[0].length ?? 0;
    if (whitespaceLength === text.length) {
      leadingWhitespace += text;
      return;
    }
    framing = framingFor(text.charAt(whitespaceLength), sink);
    framing.push(leadingWhitespace + text);
    leadingWhitespace = '';
  }

  function reset(): void {
    textDecoder = new TextDecoder('utf-8');
    framing = undefined;
    leadingWhitespace = '';
  }

  return {
    feed(bytes) {
      pushText(textDecoder.decode(bytes, { stream: true }));
    },
    end() {
      pushText(textDecoder.decode());
      if (framing === undefined) {
        options.onProblem({ kind: 'truncated', message: `empty body where ${options.framing} was expected`, sample: '' });
      } else {
        framing.finish();
      }
      reset();
    },
    reset,
  };
}
