import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';

/**
 * Relays no retry can help: a host that does not resolve (`.invalid` never does, RFC 6761 §6.4,
 * and the lookup fails locally), a port nobody listens on, and a TLS server whose certificate is
 * self-signed (made with openssl at test time). After three such failures in a row the relay is
 * given up on, once, on the console; its other jobs are skipped rows saying why.
 */
const JOBS_PER_RELAY = 8;
let folder: string;
let result: CliResult;
let rows: Array<Record<string, string>>;
let tlsRequests = 0;
const tls = { close: (): void => undefined };

/** A port that was free a moment ago: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'relaybench-hopeless-'));
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(folder, 'key.pem'), '-out', join(folder, 'cert.pem'), '-subj', '/CN=localhost', '-days', '1'],
    { stdio: 'ignore' },
  );
  const server = createHttpsServer({ key: readFileSync(join(folder, 'key.pem')), cert: readFileSync(join(folder, 'cert.pem')) }, (_request, response) => {
    tlsRequests += 1;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  tls.close = () => server.close();
  const tlsPort = (server.address() as AddressInfo).port;
  const refusedPort = await closedPort();
  writeFileSync(
    join(folder, 'suite.yaml'),
    `name: hopeless
model: gemini-2.5-flash
repeats: ${JOBS_PER_RELAY}
concurrency: 3
relays:
  - { name: no-such-host, baseUrl: "http://relay.invalid", apiKey: k-hopeless-1, concurrency: 1, retry: { max: 2 } }
  - { name: refused, baseUrl: "http://127.0.0.1:${refusedPort}", apiKey: k-hopeless-2, concurrency: 1, retry: { max: 1 } }
  - { name: self-signed, baseUrl: "https://localhost:${tlsPort}", apiKey: k-hopeless-3, concurrency: 1, retry: { max: 2 } }
cases:
  - { id: sum, prompt: "1+1?", expect: { number: 2 } }
`,
  );
  result = await runCli(['run', join(folder, 'suite.yaml'), '--out', join(folder, 'out')], { timeoutMs: 60_000 });
  rows = parse(readFileSync(join(folder, 'out', 'requests.csv')), { columns: true }) as Array<Record<string, string>>;
});

afterAll(() => {
  tls.close();
});

describe('relays that cannot be reached', () => {
  it('finishes the run with a row for every job', () => {
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(rows).toHaveLength(3 * JOBS_PER_RELAY);
  });

  it.each<[string, string, string, string]>([
    ['no-such-host', 'ENOTFOUND', 'host name not found', '1'],
    ['refused', 'ECONNREFUSED', 'connection refused', '2'],
    ['self-signed', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed TLS certificate', '1'],
  ])('%s: three %s rows, then the rest skipped, said once on the console', (relay, code, what, attempts) => {
    const mine = rows.filter((row) => row.relay === relay);
    const failed = mine.filter((row) => row.error_kind === 'connection');
    const skipped = mine.filter((row) => row.error_kind === 'skipped');
    expect(failed).toHaveLength(3);
    for (const row of failed) {
      expect(row.error_message).toContain(`${code} (${what})`);
      // Names not found and certificate errors are not retried; a refused connection is, up to retry.max.
      expect(row.attempts).toBe(attempts);
    }
    expect(skipped).toHaveLength(JOBS_PER_RELAY - 3);
    for (const row of skipped) {
      expect(row.error_message).toMatch(
        new RegExp(`^skipped: relay ${relay} given up after 3 consecutive connection failures that retrying cannot fix \\(last: connection: ${code}`),
      );
      expect(row.attempts).toBe('0');
    }
    const notices = result.stderr.split('\n').filter((line) => line.startsWith(`Giving up on relay ${relay}:`));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(code);
  });

  it('never completed a request to the self-signed server', () => {
    expect(tlsRequests).toBe(0);
  });
});
