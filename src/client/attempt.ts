import { request, type Dispatcher } from 'undici';
import type { StreamFraming, Timeouts } from '../suite/types.js';
import type { HttpRequest } from '../plan/types.js';
import { createStreamDecoder } from './decode/index.js';
import type { DecodeProblem, RelayErrorInfo } from './decode/index.js';
import { classifyThrown, failureFromProblem, failureFromRelayError, httpFailure, parseRetryAfterMs } from './failures.js';
import type { Redactor } from './redact.js';
import type { Clock, RequestFailure, StreamEvent } from './types.js';

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
}

export interface AttemptOutcome {
  /** `performance.now()` just before the request was handed to undici: every `*_ms` is relative to it. */
  t0Ms: number;
  httpStatus: number | undefined;
  failure: RequestFailure | undefined;
}

/** How much of an error body we read: enough for any error message, bounded against hostile relays. */
const ERROR_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Sends one request and streams its body through the decoder, emitting timestamped events.
 * It never throws: every way a request can fail ends as a `failure` event and in the outcome.
 */
export async function sendAttempt(httpRequest: HttpRequest, options: AttemptOptions): Promise<AttemptOutcome> {
  const { clock, onEvent, timeouts } = options;
  const totalTimer = new AbortController();
  const signals = options.signal ? [options.signal, totalTimer.signal] : [totalTimer.signal];
  const signal = signals.length === 1 ? totalTimer.signal : AbortSignal.any(signals);
  const timer = setTimeout(() => totalTimer.abort(), timeouts.totalMs);
  let bodyBytes = 0;
  /** Gemini content decoded so far: a failure after it is "mid-stream" (retrying could bill twice). */
  let chunksDecoded = 0;
  let httpStatus: number | undefined;

  const fail = (failure: RequestFailure): AttemptOutcome => {
    onEvent({ type: 'failure', atMs: clock(), failure });
    return { t0Ms, httpStatus, failure };
  };

  const t0Ms = clock();
  options.onStart(t0Ms);
  try {
    const response = await request(httpRequest.url, {
      method: httpRequest.method,
      headers: httpRequest.headers,
      body: httpRequest.body,
      dispatcher: options.dispatcher,
      signal,
      headersTimeout: timeouts.firstByteMs,
      bodyTimeout: timeouts.idleMs,
    });
    httpStatus = response.statusCode;
    const contentType = headerValue(response.headers['content-type']);
    onEvent({ type: 'headers', atMs: clock(), status: httpStatus, contentType });

    if (httpStatus >= 400) {
      const text = await readCapped(response.body, ERROR_BODY_LIMIT_BYTES);
      const retryAfterMs = parseRetryAfterMs(headerValue(response.headers['retry-after']));
      return fail(httpFailure(httpStatus, describeErrorBody(text), retryAfterMs, options.redact));
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

    let overflow = false;
    await new Promise<void>((resolve, reject) => {
      response.body.on('data', (bytes: Buffer) => {
        chunkAtMs = clock();
        bodyBytes += bytes.length;
        if (bodyBytes > options.maxBodyBytes) {
          overflow = true;
          response.body.destroy();
          resolve();
          return;
        }
        decoder.feed(bytes);
      });
      response.body.on('end', resolve);
      response.body.on('error', reject);
    });
    if (overflow) {
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
    onEvent({ type: 'end', atMs: clock() });
    return { t0Ms, httpStatus, failure: undefined };
  } catch (error) {
    const aborted = options.signal?.aborted === true;
    return fail(classifyThrown(error, { aborted, totalTimedOut: totalTimer.signal.aborted && !aborted, timeouts, httpStatus, midStream: chunksDecoded > 0, redact: options.redact }));
  } finally {
    clearTimeout(timer);
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

async function readCapped(body: AsyncIterable<Buffer> & { destroy(): void }, limitBytes: number): Promise<string> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of body) {
    parts.push(part);
    size += part.length;
    if (size >= limitBytes) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(parts).subarray(0, limitBytes).toString('utf8');
}

/** Runs an error body through the same decoder, so HTML, Google JSON and foreign shapes are told apart in one place. */
function describeErrorBody(text: string): RelayErrorInfo {
  let found: RelayErrorInfo | undefined;
  const decoder = createStreamDecoder({
    framing: 'sse',
    onItem: (item) => {
      if (item.type === 'error') found ??= item.error;
    },
    onProblem: () => undefined,
  });
  decoder.feed(new TextEncoder().encode(text));
  decoder.end();
  const plain = text.trim().replace(/\s+/g, ' ').slice(0, 300);
  return found ?? { shape: plain === '' ? 'none' : 'text', message: plain === '' ? '(empty body)' : plain };
}
