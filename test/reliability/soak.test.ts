import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';

/**
 * Soak: 2,000 jobs against the emulator's `flaky` profile with every fault turned up. Every
 * planned job must end as exactly one row, and every fault the emulator logged for each attempt
 * must be accounted for: a retryable fault on an attempt that was retried, and the final
 * attempt's fault as that row's error kind. A final fault is one that was not retried: either
 * retries ran out, or content had already arrived (a retry could bill twice).
 */
const CASES = 20;
const REPEATS = 100;
const PLANNED = CASES * REPEATS;

/** What the final attempt's fault must become in the row. */
const ROW_FOR_FAULT: Record<string, { error_kind: string; http_status?: string }> = {
  '429': { error_kind: 'http', http_status: '429' },
  '500': { error_kind: 'http', http_status: '500' },
  '503': { error_kind: 'http', http_status: '503' },
  html: { error_kind: 'http', http_status: '502' },
  'error-after-200': { error_kind: 'stream', http_status: '200' },
  stall: { error_kind: 'timeout', http_status: '200' },
  drop: { error_kind: 'connection' },
};
/** Faults worth another attempt; a mid-stream fault only when no content had been sent (no double billing). */
const ALWAYS_RETRYABLE = new Set(['429', '500', '503', 'html']);
const RETRYABLE_BEFORE_CONTENT = new Set(['drop', 'stall', 'error-after-200']);
const retryable = (line: TruthLine | undefined): boolean =>
  line?.fault != null && (ALWAYS_RETRYABLE.has(line.fault) || (RETRYABLE_BEFORE_CONTENT.has(line.fault) && line.chunkEpochUs.length === 0));

interface TruthLine {
  sample: string | null;
  fault: string | null;
  status: number | null;
  chunkEpochUs: number[];
}

let result: CliResult;
let rows: Array<Record<string, string>>;
let truth: TruthLine[];
let manifest: { resources: { maxRssMb: number }; relays: Record<string, { retryWaitMs: number }> };

beforeAll(async () => {
  const folder = mkdtempSync(join(tmpdir(), 'relaybench-soak-'));
  const cases = Array.from({ length: CASES }, (_, index) => `  - { id: c${index}, prompt: "What is ${index} + ${index * 3}?", expect: { number: ${index * 4} } }`);
  writeFileSync(
    join(folder, 'suite.yaml'),
    `name: soak
model: gemini-2.5-flash
repeats: ${REPEATS}
concurrency: 48
relays:
  - name: flaky
    emulator: flaky
    timeouts: { idleMs: 400 }
    retry: { max: 2 }
    emulatorOverrides:
      headersMs: { medianMs: 2 }
      prefillMs: { medianMs: 5 }
      thinkingTokensPerS: 2000000
      answerTokensPerS: 20000
      retryAfterS: 0
      stallMs: 60000
      failures: { rateLimited: 0.04, serverError: 0.03, unavailable: 0.03, errorAfter200: 0.03, stall: 0.02, drop: 0.03, html: 0.03 }
cases:
${cases.join('\n')}
`,
  );
  const out = join(folder, 'out');
  const truthPath = join(folder, 'truth.jsonl');
  result = await runCli(['run', join(folder, 'suite.yaml'), '--out', out, '--emulator-log', truthPath], { timeoutMs: 110_000 });
  rows = parse(readFileSync(join(out, 'requests.csv')), { columns: true }) as Array<Record<string, string>>;
  truth = readFileSync(truthPath, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as TruthLine);
  manifest = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as typeof manifest;
}, 120_000);

describe('soak against flaky', () => {
  it('ends every planned job as exactly one row', () => {
    expect(result.code).toBe(0);
    expect(rows).toHaveLength(PLANNED);
    expect(new Set(rows.map((row) => row.job_id)).size).toBe(PLANNED);
  });

  it('injected faults of every kind', () => {
    const kinds = new Set(truth.map((line) => line.fault).filter((fault) => fault !== null));
    expect([...kinds].sort()).toEqual(Object.keys(ROW_FOR_FAULT).sort());
  });

  it('accounts for every logged attempt: retried faults were retryable, the final fault is the row', () => {
    const attemptsByJob = new Map<string, Map<number, TruthLine>>();
    for (const line of truth) {
      const [jobId, attempt] = (line.sample ?? '').split('/');
      if (jobId === undefined || attempt === undefined) throw new Error(`log line without a sample header: ${JSON.stringify(line)}`);
      const attempts = attemptsByJob.get(jobId) ?? new Map<number, TruthLine>();
      expect(attempts.has(Number(attempt))).toBe(false);
      attempts.set(Number(attempt), line);
      attemptsByJob.set(jobId, attempts);
    }
    expect(attemptsByJob.size).toBe(PLANNED);
    for (const row of rows) {
      const attempts = attemptsByJob.get(row.job_id ?? '');
      expect(attempts?.size, `attempts of ${row.job_id}`).toBe(Number(row.attempts));
      const final = attempts?.get(Number(row.attempts));
      for (let attempt = 1; attempt < Number(row.attempts); attempt++) {
        expect(retryable(attempts?.get(attempt)), `attempt ${attempt} of ${row.job_id}: ${JSON.stringify(attempts?.get(attempt)?.fault)}`).toBe(true);
      }
      // A retryable final fault means the retries ran out (retry.max 2 → 3 attempts).
      if (retryable(final)) expect(row.attempts, `${row.job_id} stopped retrying a ${final?.fault}`).toBe('3');
      if (final?.fault === null || final?.fault === undefined) {
        expect(row.status, `${row.job_id}: ${row.error_message}`).toBe('ok');
      } else {
        expect({ status: row.status, ...pick(row, ROW_FOR_FAULT[final.fault] ?? {}) }, `${row.job_id} (${final.fault}): ${row.error_message}`).toEqual({
          status: 'error',
          ...ROW_FOR_FAULT[final.fault],
        });
      }
    }
  });

  it('recorded the time spent waiting to retry, and kept memory flat', () => {
    expect(manifest.relays.flaky?.retryWaitMs).toBeGreaterThan(0);
    expect(manifest.resources.maxRssMb).toBeLessThan(250);
  });
});

function pick(row: Record<string, string>, shape: Record<string, string>): Record<string, string | undefined> {
  return Object.fromEntries(Object.keys(shape).map((key) => [key, row[key]]));
}
