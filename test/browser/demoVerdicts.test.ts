import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';

/**
 * The demo behind `npm start`, end to end: the built CLI runs suites/demo.yaml against the
 * emulated relays, and the verdicts it writes must flag each misbehaving relay on its own verdict
 * and pass the honest one.
 */
let folder: string;
let run: CliResult;
let verdicts: Map<string, Record<string, string>>;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'relaybench-demo-'));
  run = await runCli(['run', 'suites/demo.yaml', '--out', join(folder, 'run')], { timeoutMs: 100_000 });
  const records = parse(readFileSync(join(folder, 'run', 'verdicts.csv')), { columns: true }) as Array<Record<string, string>>;
  verdicts = new Map(records.map((record) => [String(record.relay), record]));
}, 120_000);

afterAll(() => {
  if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
});

const CHECKS = ['streams', 'honours_budget', 'returns_thoughts', 'usage_adds_up', 'model_as_asked', 'errors_google_shape'];
const failedChecks = (relay: string): string[] => CHECKS.filter((check) => verdicts.get(relay)?.[check] === 'fail');

describe('the demo', () => {
  it('runs with no key and no network and leaves a full results folder', () => {
    expect(run.stderr).not.toMatch(/Error|error:/);
    expect(run.code).toBe(0);
    for (const file of ['requests.csv', 'summary.csv', 'run.json', 'details.jsonl', 'report.html', 'verdicts.csv', 'budgets.csv']) {
      expect(existsSync(join(folder, 'run', file)), file).toBe(true);
    }
  });

  it('passes the honest relay on everything it can judge', () => {
    const honest = verdicts.get('honest') ?? {};
    expect(failedChecks('honest')).toEqual([]);
    expect([honest.streams, honest.honours_budget, honest.returns_thoughts, honest.usage_adds_up, honest.model_as_asked]).toEqual(['pass', 'pass', 'pass', 'pass', 'pass']);
  });

  it.each([
    ['fake-stream', 'streams'],
    ['budget-ignorer', 'honours_budget'],
    ['thoughts-stripped', 'returns_thoughts'],
    ['model-swap', 'model_as_asked'],
    ['no-usage', 'usage_adds_up'],
    ['flaky', 'errors_google_shape'],
  ])('flags %s on %s alone', (relay, check) => {
    expect(failedChecks(relay)).toEqual([check]);
  });
});
