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

const CHECKS = [
  'streams',
  'natively_paced',
  'honours_budget',
  'returns_thoughts',
  'usage_adds_up',
  'usage_plausible',
  'prompt_as_sent',
  'config_honoured',
  'model_as_asked',
  'quality_parity',
  'single_attempt',
  'framing_clean',
  'errors_google_shape',
];
const failedChecks = (relay: string): string[] => CHECKS.filter((check) => verdicts.get(relay)?.[check] === 'fail');

describe('the demo', () => {
  it('runs with no key and no network and leaves a full results folder', () => {
    expect(run.stderr).not.toMatch(/Error|error:/);
    expect(run.code).toBe(0);
    for (const file of ['requests.csv', 'summary.csv', 'run.json', 'details.jsonl', 'report.html', 'verdicts.csv', 'budgets.csv']) {
      expect(existsSync(join(folder, 'run', file)), file).toBe(true);
    }
  });

  it.each(['honest', 'slow'])('passes the honest relay %s on everything it can judge', (relay) => {
    const honest = verdicts.get(relay) ?? {};
    expect(failedChecks(relay)).toEqual([]);
    const judgedChecks = CHECKS.filter((check) => check !== 'errors_google_shape' && !(relay === 'honest' && check === 'prompt_as_sent'));
    expect(judgedChecks.filter((check) => honest[check] !== 'pass')).toEqual([]);
  });

  it('compares with the reference relay and says so', () => {
    expect(verdicts.get('honest')?.prompt_as_sent).toBe('n/a');
    expect(verdicts.get('slow')?.prompt_as_sent_evidence).toMatch(/vs the reference honest/);
  });

  it.each([
    ['fake-stream', 'streams'],
    ['budget-ignorer', 'honours_budget'],
    ['thoughts-stripped', 'returns_thoughts'],
    ['no-usage', 'usage_adds_up'],
    ['flaky', 'errors_google_shape'],
    ['re-paced', 'natively_paced'],
    ['silent-swap', 'quality_parity'],
    ['prompt-injected', 'prompt_as_sent'],
    ['usage-padded', 'usage_plausible'],
    ['config-override', 'config_honoured'],
    ['hidden-retry', 'single_attempt'],
    ['framing-drift', 'framing_clean'],
  ])('flags %s on %s alone', (relay, check) => {
    expect(failedChecks(relay)).toEqual([check]);
  });

  it('flags model-swap on model_as_asked (and at most on the worse answers a cheaper model gives)', () => {
    expect(failedChecks('model-swap')).toContain('model_as_asked');
    expect(failedChecks('model-swap').filter((check) => check !== 'model_as_asked' && check !== 'quality_parity')).toEqual([]);
  });
});
