import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeWholeBody } from '../../src/client/contentEncoding.js';

/**
 * A compressed error body is read capped at 64 KiB, but that much gzip of one repeated byte
 * decodes to ~64 MiB: a relay's 503 went whole into the capture file (67 MB per failed job) and
 * the process held ~1 GB. Each coding, decoded with the limit, keeps exactly the limit.
 */
const LIMIT = 64 * 1024;
const bomb = Buffer.alloc(32 * 1024 * 1024, 'a');

describe('decodeWholeBody keeps at most the limit of decoded bytes', () => {
  it.each<[coding: string, compress: (input: Buffer) => Buffer]>([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ])('%s bomb (32 MiB decoded)', async (coding, compress) => {
    const compressed = compress(bomb);
    expect(compressed.length).toBeLessThan(LIMIT);
    const decoded = await decodeWholeBody(compressed, coding, LIMIT);
    expect(decoded.length).toBe(LIMIT);
    expect(decoded.equals(bomb.subarray(0, LIMIT))).toBe(true);
  });

  it('a small error body is decoded whole', async () => {
    const body = Buffer.from('{"error":{"code":503,"message":"busy","status":"UNAVAILABLE"}}');
    expect((await decodeWholeBody(gzipSync(body), 'gzip', LIMIT)).equals(body)).toBe(true);
  });
});
