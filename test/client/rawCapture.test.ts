import { describe, expect, it } from 'vitest';
import { redactChunks, type RawChunk } from '../../src/client/rawCapture.js';
import { createRedactor } from '../../src/client/redact.js';

const KEY = 'sk-relay-secret-0123456789';
const redact = createRedactor([KEY]);
const chunks = (...parts: Array<string | Uint8Array>): RawChunk[] =>
  parts.map((part, index) => ({ bytes: typeof part === 'string' ? Buffer.from(part) : part, atMs: 100 + index * 10 }));

describe('redactChunks', () => {
  it('keeps chunk boundaries and times (from t0) when no key is in them', () => {
    expect(redactChunks(chunks('data: a\r\n\r\n', 'data: b\r\n\r\n'), 90, redact)).toEqual([
      { at_ms: 10, bytes: 11, text: 'data: a\r\n\r\n' },
      { at_ms: 20, bytes: 11, text: 'data: b\r\n\r\n' },
    ]);
  });

  it.each<[string, RawChunk[]]>([
    ['a key inside one chunk', chunks(`your key ${KEY} is wrong`)],
    ['a key split across two chunks', chunks(`your key ${KEY.slice(0, 9)}`, `${KEY.slice(9)} is wrong`)],
    ['a key split across three chunks', chunks(`key ${KEY.slice(0, 5)}`, KEY.slice(5, 12), `${KEY.slice(12)} end`)],
    ['a ?key= parameter split after the =', chunks('url ?key=', 'AnotherSecretNobodyConfigured&x=1')],
    ['a Google key split in the middle', chunks('AIzaSyA1234567890', 'abcdefghijABCDEFGHIJ12 leaked')],
    ['a URL-encoded key split', chunks(`k=${encodeURIComponent(KEY).slice(0, 7)}`, encodeURIComponent(KEY).slice(7))],
  ])('%s never survives', (_name, raw) => {
    const captured = redactChunks(raw, 0, redact);
    const text = captured.map((chunk) => chunk.text).join('');
    expect(text).not.toContain(KEY);
    expect(text).not.toContain('AnotherSecretNobodyConfigured');
    expect(text).not.toContain('abcdefghijABCDEFGHIJ12');
    expect(text).toContain('[REDACTED]');
    expect(captured.reduce((sum, chunk) => sum + chunk.bytes, 0)).toBe(raw.reduce((sum, chunk) => sum + chunk.bytes.length, 0));
    expect(captured[0]?.at_ms).toBe(raw[0]!.atMs);
  });

  it('gives a UTF-8 character split across chunks to the chunk that completes it', () => {
    const euro = Buffer.from('€');
    const captured = redactChunks(chunks(Buffer.concat([Buffer.from('a'), euro.subarray(0, 1)]), Buffer.concat([euro.subarray(1), Buffer.from('b')])), 0, redact);
    expect(captured.map((chunk) => chunk.text)).toEqual(['a', '€b']);
    expect(captured.map((chunk) => chunk.bytes)).toEqual([2, 3]);
  });
});
