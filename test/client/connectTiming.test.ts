import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createConnectProxy } from '../helpers/connectProxy.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendAttempt } from '../../src/client/attempt.js';
import { createDispatcher } from '../../src/client/dispatcher.js';
import type { Dispatcher } from 'undici';

/**
 * connect_ms against a local server: set on the request that opened a connection, empty on one
 * that reused a pooled connection, set again when the server closed the old one; the same through
 * a CONNECT proxy (where it also covers the proxy's set-up and CONNECT round trip).
 */
let relay: Server;
let proxy: Server;
let relayUrl: string;
let proxyUrl: string;
let connections = 0;

beforeAll(async () => {
  relay = createServer((request, response) => {
    request.resume();
    const close = request.url?.includes('close') === true;
    response.writeHead(200, { 'content-type': 'text/event-stream', ...(close ? { connection: 'close' } : {}) });
    response.end(`data: ${JSON.stringify({ candidates: [{ content: { parts: [{ text: '42' }] } }] })}\r\n\r\n`);
  });
  relay.on('connection', () => (connections += 1));
  proxy = createConnectProxy();
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  relayUrl = `http://127.0.0.1:${(relay.address() as AddressInfo).port}`;
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});

afterAll(async () => {
  relay.closeAllConnections();
  proxy.closeAllConnections();
  await Promise.all([relay, proxy].map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
});

async function connectMsOf(dispatcher: Dispatcher, path: string): Promise<number | undefined> {
  let connectMs: number | undefined;
  const outcome = await sendAttempt(
    { method: 'POST', url: `${relayUrl}${path}`, headers: { 'content-type': 'application/json' }, body: '{}' },
    {
      framing: 'sse',
      timeouts: { connectMs: 5000, firstByteMs: 5000, idleMs: 5000, totalMs: 10000 },
      maxBodyBytes: 1 << 20,
      dispatcher,
      clock: () => performance.now(),
      signal: undefined,
      redact: (text) => text,
      onStart: () => undefined,
      onEvent: () => undefined,
      onConnect: (ms) => {
        connectMs = ms;
      },
    },
  );
  expect(outcome.failure).toBeUndefined();
  return connectMs;
}

describe('connect_ms', () => {
  it.each([
    ['direct', undefined],
    ['through a CONNECT proxy', 'proxy'],
  ])('%s: set on a new connection, empty on a reused one', async (_name, viaProxy) => {
    const dispatcher = createDispatcher({ connectTimeoutMs: 5000, proxy: viaProxy === undefined ? undefined : proxyUrl, connections: undefined });
    try {
      const before = connections;
      const first = await connectMsOf(dispatcher, '/a');
      expect(first).toBeTypeOf('number');
      expect(first).toBeGreaterThanOrEqual(0);
      expect(await connectMsOf(dispatcher, '/b')).toBeUndefined();
      expect(await connectMsOf(dispatcher, '/c')).toBeUndefined();
      expect(connections - before).toBe(1);
      // The server closes the connection after this answer: the next request opens a new one.
      expect(await connectMsOf(dispatcher, '/close')).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await connectMsOf(dispatcher, '/d')).toBeTypeOf('number');
      expect(connections - before).toBe(2);
    } finally {
      await dispatcher.close();
    }
  });

  it('requests in parallel each open their own connection and each get a time', async () => {
    const dispatcher = createDispatcher({ connectTimeoutMs: 5000, proxy: undefined, connections: 3 });
    try {
      const times = await Promise.all([connectMsOf(dispatcher, '/p1'), connectMsOf(dispatcher, '/p2'), connectMsOf(dispatcher, '/p3')]);
      expect(times.every((ms) => typeof ms === 'number')).toBe(true);
      const again = await Promise.all([connectMsOf(dispatcher, '/q1'), connectMsOf(dispatcher, '/q2'), connectMsOf(dispatcher, '/q3')]);
      expect(again).toEqual([undefined, undefined, undefined]);
    } finally {
      await dispatcher.close();
    }
  });
});
