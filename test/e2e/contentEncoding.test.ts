import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Transform } from 'node:stream';
import zlib from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFixture } from '../fixtures/gemini-real.js';
import { runCli, type CliResult } from '../helpers/cli.js';
import { splitEvents, startReplayServer, type ReplayRoute, type ReplayServer } from '../helpers/replayServer.js';

/**
 * One real recorded stream served plain and in every coding a relay (or the CDN in front of it)
 * may apply, each event compressed and flushed on its own as a streaming server does: every coding
 * gives the plain row, with the same timings within tolerance, because events are decoded as
 * their bytes arrive. Codings Node cannot decode and corrupt data are stream errors that name the
 * coding and never quote the bytes.
 */
const GAP_MS = 40;
const TOLERANCE_MS = 8;
const FIXTURE = '2.5-pro-thought-summaries.sse';

/** Compresses each piece with `make()` and flushes, so each output piece decodes to one event. */
async function compressPieces(pieces: Uint8Array[], make: () => Transform, flushKind: number): Promise<Uint8Array[]> {
  const stream = make() as Transform & { flush(kind: number, callback: () => void): void };
  let pending: Buffer[] = [];
  stream.on('data', (data: Buffer) => pending.push(data));
  const out: Uint8Array[] = [];
  for (const piece of pieces) {
    stream.write(piece);
    await new Promise<void>((resolve) => stream.flush(flushKind, resolve));
    out.push(new Uint8Array(Buffer.concat(pending)));
    pending = [];
  }
  await new Promise<void>((resolve) => stream.end(resolve));
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (pending.length > 0) out.push(new Uint8Array(Buffer.concat(pending)));
  return out;
}

const Z = zlib.constants;
const gzip = (pieces: Uint8Array[]): Promise<Uint8Array[]> => compressPieces(pieces, () => zlib.createGzip(), Z.Z_SYNC_FLUSH);
const deflate = (pieces: Uint8Array[]): Promise<Uint8Array[]> => compressPieces(pieces, () => zlib.createDeflate(), Z.Z_SYNC_FLUSH);
const deflateRaw = (pieces: Uint8Array[]): Promise<Uint8Array[]> => compressPieces(pieces, () => zlib.createDeflateRaw(), Z.Z_SYNC_FLUSH);
const brotli = (pieces: Uint8Array[]): Promise<Uint8Array[]> => compressPieces(pieces, () => zlib.createBrotliCompress(), Z.BROTLI_OPERATION_FLUSH);

let server: ReplayServer;
let folder: string;
let result: CliResult;
let rows: Array<Record<string, string>>;
/** Relay → epoch ms of its request's t0, from details.jsonl. */
const details = new Map<string, number>();

/** Relay name → [Content-Encoding header, pieces]. */
const CODED: Array<[string, string | undefined, (pieces: Uint8Array[]) => Promise<Uint8Array[]>]> = [
  ['plain', undefined, async (pieces) => pieces],
  ['identity', 'identity', async (pieces) => pieces],
  ['gzip', 'gzip', gzip],
  ['x-gzip', 'x-gzip', gzip],
  ['gzip-upper', 'GZIP', gzip],
  ['deflate-zlib', 'deflate', deflate],
  ['deflate-raw', 'deflate', deflateRaw],
  ['br', 'br', brotli],
  ['gzip-then-br', 'gzip, br', async (pieces) => brotli(await gzip(pieces))],
  ['br-then-deflate', 'br,deflate', async (pieces) => deflate(await brotli(pieces))],
  ['identity-and-gzip', 'identity, gzip', gzip],
];

beforeAll(async () => {
  const events = splitEvents(readFixture(FIXTURE), 'sse');
  const routes: ReplayRoute[] = [];
  for (const [name, coding, encode] of CODED) {
    routes.push({
      prefix: `/${name}`,
      contentType: 'text/event-stream',
      pieces: await encode(events),
      gapMs: GAP_MS,
      ...(coding === undefined ? {} : { headers: { 'content-encoding': coding } }),
    });
  }
  const gzipped = await gzip(events);
  const corrupt = gzipped.map((piece, index) => (index === 2 ? new Uint8Array(piece.length).fill(0xa5) : piece));
  const google503 = JSON.stringify({ error: { code: 503, message: 'This model is currently experiencing high demand.', status: 'UNAVAILABLE' } }, null, 2);
  routes.push(
    { prefix: '/zstd', contentType: 'text/event-stream', pieces: events, gapMs: GAP_MS, headers: { 'content-encoding': 'zstd' } },
    { prefix: '/compress', contentType: 'text/event-stream', pieces: events, gapMs: GAP_MS, headers: { 'content-encoding': 'gzip, compress' } },
    { prefix: '/corrupt', contentType: 'text/event-stream', pieces: corrupt, gapMs: GAP_MS, headers: { 'content-encoding': 'gzip' } },
    { prefix: '/lying', contentType: 'text/event-stream', pieces: gzipped, gapMs: GAP_MS },
    { prefix: '/error-gzip', status: 503, contentType: 'application/json', pieces: [zlib.gzipSync(google503)], gapMs: 1, headers: { 'content-encoding': 'gzip' } },
  );
  server = await startReplayServer(routes);
  folder = mkdtempSync(join(tmpdir(), 'relaybench-coding-'));
  const names = routes.map((route) => route.prefix.slice(1));
  writeFileSync(
    join(folder, 'suite.yaml'),
    `name: coding
model: gemini-2.5-pro
thinkingBudgets: [1024]
concurrency: 4
relays:
${names.map((name) => `  - { name: ${name}, baseUrl: "${server.url}/${name}", apiKey: k-coding-0001, retry: { max: 0 } }`).join('\n')}
cases:
  - id: cross-street
    prompt: How do I cross the street safely?
    expect: { contains: "the", ignoreCase: true }
`,
  );
  result = await runCli(['run', join(folder, 'suite.yaml'), '--out', join(folder, 'out')]);
  rows = parse(readFileSync(join(folder, 'out', 'requests.csv')), { columns: true }) as Array<Record<string, string>>;
  for (const line of readFileSync(join(folder, 'out', 'details.jsonl'), 'utf8')
    .trim()
    .split('\n')) {
    const detail = JSON.parse(line) as { relay: string; t0_epoch_ms: number };
    details.set(detail.relay, detail.t0_epoch_ms);
  }
});

afterAll(async () => {
  await server.close();
});

const rowOf = (relay: string): Record<string, string> => {
  const row = rows.find((candidate) => candidate.relay === relay);
  if (row === undefined) throw new Error(`no row for ${relay}: ${result.stderr}`);
  return row;
};

const TIMING = ['headers_ms', 'ttft_ms', 'first_thought_ms', 'first_answer_ms', 'thinking_ms', 'total_ms', 'answer_stream_ms', 'max_gap_ms'];
const PER_RUN = ['run_id', 'job_id', 'relay', 'started_at', 'answer_tokens_per_s', 'connect_ms', 'start_lag_ms', 'load_rate'];

describe('compressed streams', () => {
  it('asks for the codings it decodes', () => {
    expect(server.requests.length).toBeGreaterThan(0);
    for (const request of server.requests) expect(request.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it.each(CODED.map(([name, coding]) => [name, coding]))('%s (Content-Encoding: %s) gives the plain row, timings within tolerance', (name) => {
    const plain = rowOf('plain');
    const coded = rowOf(name);
    expect(coded.status).toBe('ok');
    for (const column of Object.keys(plain)) {
      if (PER_RUN.includes(column) || TIMING.includes(column)) continue;
      expect(coded[column], column).toBe(plain[column]);
    }
    // Timings against the server's own write times (as in fixtureReplay): each coded piece holds
    // exactly one event, so the event that set a time in the plain row sets it in the coded one.
    const offsets = (relay: string, row: Record<string, string>): Record<string, number> => {
      const t0 = details.get(relay);
      const writes = server.writes.get(`/${relay}`);
      const headers = server.headerWrites.get(`/${relay}`)?.[0];
      if (t0 === undefined || writes === undefined || headers === undefined) throw new Error(`no server log for ${relay}`);
      const nearest = (ms: number): number => writes.reduce((best, time) => (Math.abs(time - t0 - ms) < Math.abs(best - t0 - ms) ? time : best)) - t0;
      // headers_ms is not a coding's business (the headers are never compressed): test/e2e/headersTiming checks it.
      void headers;
      return {
        ttft_ms: Number(row.ttft_ms) - nearest(Number(row.ttft_ms)),
        first_answer_ms: Number(row.first_answer_ms) - nearest(Number(row.first_answer_ms)),
        first_thought_ms: Number(row.first_thought_ms) - nearest(Number(row.first_thought_ms)),
        total_ms: Number(row.total_ms) - ((writes.at(-1) as number) - t0 + GAP_MS),
      };
    };
    for (const [column, lateMs] of Object.entries(offsets(name, coded))) {
      expect(Math.abs(lateMs), `${column} against the server's log`).toBeLessThan(column === 'total_ms' ? TOLERANCE_MS * 2 : TOLERANCE_MS);
    }
  });

  it.each([
    ['zstd', /Content-Encoding "zstd".*cannot decode "zstd"/],
    ['compress', /Content-Encoding "gzip, compress".*cannot decode "compress"/],
    ['corrupt', /could not decode the body \(Content-Encoding "gzip"\)/],
  ])('%s: a stream error that names the coding', (relay, message) => {
    const row = rowOf(relay);
    expect(row).toMatchObject({ status: 'error', error_kind: 'stream', http_status: '200' });
    expect(row.error_message).toMatch(message);
  });

  it('never quotes compressed bytes sent without Content-Encoding', () => {
    const row = rowOf('lying');
    expect(row).toMatchObject({ status: 'error', error_kind: 'stream' });
    expect(row.error_message).toMatch(/<\d+ bytes of binary data>/);
    expect(row.error_message).not.toMatch(/[\u0000-\u0008\uFFFD]/);
  });

  it('decodes a compressed error body', () => {
    expect(rowOf('error-gzip')).toMatchObject({
      status: 'error',
      error_kind: 'http',
      http_status: '503',
      error_message: 'HTTP 503 UNAVAILABLE: This model is currently experiencing high demand.',
    });
  });
});
