import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EXIT } from '../../src/cli/exitCodes.js';
import { RelaybenchError } from '../../src/errors/index.js';
import { gateCommand } from '../../src/cli/gateCommand.js';
import { mergeCommand } from '../../src/cli/mergeCommand.js';
import { selectShard } from '../../src/plan/shard.js';
import { summarize } from '../../src/analysis/summary.js';
import { writeSummaryCsv } from '../../src/runfolder/write.js';
import { makeRun } from './rows.js';
import { temporaryFolder, writeRunFolder } from './runFolders.js';

const allRows = makeRun({
  cases: ['sum', 'capital', 'prime'],
  relays: ['alpha', 'beta'],
  budgets: [0, 1024],
  repeats: 3,
  vary: ({ caseId, relay, budget, repeat }) => {
    if (relay === 'beta' && caseId === 'prime' && repeat === 2) return { errorKind: 'http', errorMessage: '503' };
    if (budget === 0 && caseId === 'sum') return { pass: false, totalMs: 900 + repeat };
    return { totalMs: 300 + repeat * 37 + (relay === 'beta' ? 250 : 0), firstAnswerMs: 120 + repeat * 11 };
  },
});
const planned = allRows.length;
const rowsOfShard = (index: number, count: number) => {
  const jobIds = new Set(
    selectShard(
      allRows.map((row) => ({ jobId: String(row.job_id) })),
      { index, count },
    ).map((job) => job.jobId),
  );
  return allRows.filter((row) => jobIds.has(String(row.job_id)));
};

let folder: ReturnType<typeof temporaryFolder>;
let stdout: string[];
let stderr: string[];
beforeEach(() => {
  folder = temporaryFolder();
  stdout = [];
  stderr = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => stdout.push(String(chunk)) > 0);
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => stderr.push(String(chunk)) > 0);
});
afterEach(() => {
  vi.restoreAllMocks();
  folder.remove();
});

function writeShards(count: number): string[] {
  return Array.from({ length: count }, (_, offset) =>
    writeRunFolder(join(folder.dir, `shard-${offset + 1}`), rowsOfShard(offset + 1, count), {
      planned,
      runId: `run-${offset + 1}`,
      startedAt: `2026-01-01T00:0${offset}:00.000Z`,
      endedAt: `2026-01-01T00:0${offset + 1}:30.000Z`,
    }),
  );
}

async function mergeError(folders: string[], out: string): Promise<RelaybenchError> {
  try {
    await mergeCommand(folders, { out });
  } catch (error) {
    if (error instanceof RelaybenchError) return error;
    throw error;
  }
  throw new Error('expected merge to refuse');
}

describe('mergeCommand', () => {
  it('joins shards 2/2 and 1/2 into the run the unsharded suite would have written', async () => {
    const [first, second] = writeShards(2) as [string, string];
    const out = join(folder.dir, 'merged');
    expect(await mergeCommand([second, first], { out })).toBe(EXIT.ok);

    const unsharded = writeRunFolder(join(folder.dir, 'unsharded'), allRows, { planned });
    writeSummaryCsv(unsharded, summarize(allRows));
    expect(readFileSync(join(out, 'summary.csv'), 'utf8')).toBe(readFileSync(join(unsharded, 'summary.csv'), 'utf8'));
    expect(readFileSync(join(out, 'requests.csv'), 'utf8')).toBe(readFileSync(join(unsharded, 'requests.csv'), 'utf8'));
    expect(readFileSync(join(out, 'details.jsonl'), 'utf8').trim().split('\n')).toHaveLength(planned);
    const plan = JSON.parse(readFileSync(join(out, 'plan.json'), 'utf8')) as Array<{ job_id: string }>;
    expect(new Set(plan.map((job) => job.job_id))).toEqual(new Set(allRows.map((row) => row.job_id)));
    expect(plan).toHaveLength(planned);

    const manifest = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(manifest.suite.name).toBe('arith');
    expect(manifest.counts).toEqual({ planned, rows: planned, ok: planned - 2, errors: 2 });
    expect(manifest.mergedFrom.map((entry: { runId: string }) => entry.runId)).toEqual(['run-2', 'run-1']);
    expect(manifest.relays.beta.completed).toBe(18);
    expect(manifest.relays.beta.errorsByKind).toEqual({ http: 2 });
    expect(manifest.relays.alpha.retryWaitMs).toBe(180);
    expect([manifest.startedAt, manifest.endedAt]).toEqual(['2026-01-01T00:00:00.000Z', '2026-01-01T00:02:30.000Z']);
    expect(stdout.join('')).toContain(`${planned} of ${planned} planned jobs`);
    expect(stderr).toEqual([]);
  });

  it("lists the merged summary in the suite's relay order, as an unsharded run's summary.csv (issue 18)", async () => {
    const rows = makeRun({ cases: ['sum', 'capital'], relays: ['zeta', 'alpha'], budgets: [-1, 0], repeats: 1 });
    const shardRows = (index: number) => {
      const ids = new Set(
        selectShard(
          rows.map((row) => ({ jobId: String(row.job_id) })),
          { index, count: 2 },
        ).map((job) => job.jobId),
      );
      return rows.filter((row) => ids.has(String(row.job_id)));
    };
    const shards = [1, 2].map((index) => writeRunFolder(join(folder.dir, `ordered-${index}`), shardRows(index), { planned: rows.length, runId: `ordered-${index}` }));
    const out = join(folder.dir, 'ordered-merged');
    expect(await mergeCommand(shards, { out })).toBe(EXIT.ok);
    const lines = readFileSync(join(out, 'summary.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',').slice(0, 3).join(','));
    expect(lines).toEqual(['zeta,gemini-2.5-flash,0', 'zeta,gemini-2.5-flash,-1', 'alpha,gemini-2.5-flash,0', 'alpha,gemini-2.5-flash,-1']);
  });

  it('warns when the shards do not cover the plan', async () => {
    const [first] = writeShards(3) as [string];
    expect(await mergeCommand([first], { out: join(folder.dir, 'partial') })).toBe(EXIT.ok);
    expect(stderr.join('')).toMatch(/planned jobs are in none of these folders/);
  });

  it('refuses overlapping shards, naming the folders and a job', async () => {
    const [first] = writeShards(2) as [string];
    const overlapping = writeRunFolder(join(folder.dir, 'again'), rowsOfShard(1, 2).slice(0, 2), { planned });
    const error = await mergeError([first, overlapping], join(folder.dir, 'out'));
    expect(error.exitCode).toBe(EXIT.usage);
    expect(error.message).toContain(`${first} and ${overlapping} both hold job ${String(rowsOfShard(1, 2)[0]?.job_id)}`);
    expect(existsSync(join(folder.dir, 'out'))).toBe(false);
  });

  it('refuses shards of different suites or plans, naming the folder', async () => {
    const [first] = writeShards(2) as [string];
    const otherSuite = writeRunFolder(join(folder.dir, 'other'), rowsOfShard(2, 2), { planned, suiteName: 'reasoning' });
    expect((await mergeError([first, otherSuite], join(folder.dir, 'out'))).message).toContain(`${otherSuite} is a run of suite "reasoning"`);
    const otherPlan = writeRunFolder(join(folder.dir, 'more-repeats'), rowsOfShard(2, 2), { planned: planned * 2 });
    expect((await mergeError([first, otherPlan], join(folder.dir, 'out'))).message).toContain(`with ${planned * 2} planned jobs`);
  });

  it('refuses to write over an existing run or read a folder that is not one', async () => {
    const [first, second] = writeShards(2) as [string, string];
    expect((await mergeError([first, second], first)).message).toContain('already holds a run');
    expect((await mergeError([first, join(folder.dir, 'missing')], join(folder.dir, 'out'))).message).toContain('no such folder');
  });

  it.each(['first', 'second'])("carries a shard's spending cap into the merged run.json (capped shard named %s), so gate says spending cap, not no row", async (cappedAt) => {
    const [first] = writeShards(2) as [string];
    const shardRows = rowsOfShard(2, 2);
    const capped = writeRunFolder(join(folder.dir, 'capped'), shardRows.slice(0, 4), { planned, runId: 'run-capped' });
    // The shard planned all its jobs; --max-cost stopped it after four.
    writeFileSync(join(capped, 'plan.json'), JSON.stringify(shardRows.map((row) => ({ job_id: row.job_id, case_id: row.case_id, relay: row.relay }))));
    const manifest = JSON.parse(readFileSync(join(capped, 'run.json'), 'utf8'));
    writeFileSync(join(capped, 'run.json'), JSON.stringify({ ...manifest, spendingCap: { capUsd: 0.5, spentUsd: 0.49, reached: true } }));
    const out = join(folder.dir, 'merged');
    expect(await mergeCommand(cappedAt === 'first' ? [capped, first] : [first, capped], { out })).toBe(EXIT.ok);
    expect(JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')).spendingCap).toEqual({ capUsd: 0.5, spentUsd: 0.49, reached: true });
    stdout.length = 0;
    expect(await gateCommand(out, {})).toBe(EXIT.gateFailed);
    const said = stdout.join('');
    expect(said).toContain(`incomplete: ${shardRows.length - 4} of ${planned} planned jobs missing — spending cap: stopped at`);
    expect(said).not.toContain('no row');
  });

  it('writes no spendingCap when no shard had one', async () => {
    const out = join(folder.dir, 'merged');
    expect(await mergeCommand(writeShards(2), { out })).toBe(EXIT.ok);
    expect(JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'))).not.toHaveProperty('spendingCap');
  });
});
