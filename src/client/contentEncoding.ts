import zlib from 'node:zlib';

/**
 * Response `Content-Encoding` (RFC 9110 §8.4): the codings relaybench asks for and decodes.
 * A request without `Accept-Encoding` lets a server pick any coding (RFC 9110 §12.5.3), so one
 * is always sent. zstd is not offered: Node 20.18's zlib cannot decode it (it arrived in 22.15).
 */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/** The codings listed in a `Content-Encoding` value, in the order they were applied; `identity` is dropped. */
export function parseContentEncoding(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
}

/** A coding Node cannot decode, or data that is corrupt for its coding. The message never quotes bytes. */
export class ContentDecodingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContentDecodingError';
  }
}

type Engine = zlib.Gunzip | zlib.Inflate | zlib.InflateRaw | zlib.BrotliDecompress;

/** One decoding step: the decoded bytes of one piece, after a flush so nothing waits in zlib. */
interface Stage {
  decode(piece: Buffer): Promise<Buffer>;
  close(): void;
}

/**
 * A zlib or brotli engine driven piece by piece: write, flush, collect what came out. The end of
 * the body is not "finished" (Z_FINISH): a cut is left to the framing layer, as undici's `fetch`
 * does; corrupt data is an error.
 */
function engineStage(create: () => Engine, flushFlag: number): Stage {
  const engine = create();
  let failure: Error | undefined;
  engine.on('error', (error) => {
    failure ??= error;
  });
  return {
    decode(piece) {
      if (failure !== undefined) return Promise.reject(failure);
      if (piece.length === 0) return Promise.resolve(piece);
      return new Promise((resolve, reject) => {
        const parts: Buffer[] = [];
        const collect = (data: Buffer): void => {
          parts.push(data);
        };
        const onError = (error: Error): void => {
          engine.off('data', collect);
          reject(error);
        };
        engine.on('data', collect);
        engine.once('error', onError);
        engine.write(piece);
        engine.flush(flushFlag, () => {
          engine.off('data', collect);
          engine.off('error', onError);
          if (failure !== undefined) reject(failure);
          else resolve(Buffer.concat(parts));
        });
      });
    },
    close: () => engine.close(),
  };
}

/** zlib header check (RFC 1950 §2.2): CM = 8 (deflate), CINFO ≤ 7, and the 16-bit header a multiple of 31. */
function isZlibHeader(first: number, second: number): boolean {
  return (first & 0x0f) === 8 && first >> 4 <= 7 && ((first << 8) | second) % 31 === 0;
}

/**
 * `deflate` as servers really send it: RFC 9110 §8.4.1.2 says zlib-wrapped (RFC 1950), but some
 * servers send raw deflate (RFC 1951), so the first two bytes decide.
 */
function deflateStage(): Stage {
  let inner: Stage | undefined;
  let head = Buffer.alloc(0);
  return {
    decode(piece) {
      if (inner !== undefined) return inner.decode(piece);
      head = Buffer.concat([head, piece]);
      if (head.length < 2) return Promise.resolve(Buffer.alloc(0));
      const wrapped = isZlibHeader(head[0] ?? 0, head[1] ?? 0);
      inner = engineStage(() => (wrapped ? zlib.createInflate() : zlib.createInflateRaw()), zlib.constants.Z_SYNC_FLUSH);
      return inner.decode(head);
    },
    close: () => inner?.close(),
  };
}

function stageFor(coding: string): Stage | undefined {
  const Z = zlib.constants;
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return engineStage(() => zlib.createGunzip(), Z.Z_SYNC_FLUSH);
    case 'deflate':
      return deflateStage();
    case 'br':
      return engineStage(() => zlib.createBrotliDecompress(), Z.BROTLI_OPERATION_FLUSH);
    default:
      return undefined;
  }
}

/**
 * Decodes a body piece by piece, in order. Each piece's decoded bytes are handed on with the time
 * the *compressed* piece arrived: zlib runs on the thread pool, and its round trip (several ms
 * under load) is our work, not the relay's, so it must not move an event's time.
 */
export interface ContentDecoder {
  /** Queues one piece of the body, received at `atMs`. */
  push(piece: Buffer, atMs: number): void;
  /** Resolves when every queued piece is decoded; rejects with {@link ContentDecodingError} on corrupt data. */
  done(): Promise<void>;
  close(): void;
}

/**
 * A decoder for a response's `Content-Encoding`, undoing the codings in reverse order of
 * application (`gzip, br` was gzipped, then brotli-compressed), or `undefined` when none was
 * applied. `onDecoded` receives each piece's decoded bytes with its arrival time. Throws
 * {@link ContentDecodingError} naming a coding it cannot decode.
 */
export function createContentDecoder(contentEncoding: string | undefined, onDecoded: (bytes: Buffer, atMs: number) => void): ContentDecoder | undefined {
  const codings = parseContentEncoding(contentEncoding);
  if (codings.length === 0) return undefined;
  const stages = [...codings].reverse().map((coding) => {
    const stage = stageFor(coding);
    if (stage === undefined) {
      throw new ContentDecodingError(`the relay sent Content-Encoding "${codings.join(', ')}"; relaybench cannot decode "${coding}" (it asks for ${ACCEPT_ENCODING})`);
    }
    return stage;
  });
  const label = codings.join(', ');
  let queue: Promise<void> = Promise.resolve();
  let failure: ContentDecodingError | undefined;
  return {
    push(piece, atMs) {
      queue = queue.then(async () => {
        if (failure !== undefined) return;
        try {
          let bytes = piece;
          for (const stage of stages) bytes = await stage.decode(bytes);
          if (bytes.length > 0) onDecoded(bytes, atMs);
        } catch (error) {
          const detail = error instanceof Error ? error.message : String(error);
          failure = new ContentDecodingError(`could not decode the body (Content-Encoding "${label}"): ${detail}`);
        }
      });
    },
    async done() {
      await queue;
      if (failure !== undefined) throw failure;
    },
    close() {
      for (const stage of stages) stage.close();
    },
  };
}

/**
 * Decodes a whole (error) body at once, keeping at most `limitBytes` of the decoded bytes: a
 * compressed error body is read capped, but 64 KiB of gzip decode to 64 MiB (a decompression
 * bomb), which went whole into the capture file and memory. Throws {@link ContentDecodingError}.
 */
export async function decodeWholeBody(bytes: Buffer, contentEncoding: string | undefined, limitBytes = Number.POSITIVE_INFINITY): Promise<Buffer> {
  const parts: Buffer[] = [];
  let kept = 0;
  const decoder = createContentDecoder(contentEncoding, (decoded) => {
    if (kept >= limitBytes) return;
    const part = decoded.length > limitBytes - kept ? decoded.subarray(0, limitBytes - kept) : decoded;
    parts.push(part);
    kept += part.length;
  });
  if (decoder === undefined) return bytes;
  try {
    decoder.push(bytes, 0);
    await decoder.done();
    return Buffer.concat(parts);
  } finally {
    decoder.close();
  }
}
