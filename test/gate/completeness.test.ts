import { describe, expect, it } from 'vitest';
import { checkCompleteness, completenessLine, type CompletenessInput } from '../../src/gate/completeness.js';
import { renderConsoleText } from '../../src/gate/consoleText.js';
import { renderJUnit } from '../../src/gate/junit.js';
import { renderSummaryMarkdown } from '../../src/gate/markdown.js';
import { ciVerdict } from '../../src/gate/verdict.js';
import { summarize } from '../../src/analysis/summary.js';
import { parseXmlStrict } from './xmlCheck.js';
import { makeRow } from './rows.js';

/** The completeness gate is pure: every kind of missing job is a row of data in, verdict out. */
const ids = (count: number, prefix = 'j'): string[] => Array.from({ length: count }, (_, index) => `${prefix}${index}`);
const rowsFor = (jobIds: string[], relay = 'alpha', errorKind?: string, errorMessage?: string) =>
  jobIds.map((jobId) => ({ job_id: jobId, relay, error_kind: errorKind, error_message: errorMessage }));
const base = { interrupted: false, allowIncomplete: false } satisfies Partial<CompletenessInput>;

describe('checkCompleteness', () => {
  it.each<{ name: string; input: CompletenessInput; missing: number; pass: boolean; reasons: RegExp[] }>([
    { name: 'every planned job present', input: { ...base, planned: 8, plannedJobIds: ids(8), rows: rowsFor(ids(8)) }, missing: 0, pass: true, reasons: [] },
    {
      name: 'merge of 1 of 2 shards',
      input: { ...base, planned: 48, plannedJobIds: ids(24), rows: rowsFor(ids(24)), shards: { count: 2, present: [1], merged: true } },
      missing: 24,
      pass: false,
      reasons: [/^lost shard: merge of 1 of 2 shards \(missing shard 2\/2: 24 jobs\)$/],
    },
    {
      name: 'one shard gated alone',
      input: { ...base, planned: 16, plannedJobIds: ids(4), rows: rowsFor(ids(4)), shards: { count: 4, present: [3], merged: false } },
      missing: 12,
      pass: false,
      reasons: [/^lost shard: shard 3\/4 alone \(missing shards 1\/4, 2\/4, 4\/4: 12 jobs\)$/],
    },
    {
      name: 'interrupted at 40 of 160',
      input: { ...base, planned: 160, plannedJobIds: ids(160), rows: rowsFor(ids(40)), interrupted: true },
      missing: 120,
      pass: false,
      reasons: [/^interrupted: stopped at 40 of 160 jobs$/],
    },
    {
      name: 'a relay given up: its skipped rows were never sent',
      input: {
        ...base,
        planned: 10,
        plannedJobIds: ids(10),
        rows: [...rowsFor(ids(6)), ...rowsFor(ids(4, 's'), 'down', 'skipped', 'skipped: relay down given up after 20 consecutive auth failures')].map((row, index) => ({
          ...row,
          job_id: `j${index}`,
        })),
      },
      missing: 4,
      pass: false,
      reasons: [/^skipped: 4 jobs on relay down — relay down given up after 20 consecutive auth failures$/],
    },
    {
      // Before: 'no row: 19 planned jobs (the run ended early or rows were removed)', as if rows were lost.
      name: 'stopped by --max-cost at 5 of 24',
      input: { ...base, planned: 24, plannedJobIds: ids(24), rows: rowsFor(ids(5)), spendingCap: { capUsd: 0.002, spentUsd: 0.002576 } },
      missing: 19,
      pass: false,
      reasons: [/^spending cap: stopped at 5 of 24 jobs \(\$0\.002576 spent of --max-cost \$0\.002; resume with a higher cap\)$/],
    },
    {
      name: 'rows removed by hand, no cause recorded',
      input: { ...base, planned: 10, plannedJobIds: ids(10), rows: rowsFor(ids(7)) },
      missing: 3,
      pass: false,
      reasons: [/^no row: 3 planned jobs/],
    },
    {
      name: 'a merge of 1 of 2 interrupted shards, with a skipped relay',
      input: {
        ...base,
        planned: 20,
        plannedJobIds: ids(10),
        rows: [...rowsFor(ids(5)), ...rowsFor(['j5'], 'down', 'skipped')],
        interrupted: true,
        shards: { count: 2, present: [2], merged: true },
      },
      missing: 15,
      pass: false,
      reasons: [
        /^lost shard: merge of 1 of 2 shards \(missing shard 1\/2: 10 jobs\)$/,
        /^interrupted: stopped at 6 of 10 jobs$/,
        /^skipped: 1 job on relay down — relay given up$/,
      ],
    },
    {
      name: 'rows of jobs no longer planned (a forced resume) do not count as present',
      input: { ...base, planned: 4, plannedJobIds: ids(4), rows: [...rowsFor(ids(2)), ...rowsFor(ids(2, 'old'))] },
      missing: 2,
      pass: false,
      reasons: [/^no row: 2 planned jobs/],
    },
    {
      name: 'no plan.json: counts against run.json only',
      input: { ...base, planned: 6, rows: rowsFor(ids(5)) },
      missing: 1,
      pass: false,
      reasons: [/^no row: 1 planned job /],
    },
    {
      name: 'missing but allowed',
      input: { ...base, planned: 48, plannedJobIds: ids(24), rows: rowsFor(ids(24)), shards: { count: 2, present: [1], merged: true }, allowIncomplete: true },
      missing: 24,
      pass: true,
      reasons: [/^lost shard/],
    },
  ])('$name', ({ input, missing, pass, reasons }) => {
    const result = checkCompleteness(input);
    expect(result.missing).toBe(missing);
    expect(result.present).toBe(input.planned - missing);
    expect(result.pass).toBe(pass);
    expect(result.reasons).toHaveLength(reasons.length);
    reasons.forEach((reason, index) => expect(result.reasons[index]).toMatch(reason));
  });

  it('says how many are missing and why in one line', () => {
    const result = checkCompleteness({ ...base, planned: 160, plannedJobIds: ids(160), rows: rowsFor(ids(40)), interrupted: true });
    expect(completenessLine(result)).toBe('incomplete: 120 of 160 planned jobs missing — interrupted: stopped at 40 of 160 jobs');
  });
});

describe('an incomplete run in every CI output', () => {
  const rows = [makeRow({ caseId: 'sum', relay: 'alpha', budget: 0, repeat: 1, pass: true })];
  const incomplete = checkCompleteness({ ...base, planned: 2, plannedJobIds: [String(rows[0]?.job_id)], rows, shards: { count: 2, present: [1], merged: true } });
  const allowed = { ...incomplete, pass: true };

  it('fails the verdict first, naming the count; allowed, it does not', () => {
    expect(ciVerdict([], undefined, incomplete)).toEqual({ passed: false, reasons: ['incomplete (1 of 2 jobs missing)'] });
    expect(ciVerdict([], undefined, allowed).passed).toBe(true);
  });

  it('console text, summary.md and JUnit all name it', () => {
    const text = renderConsoleText({
      gates: [],
      written: [],
      completeness: incomplete,
      notes: ['Warning: x/requests.csv ends in a torn line (9 bytes, left by an interrupted write); it was left out.'],
    });
    expect(text).toContain('FAIL  incomplete: 1 of 2 planned jobs missing — lost shard: merge of 1 of 2 shards');
    expect(text).toContain('torn line');
    expect(text).toContain('Result: FAILED — incomplete (1 of 2 jobs missing)');
    const markdown = renderSummaryMarkdown({ suiteName: 'arith', summaryRows: summarize(rows), gates: [], counts: { rows: 1, ok: 1, errors: 0 }, completeness: incomplete });
    expect(markdown).toMatch(/^## ❌ relaybench arith: failed — incomplete \(1 of 2 jobs missing\)/);
    expect(markdown).toContain('❌ fail: incomplete: 1 of 2 planned jobs missing');
    const junit = parseXmlStrict(renderJUnit(rows, 'arith', undefined, incomplete));
    expect(JSON.stringify(junit)).toContain('all planned jobs present');
    expect(renderJUnit(rows, 'arith', undefined, incomplete)).toMatch(/<testsuites name="arith" tests="2" failures="1"/);
    expect(renderJUnit(rows, 'arith', undefined, allowed)).toMatch(/<testsuites name="arith" tests="2" failures="0"/);
  });

  it('a complete run adds nothing to the outputs', () => {
    const complete = checkCompleteness({ ...base, planned: 1, plannedJobIds: [String(rows[0]?.job_id)], rows });
    expect(renderJUnit(rows, 'arith', undefined, complete)).toBe(renderJUnit(rows, 'arith'));
    expect(renderConsoleText({ gates: [], written: [], completeness: complete })).toBe(renderConsoleText({ gates: [], written: [] }));
  });
});
