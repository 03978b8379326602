import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from './undici.js';

/**
 * Makes undici parse one HTTP/1.1 response, on a throwaway loopback server, before any measured
 * request, so the parser's one-time compilation never lands inside a measurement.
 *
 * Why: undici parses HTTP/1.1 with llhttp compiled to WebAssembly, one instance per process
 * (`lazyllhttp()` in undici's `lib/dispatcher/client-h1.js`). V8 compiles WebAssembly functions
 * lazily, on their first call (V8 flag `--wasm-lazy-compilation`, on by default), so the first
 * response the process parses pays for compiling `llhttp_execute` synchronously, between the
 * bytes' arrival and `onResponseStart`: 7–25 ms on a 2-core machine (0.1–0.2 ms for every later
 * response; about 1 ms with `--no-wasm-lazy-compilation`). Every other response whose bytes arrive
 * meanwhile waits too, so at concurrency 32 the first request on every relay was stamped late
 * (issue #17, item 8).
 *
 * Resolves once (later calls share the first call's promise) and never rejects: where loopback
 * is unavailable the run goes on unprimed, its first responses carrying that one-time cost.
 * Sends nothing beyond 127.0.0.1.
 */
export function primeHttpParser(): Promise<void> {
  primed ??= parseOneResponse().catch(() => undefined);
  return primed;
}

let primed: Promise<void> | undefined;

async function parseOneResponse(): Promise<void> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(200, { 'content-type': 'text/event-stream' }).end('data: {}\r\n\r\n'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const client = new Client(`http://127.0.0.1:${port}`);
  try {
    const response = await client.request({ method: 'POST', path: '/prime', body: '{}', headersTimeout: 5_000, bodyTimeout: 5_000 });
    await response.body.text();
  } finally {
    await client.close().catch(() => undefined);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
