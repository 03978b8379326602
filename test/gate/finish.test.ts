import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exitCodes.js';
import { RelaybenchError } from '../../src/errors/index.js';
import { finishCi, type FinishCiInput } from '../../src/gate/finish.js';
import { makeRun } from './rows.js';
import { findAll, parseXmlStrict } from './xmlCheck.js';
import { temporaryFolder, writeRunFolder } from './runFolders.js';

const cases = ['sum', 'capital', 'prime', 'date'];
const passingRun = makeRun({ cases, relays: ['alpha', 'beta'], repeats: 3 });

let folder: ReturnType<typeof temporaryFolder>;
beforeEach(() => {
  folder = temporaryFolder();
});
afterEach(() => folder.remove());

function finish(rows: FinishCiInput['rows'], options: FinishCiInput['options'], ci = { minPassRate: 0.9 }) {
  return finishCi({ outDir: folder.dir, suite: { name: 'arith', ci }, rows, options, env: {} });
}

describe('finishCi', () => {
  it('fails a run missing planned jobs unless --allow-incomplete or ci.allowIncomplete, in every output', () => {
    const plan = {
      planned: passingRun.length * 2,
      plannedJobIds: passingRun.map((row) => String(row.job_id)),
      interrupted: false,
      shards: { count: 2, present: [1], merged: true },
    };
    const junit = join(folder.dir, 'junit.xml');
    const failed = finishCi({ outDir: folder.dir, suite: { name: 'arith', ci: {} }, rows: passingRun, options: { junit }, env: {}, plan });
    expect(failed.exitCode).toBe(EXIT.gateFailed);
    expect(failed.consoleText).toContain(`FAIL  incomplete: ${passingRun.length} of ${passingRun.length * 2} planned jobs missing — lost shard: merge of 1 of 2 shards`);
    expect(readFileSync(join(folder.dir, 'summary.md'), 'utf8').split('\n')[0]).toBe(
      `## ❌ relaybench arith: failed — incomplete (${passingRun.length} of ${passingRun.length * 2} jobs missing)`,
    );
    expect(readFileSync(junit, 'utf8')).toContain('type="incomplete"');
    const byFlag = finishCi({ outDir: folder.dir, suite: { name: 'arith', ci: {} }, rows: passingRun, options: { allowIncomplete: true }, env: {}, plan });
    expect(byFlag.exitCode).toBe(EXIT.ok);
    expect(byFlag.consoleText).toContain('ALLOWED  incomplete:');
    const bySuite = finishCi({ outDir: folder.dir, suite: { name: 'arith', ci: { allowIncomplete: true } }, rows: passingRun, options: {}, env: {}, plan });
    expect(bySuite.exitCode).toBe(EXIT.ok);
  });

  it('names an unwritable --junit path in one line (exit 2), not a stack trace', () => {
    writeFileSync(join(folder.dir, 'a-file'), 'x');
    const junit = join(folder.dir, 'a-file', 'junit.xml');
    expect(() => finish(passingRun, { junit })).toThrow(/^--junit: cannot write .*a-file\/junit\.xml: .*\(ENOTDIR\)$/);
  });

  it("lists summary.md's per-relay table in the suite's relay order, as the run's summary does (issue 18)", () => {
    const rows = makeRun({ cases, relays: ['zeta', 'alpha'], budgets: [-1, 0], repeats: 1 });
    finishCi({ outDir: folder.dir, suite: { name: 'arith', ci: {} }, rows, options: {}, env: {}, requestConfig: { relays: [{ name: 'zeta' }, { name: 'alpha' }] } });
    const table = readFileSync(join(folder.dir, 'summary.md'), 'utf8').split('### Per relay')[1] ?? '';
    const cells = table
      .split('\n')
      .filter((line) => /^\| (zeta|alpha) /.test(line))
      .map((line) => line.split(' | ').slice(0, 3).join(' | '));
    expect(cells).toEqual(['| zeta | gemini-2.5-flash | 0', '| zeta | gemini-2.5-flash | dynamic', '| alpha | gemini-2.5-flash | 0', '| alpha | gemini-2.5-flash | dynamic']);
  });

  it('exits 0 on an all-pass run and writes summary.md', () => {
    const result = finish(passingRun, {});
    expect(result.exitCode).toBe(EXIT.ok);
    expect(result.consoleText).toContain('Result: PASSED');
    expect(readFileSync(join(folder.dir, 'summary.md'), 'utf8').split('\n')[0]).toBe('## ✅ relaybench arith: passed');
  });

  it('exits 1 under minPassRate and names the gate with threshold and measured value', () => {
    const rows = makeRun({ cases, relays: ['alpha', 'beta'], repeats: 3, vary: ({ caseId, relay }) => (relay === 'beta' && caseId === 'sum' ? { pass: false } : {}) });
    const result = finish(rows, {});
    expect(result.exitCode).toBe(EXIT.gateFailed);
    expect(result.consoleText).toMatch(/FAIL\s+minPassRate\s+relay beta\s+≥ 90\.0%\s+75\.0% \(n = 12 graded\)/);
    expect(result.consoleText).toContain('Result: FAILED — minPassRate (overall), minPassRate (relay beta)');
  });

  it('lets flags override the suite ci block', () => {
    const rows = makeRun({ cases, relays: ['alpha'], repeats: 1, vary: ({ caseId }) => (caseId === 'sum' ? { pass: false } : {}) });
    expect(finish(rows, {}).exitCode).toBe(EXIT.gateFailed);
    expect(finish(rows, { minPassRate: 0.75 }).exitCode).toBe(EXIT.ok);
    expect(finishCi({ outDir: folder.dir, suite: { name: 'arith', ci: {} }, rows, options: { maxErrorRate: 0 }, env: {} }).consoleText).toMatch(/PASS\s+maxErrorRate/);
  });

  it('exits 1 when a case went from pass to fail on every repeat of both relays, listing each flipped job', () => {
    const baselineDir = writeRunFolder(join(folder.dir, 'baseline'), passingRun);
    const rows = makeRun({ cases, relays: ['alpha', 'beta'], repeats: 3, vary: ({ caseId }) => (caseId === 'prime' ? { pass: false } : {}) });
    const result = finish(rows, { baseline: baselineDir }, { minPassRate: 0.5 });
    // 6 pass→fail of 24 pairs, none back: overall p = 2^-6; case prime 2^-6, Holm over 4 cases 0.0625.
    expect(result.exitCode).toBe(EXIT.gateFailed);
    expect(result.consoleText).toContain('24 pairs: 18 pass→pass, 6 pass→fail, 0 fail→pass, 0 fail→fail');
    expect(result.consoleText).toMatch(/overall\s+all pairs\s+6\s+0\s+0\.016\s+0\.016\s+DROP/);
    expect(result.consoleText).toMatch(/case\s+prime\s+6\s+0\s+0\.016\s+0\.063\n/);
    expect(result.consoleText).toContain('    prime · alpha · repeat 1\n    prime · alpha · repeat 2\n    prime · alpha · repeat 3\n    prime · beta · repeat 1');
    expect(result.consoleText).toContain('Result: FAILED — regression: overall');
    expect(readFileSync(join(folder.dir, 'summary.md'), 'utf8')).toContain('- prime · beta · repeat 3');
  });

  it('exits 0 when a single repeat flaked against the baseline', () => {
    const baselineDir = writeRunFolder(join(folder.dir, 'baseline'), passingRun);
    const rows = makeRun({
      cases,
      relays: ['alpha', 'beta'],
      repeats: 3,
      vary: ({ caseId, relay, repeat }) => (relay === 'alpha' && caseId === 'prime' && repeat === 3 ? { pass: false } : {}),
    });
    const result = finish(rows, { baseline: baselineDir }, { minPassRate: 0.5 });
    expect(result.exitCode).toBe(EXIT.ok);
    expect(result.consoleText).toContain('0 significant drop(s)');
    expect(result.consoleText).toContain('pass→fail jobs (1):\n    prime · alpha · repeat 3\n');
    expect(finish(rows, { baseline: baselineDir, failOnFlip: true }, { minPassRate: 0.5 }).exitCode).toBe(EXIT.gateFailed);
  });

  it('gates latency against the baseline only when asked', () => {
    const baselineDir = writeRunFolder(join(folder.dir, 'baseline'), passingRun);
    const slower = passingRun.map((row) => ({ ...row, total_ms: 800 }));
    expect(finish(slower, { baseline: baselineDir }).exitCode).toBe(EXIT.ok);
    const gated = finish(slower, { baseline: baselineDir, latencyGatePct: 50 });
    expect(gated.exitCode).toBe(EXIT.gateFailed);
    expect(gated.consoleText).toContain('latency: alpha total_ms');
  });

  it('refuses a missing or unrelated baseline folder with a usage error', () => {
    const usageError = (run: () => unknown): RelaybenchError => {
      try {
        run();
      } catch (error) {
        if (error instanceof RelaybenchError) return error;
        throw error;
      }
      throw new Error('expected a RelaybenchError');
    };
    const missing = usageError(() => finish(passingRun, { baseline: join(folder.dir, 'nope') }));
    expect(missing.exitCode).toBe(EXIT.usage);
    expect(missing.message).toContain('--baseline');
    expect(missing.message).toContain('no such folder');
    const unrelated = writeRunFolder(join(folder.dir, 'other'), makeRun({ cases: ['x'], relays: ['alpha'], repeats: 1 }));
    const unshared = usageError(() => finish(passingRun, { baseline: unrelated }));
    expect(unshared.exitCode).toBe(EXIT.usage);
    expect(unshared.message).toContain(
      'shares no job with this run, so there is nothing to pair: case added: sum, capital, prime, date; case removed: x; relay added: beta; repeat added: 2, 3.',
    );
    expect(usageError(() => finish(passingRun, { failOnFlip: true })).message).toBe('--fail-on-flip compares with a baseline: add --baseline <run folder>');
    expect(usageError(() => finish(passingRun, { alpha: 1.5 })).exitCode).toBe(EXIT.usage);
    expect(usageError(() => finish(passingRun, { alpha: 0.01 })).message).toBe('--alpha is the significance level of the baseline comparison: add --baseline <run folder>');
  });

  it('appends the Markdown to GITHUB_STEP_SUMMARY and writes the JUnit file', () => {
    const stepSummary = join(folder.dir, 'step-summary.md');
    writeFileSync(stepSummary, 'earlier step\n');
    const junit = join(folder.dir, 'reports', 'junit.xml');
    const result = finishCi({ outDir: folder.dir, suite: { name: 'arith', ci: {} }, rows: passingRun, options: { junit }, env: { GITHUB_STEP_SUMMARY: stepSummary } });
    const markdown = readFileSync(join(folder.dir, 'summary.md'), 'utf8');
    expect(readFileSync(stepSummary, 'utf8')).toBe(`earlier step\n${markdown}\n`);
    expect(existsSync(junit)).toBe(true);
    expect(findAll(parseXmlStrict(readFileSync(junit, 'utf8')), 'testcase')).toHaveLength(8);
    expect(result.consoleText).toMatch(/Wrote .*summary\.md, \$GITHUB_STEP_SUMMARY, .*junit\.xml/);
  });
});
