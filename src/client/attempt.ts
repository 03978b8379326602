import type { Dispatcher } from 'undici';
import { request } from './undici.js';
import type { StreamFraming, Timeouts } from '../suite/types.js';
import type { HttpRequest } from '../plan/types.js';
import { ACCEPT_ENCODING, ContentDecodingError, createContentDecoder, type ContentDecoder } from './contentEncoding.js';
import { createStreamDecoder } from './decode/index.js';
import { describeErrorBody, readErrorBody } from './errorBody.js';
import type { DecodeProblem, RelayErrorInfo } from './decode/index.js';
import { classifyThrown, failureFromProblem, failureFromRelayError, httpFailure, parseRetryAfterMs } from './failures.js';
import type { Redactor } from './redact.js';
import { stampHeadersArrival } from './headersArrival.js';
import { deferWork } from './turnQueue.js';
import { timeConnect } from './connectTiming.js';
import type { Clock, RequestFailure, StreamEvent } from './types.js';

/**
 * How to send one attempt: the framing asked for, the relay's timeouts (ms), a body cap in bytes,
 * the relay's connection pool, the clock every event is stamped with (ms), and the callbacks that
 * receive t0, events, raw bytes and the connection set-up time as they happen.
 */
export interface AttemptOptions {
  framing: StreamFraming;
  timeouts: Timeouts;
  maxBodyBytes: number;
  dispatcher: Dispatcher;
  clock: Clock;
  /** Aborts the attempt (Ctrl-C); reported as `aborted`, not as a timeout. */
  signal: AbortSignal | undefined;
  redact: Redactor;
  /** Called with t0 before the request leaves, so a caller can fold events as they come. */
  onStart: (t0Ms: number) => void;
  onEvent: (event: StreamEvent) => void;
  /** Raw body bytes of a successful status as they arrive, and any 1xx status: for the honesty signals. */
  onRawBytes?: (bytes: Uint8Array) => void;
  onInfoStatus?: (status: number) => void;
  /** Called with the TCP (+TLS) set-up time in ms when a new connection was opened for this attempt (connect_ms). */
  onConnect?: (connectMs: number) => void;
  /** Each transport chunk of the body as received, with its arrival time (captures); an error body arrives as one piece. */
  onRaw?: (bytes: Uint8Array, atMs: number) => void;
}

/** What one attempt ended with; the measurements went out through `onEvent` as they came. `failure` undefined: success. */
export interface AttemptOutcome {
  /** `performance.now()` just before the request was handed to undici: every `*_ms` is relative to it. */
  t0Ms: number;
  httpStatus: number | undefined;
  failure: RequestFailure | undefined;
}

/**
 * Sends one request and streams its body through the decoder, emitting timestamped events.
 * It never throws: every way a request can fail ends as a `failure` event and in the outcome.
 */
export async function sendAttempt(httpRequest: HttpRequest, options: AttemptOptions): Promise<AttemptOutcome> {
  const { clock, onEvent, timeouts } = options;
  // One controller per attempt, aborted by the total timeout or by the run's signal. Not
  // AbortSignal.any([run, timeout]): on Node 20 every call leaves about 2 KB attached to the
  // run-wide signal for as long as the run lasts (200,000 calls: 400 MB, 3 s of CPU).
  const controller = new AbortController();
  let totalTimedOut = false;
  const timer = setTimeout(() => {
    totalTimedOut = true;
    controller.abort();
  }, timeouts.totalMs);
  const unlink = linkToRun(options.signal, controller);
  let bodyBytes = 0;
  /** Gemini content decoded so far: a failure after it is "mid-stream" (retrying could bill twice). */
  let chunksDecoded = 0;
  let httpStatus: number | undefined;

  const fail = (failure: RequestFailure): AttemptOutcome => {
    onEvent({ type: 'failure', atMs: clock(), failure });
    return { t0Ms, httpStatus, failure };
  };

  let headersAtMs: number | undefined;
  const dispatcher = stampHeadersArrival(options.dispatcher, clock, (atMs) => {
    headersAtMs = atMs;
  });
  const t0Ms = clock();
  options.onStart(t0Ms);
  try {
    const response = await timeConnect(options.onConnect, () =>
      request(httpRequest.url, {
        method: httpRequest.method,
        headers: withAcceptEncoding(httpRequest.headers),
        body: httpRequest.body,
        dispatcher,
        signal: controller.signal,
        headersTimeout: timeouts.firstByteMs,
        bodyTimeout: timeouts.idleMs,
        onInfo: (info) => options.onInfoStatus?.(info.statusCode),
      }),
    );
    httpStatus = response.statusCode;
    const contentType = headerValue(response.headers['content-type']);
    onEvent({ type: 'headers', atMs: headersAtMs ?? clock(), status: httpStatus, contentType });
    const contentEncoding = headerValue(response.headers['content-encoding']);
    if (httpStatus >= 400) {
      const retryAfterMs = parseRetryAfterMs(headerValue(response.headers['retry-after']));
      let bytes: Buffer;
      try {
        bytes = await readErrorBody(response.body, contentEncoding);
      } catch (error) {
        if (!(error instanceof ContentDecodingError)) throw error;
        // Still an HTTP failure (a 503 stays retryable); only its body could not be read.
        return fail(httpFailure(httpStatus, { shape: 'none', message: error.message }, retryAfterMs, options.redact));
      }
      options.onRaw?.(bytes, clock());
      return fail(httpFailure(httpStatus, describeErrorBody(bytes), retryAfterMs, options.redact));
    }

    let relayError: RelayErrorInfo | undefined;
    let problem: DecodeProblem | undefined;
    let chunkAtMs = t0Ms;
    const decoder = createStreamDecoder({
      framing: options.framing,
      onItem: (item) => {
        if (item.type === 'chunk') {
          chunksDecoded += 1;
          onEvent({ type: 'chunk', atMs: chunkAtMs, chunk: item.chunk });
        } else {
          relayError ??= item.error;
        }
      },
      onProblem: (found) => {
        problem ??= found;
      },
    });
    /** Decoded bytes with the time their (compressed) piece arrived. */
    const feed = (bytes: Buffer, atMs: number): void => {
      chunkAtMs = atMs;
      // Captures and the honesty signals see the body as decoded, stamped like the events.
      options.onRaw?.(bytes, atMs);
      options.onRawBytes?.(bytes);
      bodyBytes += bytes.length;
      decoder.feed(bytes);
      // A small compressed body can decode to a huge one: the limit applies to what we hold.
      if (bodyBytes > options.maxBodyBytes) response.body.destroy(new BodyOverflow());
    };
    let contentDecoder: ContentDecoder | undefined;
    let received: { endAtMs: number; overflow: boolean };
    try {
      contentDecoder = createContentDecoder(contentEncoding, feed);
      received = await receiveBody(response.body, { clock, maxBodyBytes: options.maxBodyBytes, onBytes: contentDecoder?.push ?? feed });
      await contentDecoder?.done();
    } catch (error) {
      if (error instanceof BodyOverflow) received = { endAtMs: clock(), overflow: true };
      else if (!(error instanceof ContentDecodingError)) throw error;
      else {
        response.body.destroy();
        decoder.end();
        if (relayError) return fail(failureFromRelayError(relayError, httpStatus, chunksDecoded > 0, options.redact));
        return fail({ kind: 'stream', message: options.redact(error.message), httpStatus, shape: 'none', midStream: chunksDecoded > 0 });
      }
    } finally {
      contentDecoder?.close();
    }
    if (received.overflow) {
      return fail({
        kind: 'stream',
        message: `response body exceeded ${options.maxBodyBytes} bytes; raise the relay's maxBodyBytes if this is expected`,
        httpStatus,
        shape: 'none',
        midStream: chunksDecoded > 0,
      });
    }
    decoder.end();
    if (relayError) return fail(failureFromRelayError(relayError, httpStatus, chunksDecoded > 0, options.redact));
    if (problem) return fail(failureFromProblem(problem, httpStatus, chunksDecoded > 0, options.redact));
    if (bodyBytes === 0) {
      return fail({ kind: 'stream', message: 'empty response body', httpStatus, shape: 'none', midStream: false });
    }
    onEvent({ type: 'end', atMs: received.endAtMs });
    return { t0Ms, httpStatus, failure: undefined };
  } catch (error) {
    const aborted = options.signal?.aborted === true;
    return fail(classifyThrown(error, { aborted, totalTimedOut: totalTimedOut && !aborted, timeouts, httpStatus, midStream: chunksDecoded > 0, redact: options.redact }));
  } finally {
    clearTimeout(timer);
    unlink();
  }
}

/** Thrown into a body whose decoded size passed `maxBodyBytes`. */
class BodyOverflow extends Error {}

/** The controllers of the attempts in flight, per run signal. */
const inFlightByRunSignal = new WeakMap<AbortSignal, Set<AbortController>>();

/**
 * Aborts `controller` when the run's signal fires; returns the undo. One listener per run signal
 * serves every attempt: a listener each would make every add and remove scan all the others.
 */
function linkToRun(signal: AbortSignal | undefined, controller: AbortController): () => void {
  if (signal === undefined) return () => undefined;
  if (signal.aborted) {
    controller.abort();
    return () => undefined;
  }
  let inFlight = inFlightByRunSignal.get(signal);
  if (inFlight === undefined) {
    const attempts = new Set<AbortController>();
    signal.addEventListener(
      'abort',
      () => {
        for (const attempt of attempts) attempt.abort();
      },
      { once: true },
    );
    inFlightByRunSignal.set(signal, attempts);
    inFlight = attempts;
  }
  const attempts = inFlight;
  attempts.add(controller);
  return () => attempts.delete(controller);
}

interface ReceiveOptions {
  clock: Clock;
  maxBodyBytes: number;
  /** Each piece of the body with the time it arrived, in order, for decoding. */
  onBytes: (bytes: Buffer, atMs: number) => void;
}

/**
 * Reads a body, stamping each piece the moment it arrives and leaving everything else for later
 * (see `deferWork`): decoding, and after the end the job's row and the next request. When many
 * streams' bytes arrive at once, all are stamped before any is decoded, so one stream's work never
 * delays another's timestamp. A body over `maxBodyBytes` is cut off (`overflow`).
 */
function receiveBody(body: Dispatcher.ResponseData['body'], options: ReceiveOptions): Promise<{ endAtMs: number; overflow: boolean }> {
  const { clock, onBytes } = options;
  return new Promise((resolve, reject) => {
    const arrived: Array<{ bytes: Buffer; atMs: number }> = [];
    let drainPending = false;
    let receivedBytes = 0;
    let settled = false;
    const drain = (): void => {
      drainPending = false;
      for (const piece of arrived) onBytes(piece.bytes, piece.atMs);
      arrived.length = 0;
    };
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      deferWork(() => {
        drain();
        outcome();
      });
    };
    body.on('data', (bytes: Buffer) => {
      const atMs = clock();
      if (settled) return;
      receivedBytes += bytes.length;
      if (receivedBytes > options.maxBodyBytes) {
        body.destroy();
        settle(() => resolve({ endAtMs: atMs, overflow: true }));
        return;
      }
      arrived.push({ bytes, atMs });
      if (!drainPending) {
        drainPending = true;
        deferWork(drain);
      }
    });
    body.once('end', () => {
      const endAtMs = clock();
      settle(() => resolve({ endAtMs, overflow: false }));
    });
    body.once('error', (error: Error) => settle(() => reject(error)));
  });
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Adds `Accept-Encoding` unless the relay's own headers set it (any letter case). */
function withAcceptEncoding(headers: Record<string, string>): Record<string, string> {
  return Object.keys(headers).some((name) => name.toLowerCase() === 'accept-encoding') ? headers : { 'accept-encoding': ACCEPT_ENCODING, ...headers };
}
