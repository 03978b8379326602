import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/**
 * Every value flag of every command, given a value it cannot take: exit 2, one line that names the
 * flag, what it got and what it accepts, no stack trace, and not one request sent. The suite points
 * at a local server that counts requests, so a run that started anyway would be seen.
 */
let requests = 0;
const server = createServer((_request, response) => {
  requests += 1;
  response.end();
});
let suite = '';
let folder = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  folder = mkdtempSync(join(tmpdir(), 'relaybench-flags-'));
  suite = join(folder, 'suite.yaml');
  writeFileSync(
    suite,
    `name: flags
model: gemini-2.5-flash
relays:
  - { name: local, baseUrl: "http://127.0.0.1:${port}", apiKey: k-123456 }
cases:
  - { id: sum, prompt: "1+1?", expect: { number: 2 } }
`,
  );
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

type Row = [command: string, flag: string, value: string | undefined, accepts: RegExp];

const RATE = /expected a rate from 0 to 1/;
const RUN_FLAGS: Row[] = [
  ['run', '--shard', '0/3', /1 ≤ k ≤ n/],
  ['run', '--shard', '5/4', /1 ≤ k ≤ n/],
  ['run', '--shard', '1/0', /1 ≤ k ≤ n/],
  ['run', '--shard', 'x', /1 ≤ k ≤ n/],
  ['run', '--shard', '2', /1 ≤ k ≤ n/],
  ['run', '--shard', '1.5/3', /1 ≤ k ≤ n/],
  ['run', '--shard', '', /1 ≤ k ≤ n/],
  ['run', '--shard', undefined, /1 ≤ k ≤ n/],
  ['run', '--concurrency', '0', /whole number from 1 to 10000/],
  ['run', '--concurrency', '1.5', /whole number from 1 to 10000/],
  ['run', '--concurrency', '-3', /whole number from 1 to 10000/],
  ['run', '--concurrency', '0x10', /whole number from 1 to 10000/],
  ['run', '--concurrency', '99999', /whole number from 1 to 10000/],
  ['run', '--concurrency', '', /whole number/],
  ['run', '--concurrency', undefined, /whole number/],
  ['run', '--repeats', '-1', /whole number from 1 to 1000000/],
  ['run', '--repeats', '0', /whole number from 1/],
  ['run', '--repeats', '1e3', /whole number from 1/],
  ['run', '--repeats', 'NaN', /whole number from 1/],
  ['run', '--max-error-rate', '1.5', RATE],
  ['run', '--max-error-rate', '-0.1', RATE],
  ['run', '--max-error-rate', 'abc', RATE],
  ['run', '--min-pass-rate', '1.5', RATE],
  ['run', '--min-pass-rate', 'NaN', RATE],
  ['run', '--min-pass-rate', '', RATE],
  ['run', '--min-pass-rate', '90%', RATE],
  ['run', '--max-gate-error-rate', '2', RATE],
  ['run', '--alpha', '2', /probability between 0 and 1/],
  ['run', '--alpha', '0', /probability between 0 and 1/],
  ['run', '--alpha', '1', /probability between 0 and 1/],
  ['run', '--alpha', undefined, /probability between 0 and 1/],
  ['run', '--latency-gate', '-1', /percentage of at least 0/],
  ['run', '--latency-gate', 'Infinity', /percentage of at least 0/],
];
const GATE_FLAGS: Row[] = [
  ['gate', '--min-pass-rate', '1.01', RATE],
  ['gate', '--max-error-rate', '2', RATE],
  ['gate', '--max-error-rate', undefined, RATE],
  ['gate', '--alpha', '0', /probability between 0 and 1/],
  ['gate', '--latency-gate', 'ten', /percentage of at least 0/],
];
const EMULATE_FLAGS: Row[] = [
  ['emulate', '--port', '70000', /whole number from 0 to 65535/],
  ['emulate', '--port', '-1', /whole number from 0 to 65535/],
  ['emulate', '--port', 'http', /whole number from 0 to 65535/],
  ['emulate', '--seed', 'abc', /whole number/],
  ['emulate', '--seed', '1.5', /whole number/],
  ['emulate', '--host', '', /host name or IP address/],
];

function argsFor(command: string, flag: string, value: string | undefined): string[] {
  const target = command === 'run' ? [suite, '--out', join(folder, 'out')] : command === 'gate' ? [folder] : [];
  // A missing value: the flag comes last, so nothing can be taken for its value.
  return value === undefined ? [command, ...target, flag] : [command, ...target, `${flag}=${value}`];
}

describe('bad flag values', () => {
  it.each([...RUN_FLAGS, ...GATE_FLAGS, ...EMULATE_FLAGS])('%s %s=%j: exit 2, one line naming the flag, nothing sent', async (command, flag, value, accepts) => {
    const result = await runCli(argsFor(command, flag, value), { timeoutMs: 20_000 });
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`${flag}: ${value === undefined ? 'missing value' : `got ${JSON.stringify(value)}`}; expected`);
    expect(lines[0]).toMatch(accepts);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(requests).toBe(0);
  });
});

describe('baseline-only flags without --baseline', () => {
  it.each([
    ['run', '--alpha=0.01'],
    ['gate', '--alpha=0.01'],
    ['run', '--fail-on-flip'],
    ['gate', '--latency-gate=10'],
  ])('%s %s: exit 2, one line asking for --baseline, nothing sent', async (command, flag) => {
    const result = await runCli([...argsFor(command, '', undefined).slice(0, -1), flag], { timeoutMs: 20_000 });
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(flag.split('=')[0]);
    expect(lines[0]).toContain('add --baseline <run folder>');
    expect(requests).toBe(0);
  });
});
