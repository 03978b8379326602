import type { StreamFraming } from '../../suite/types.js';
import type { GeminiChunk } from '../types.js';
import type { ErrorShape } from '../../runfolder/details.js';

/** A relay-reported error, whatever shape the relay gave it. */
export interface RelayErrorInfo {
  shape: ErrorShape;
  /** `error.code` (Google) or another vendor's numeric code, when the body carried one. */
  httpCode?: number;
  /** Google's canonical status (`RESOURCE_EXHAUSTED`), or another vendor's error type or code string. */
  status?: string;
  message: string;
  /** From Google's `google.rpc.RetryInfo.retryDelay`, in ms. */
  retryAfterMs?: number;
}

/** What the decoder hands on: a Gemini chunk, or an error the relay sent inside the body. */
export type DecodedItem = { type: 'chunk'; chunk: GeminiChunk } | { type: 'error'; error: RelayErrorInfo };

/**
 * Body content that could not become an item. Reported, never thrown: a relay that garbles one
 * event must not cost us the rest of the stream.
 */
export interface DecodeProblem {
  kind: 'invalid-json' | 'not-gemini' | 'html' | 'truncated';
  message: string;
  /** The first ~200 characters of the offending text, for the report. */
  sample: string;
}

/** What {@link createStreamDecoder} is given: the framing asked for, and where items and problems go. */
export interface StreamDecoderOptions {
  /** The framing the request asked for. The body is sniffed anyway, because relays ignore it. */
  framing: StreamFraming;
  onItem: (item: DecodedItem) => void;
  onProblem: (problem: DecodeProblem) => void;
}

/** A push decoder for response bodies (see streamDecoder.ts): bytes in, items and problems out through callbacks. */
export interface StreamDecoder {
  /** Feed one transport chunk; it may end anywhere, even inside a UTF-8 character or a `\r\n`. */
  feed(bytes: Uint8Array): void;
  /** The body ended: flush what is buffered, report truncation, and get ready for another body. */
  end(): void;
  /** Drop all buffered state without reporting anything (an aborted body). */
  reset(): void;
}

/** Receives complete JSON texts from a framing layer; `ending` says the body was cut there. */
export interface PayloadSink {
  /** One SSE event's data or one JSON-array element: the items of a stream. */
  streamPayload(text: string, ending: boolean): void;
  /** A body (or a run of lines) that is not framed at all: an error sent instead of a stream. */
  barePayload(text: string): void;
  /** An error already understood by the framing layer (an HTML page). */
  relayError(error: RelayErrorInfo): void;
  problem(problem: DecodeProblem): void;
}

/** A framing layer: text in, complete payloads out to a {@link PayloadSink}. */
export interface TextFraming {
  push(text: string): void;
  finish(): void;
}
