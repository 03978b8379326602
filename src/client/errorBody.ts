import { decodeWholeBody } from './contentEncoding.js';
import { createStreamDecoder, type RelayErrorInfo } from './decode/index.js';
import { binaryNote, looksBinary } from './decode/sample.js';

/** How much of an error body we read: enough for any error message, bounded against hostile relays. */
const ERROR_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * The body of an HTTP error response (status >= 400), raw bytes read up to ERROR_BODY_LIMIT_BYTES
 * then content-decoded per `contentEncoding` (same cap). Throws ContentDecodingError when the body
 * cannot be decoded; stream errors (timeouts, aborts) propagate as thrown by the body.
 */
export async function readErrorBody(body: AsyncIterable<Buffer> & { destroy(): void }, contentEncoding: string | undefined): Promise<Buffer> {
  return decodeWholeBody(await readCapped(body, ERROR_BODY_LIMIT_BYTES), contentEncoding, ERROR_BODY_LIMIT_BYTES);
}

/** Reads at most `limitBytes` of an error body (raw: it is decoded afterwards). */
async function readCapped(body: AsyncIterable<Buffer> & { destroy(): void }, limitBytes: number): Promise<Buffer> {
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
  return Buffer.concat(parts).subarray(0, limitBytes);
}

/**
 * Runs an error body through the same decoder, so HTML, Google JSON and foreign shapes are told
 * apart in one place. Bytes that are not text are never quoted: `<N bytes of binary data>`.
 */
export function describeErrorBody(bytes: Buffer): RelayErrorInfo {
  const text = bytes.toString('utf8');
  if (looksBinary(text)) return { shape: 'text', message: binaryNote(bytes.length) };
  let found: RelayErrorInfo | undefined;
  const decoder = createStreamDecoder({
    framing: 'sse',
    onItem: (item) => {
      if (item.type === 'error') found ??= item.error;
    },
    onProblem: () => undefined,
  });
  decoder.feed(bytes);
  decoder.end();
  const plain = text.trim().replace(/\s+/g, ' ').slice(0, 300);
  return found ?? { shape: plain === '' ? 'empty' : 'text', message: plain === '' ? '(empty body)' : plain };
}
