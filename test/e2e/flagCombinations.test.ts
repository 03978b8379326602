import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/**
 * Flags that are each valid alone but wrong together, against one small emulated run: each is
 * exit 2 with one line naming the flag, and the run folder is left exactly as it was.
 */
const SUITE = `name: combos
model: gemini-2.5-flash
thinkingBudgets: [0]
repeats: 1
relays:
  - { name: honest, emulator: honest }
cases:
  - { id: a, prompt: "1+1?", expect: { number: 2 } }
  - { id: b, prompt: "2+2?", expect: { number: 4 } }
`;
let folder = '';
let suite = '';
let run = '';
beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'relaybench-combos-'));
  suite = join(folder, 'suite.yaml');
  run = join(folder, 'run');
  writeFileSync(suite, SUITE);
  const first = await runCli(['run', suite, '--out', run]);
  expect(first.code, first.stderr).toBe(0);
}, 60_000);

function expectOneLineRefusal(result: { code: number | null; stderr: string }, flag: string): void {
  expect(result.code, result.stderr).toBe(2);
  const lines = result.stderr.trim().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toContain(flag);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('an output flag naming an input of the command', () => {
  const cases: Array<[what: string, args: () => string[], flag: string]> = [
    ['run --resume --junit RUN/requests.csv', () => ['run', suite, '--resume', run, '--junit', join(run, 'requests.csv')], '--junit'],
    ['run --resume --junit RUN/run.json', () => ['run', suite, '--resume', run, '--junit', join(run, 'run.json')], '--junit'],
    ['run --junit SUITE', () => ['run', suite, '--out', join(folder, 'other'), '--junit', suite], '--junit'],
    ['run --baseline RUN --junit RUN/summary.csv', () => ['run', suite, '--out', join(folder, 'other2'), '--baseline', run, '--junit', join(run, 'summary.csv')], '--junit'],
    ['run --resume --emulator-log RUN/requests.csv', () => ['run', suite, '--resume', run, '--emulator-log', join(run, 'requests.csv')], '--emulator-log'],
    ['gate RUN --junit RUN/requests.csv', () => ['gate', run, '--junit', join(run, 'requests.csv')], '--junit'],
    ['gate RUN --baseline RUN --junit RUN/details.jsonl', () => ['gate', run, '--baseline', run, '--junit', join(run, 'details.jsonl')], '--junit'],
  ];
  it.each(cases)(
    '%s: exit 2, the run and the suite untouched',
    async (_what, args, flag) => {
      const before = ['requests.csv', 'run.json', 'summary.csv', 'details.jsonl'].map((name) => readFileSync(join(run, name), 'utf8'));
      const result = await runCli(args());
      expectOneLineRefusal(result, flag);
      expect(['requests.csv', 'run.json', 'summary.csv', 'details.jsonl'].map((name) => readFileSync(join(run, name), 'utf8'))).toEqual(before);
      expect(readFileSync(suite, 'utf8')).toBe(SUITE);
    },
    60_000,
  );
});

describe('flags that do nothing together are refused, not ignored', () => {
  const cases: Array<[what: string, args: () => string[], flag: string]> = [
    // Before: exit 0, --out ignored, nothing written where the user looks.
    ['run --resume RUN --out NEW', () => ['run', suite, '--resume', run, '--out', join(folder, 'new')], '--out'],
    // Before: a whole new run into results/, as if --force meant "overwrite".
    ['run --force without --resume', () => ['run', suite, '--out', join(folder, 'forced'), '--force'], '--force'],
  ];
  it.each(cases)(
    '%s: exit 2, one line naming the flag',
    async (_what, args, flag) => {
      const result = await runCli(args());
      expectOneLineRefusal(result, flag);
      expect(result.stderr).toContain('Nothing was sent');
    },
    60_000,
  );
});

describe('a slice resumed with other filter flags', () => {
  // Before: "the suite no longer plans the jobs … case added: b", as if the suite had changed.
  it('names the flags the slice was run with and the resume command', async () => {
    const slice = join(folder, 'slice');
    const first = await runCli(['run', suite, '--out', slice, '--case', 'a']);
    expect(first.code, first.stderr).toBe(0);
    for (const [args, said] of [
      [[], 'resumed with no filter'],
      [['--case', 'b'], 'resumed with --case b'],
    ] as const) {
      const result = await runCli(['run', suite, '--resume', slice, ...args]);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stderr).toContain(`--resume ${slice} was run with --case a and is ${said}, so the plan differs:`);
      expect(result.stderr).toContain(`Resume it with the same flags (relaybench run SUITE --resume ${slice} --case a)`);
    }
    const same = await runCli(['run', suite, '--resume', slice, '--case', 'a']);
    expect(same.code, same.stderr).toBe(0);
  }, 60_000);
});

describe('emulate: a config or address it cannot use', () => {
  // Before: a Node stack trace and exit 1 (the "gate failed" code) for each.
  it.each<[what: string, args: () => string[], line: RegExp]>([
    ['a suite given as --config', () => ['emulate', '--port', '0', '--config', suite], /^relaybench: .*suite\.yaml is invalid:/],
    [
      'a host that does not resolve',
      () => ['emulate', '--port', '0', '--host', 'no-such-host.invalid'],
      /^relaybench: --host no-such-host\.invalid --port 0: cannot listen \((ENOTFOUND|EAI_AGAIN)\)/,
    ],
    [
      'an address this machine does not have',
      () => ['emulate', '--port', '0', '--host', '192.0.2.7'],
      /^relaybench: --host 192\.0\.2\.7 --port 0: cannot listen \(EADDRNOTAVAIL\)/,
    ],
  ])(
    '%s: exit 2, no stack trace',
    async (_what, args, line) => {
      const result = await runCli(args(), { timeoutMs: 20_000 });
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toMatch(line);
      expect(result.stderr).not.toMatch(/\n\s+at |node:internal|file:\/\//);
    },
    30_000,
  );

  it('a port in use: exit 2 naming --port', async () => {
    const { createServer } = await import('node:net');
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as import('node:net').AddressInfo;
    try {
      const result = await runCli(['emulate', '--port', String(port)], { timeoutMs: 20_000 });
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr.trim()).toBe(
        `relaybench: --host 127.0.0.1 --port ${port}: cannot listen (EADDRINUSE): the port is in use; choose another --port, or 0 for any free port`,
      );
    } finally {
      await new Promise<void>((resolve) => busy.close(() => resolve()));
    }
  }, 30_000);
});

describe('a baseline that is the run itself', () => {
  // Before: exit 0, "0 significant drop(s)": a run compared with itself always passes.
  it.each<[what: string, args: () => string[]]>([
    ['gate RUN --baseline RUN', () => ['gate', run, '--baseline', run]],
    ['gate RUN --baseline RUN/ (another spelling)', () => ['gate', run, '--baseline', `${run}/./`]],
    ['gate RUN --baseline COPY-OF-RUN', () => ['gate', run, '--baseline', join(folder, 'copy')]],
    ['run --resume RUN --baseline RUN', () => ['run', suite, '--resume', run, '--baseline', run]],
  ])(
    '%s: exit 2 naming --baseline',
    async (_what, args) => {
      const { cpSync, existsSync } = await import('node:fs');
      if (!existsSync(join(folder, 'copy'))) cpSync(run, join(folder, 'copy'), { recursive: true, filter: (source) => !source.endsWith('.relaybench.lock') });
      const result = await runCli(args());
      expectOneLineRefusal(result, '--baseline');
      expect(result.stderr).toMatch(/compared with itself a run can never show a drop/);
    },
    60_000,
  );

  it('an earlier run of the suite is still a baseline', async () => {
    const earlier = join(folder, 'earlier');
    const first = await runCli(['run', suite, '--out', earlier]);
    expect(first.code, first.stderr).toBe(0);
    const result = await runCli(['gate', run, '--baseline', earlier]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Baseline .*earlier \(paired by job_id/);
  }, 60_000);
});
