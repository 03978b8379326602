import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { createConnectProxy } from '../helpers/connectProxy.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/**
 * Requests go through a relay's `proxy:`, or through HTTP(S)_PROXY from the environment. A local
 * CONNECT proxy counts the tunnels it opened; the relay is a local server.
 */
let relay: Server;
let proxy: Server;
let relayUrl: string;
let proxyUrl: string;
let tunnels = 0;

beforeAll(async () => {
  relay = createServer((request, response) => {
    request.resume();
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.end(`data: ${JSON.stringify({ candidates: [{ content: { parts: [{ text: '42' }] }, finishReason: 'STOP' }] })}\r\n\r\n`);
  });
  proxy = createConnectProxy(() => (tunnels += 1));
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

async function runThrough(relayLine: string, env: Record<string, string | undefined> = {}): Promise<Array<Record<string, string>>> {
  const folder = mkdtempSync(join(tmpdir(), 'relaybench-proxy-'));
  writeFileSync(join(folder, 'suite.yaml'), `name: proxy\nmodel: gemini-2.5-flash\nrelays:\n  - ${relayLine}\ncases:\n  - { id: q, prompt: "6*7?", expect: { number: 42 } }\n`);
  const result = await runCli(['run', join(folder, 'suite.yaml'), '--out', join(folder, 'out')], { env });
  expect(result.code).toBe(0);
  return parse(readFileSync(join(folder, 'out', 'requests.csv')), { columns: true }) as Array<Record<string, string>>;
}

describe('proxies', () => {
  it('sends a relay with proxy: through that proxy', async () => {
    const before = tunnels;
    const rows = await runThrough(`{ name: r, baseUrl: "${relayUrl}", apiKey: k-123456, proxy: "${proxyUrl}" }`);
    expect(rows[0]).toMatchObject({ status: 'ok', pass: 'true' });
    expect(tunnels).toBeGreaterThan(before);
  });

  it('honours HTTP_PROXY / HTTPS_PROXY from the environment', async () => {
    const before = tunnels;
    const rows = await runThrough(`{ name: r, baseUrl: "${relayUrl}", apiKey: k-123456 }`, { HTTP_PROXY: proxyUrl, HTTPS_PROXY: proxyUrl, NO_PROXY: '' });
    expect(rows[0]).toMatchObject({ status: 'ok', pass: 'true' });
    expect(tunnels).toBeGreaterThan(before);
  });

  it('goes direct when no proxy is set', async () => {
    const before = tunnels;
    const rows = await runThrough(`{ name: r, baseUrl: "${relayUrl}", apiKey: k-123456 }`, {
      HTTP_PROXY: undefined,
      HTTPS_PROXY: undefined,
      http_proxy: undefined,
      https_proxy: undefined,
    });
    expect(rows[0]).toMatchObject({ status: 'ok' });
    expect(tunnels).toBe(before);
  });
});
