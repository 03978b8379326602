import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VERDICT_KEYS, budgetsCsv, verdictsCsv, type BudgetAdvice, type RelayVerdict } from '../../src/analysis/index.js';
import { REQUEST_COLUMNS, SUMMARY_COLUMNS, type RequestRow, type SummaryRow } from '../../src/runfolder/columns.js';
import { csvLine, neutraliseCell, restoreCell } from '../../src/runfolder/csvCell.js';
import { openRequestsCsv, readRequestRows, readRequestsCsv } from '../../src/runfolder/requestsCsv.js';
import { writeSummaryCsv } from '../../src/runfolder/write.js';

/** [text, what the CSV cell holds before RFC 4180 quoting]. */
const NEUTRALISED: Array<[string, string]> = [
  ['=HYPERLINK("http://attacker.example","x")', `'=HYPERLINK("http://attacker.example","x")`],
  ['=1+1', "'=1+1"],
  ['+1+1', "'+1+1"],
  ['-1+1', "'-1+1"],
  ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
  ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
  ['\t=1+1', "'\t=1+1"],
  ['\tplain after a tab', "'\tplain after a tab"],
  ['\r=1+1', "'\r=1+1"],
  ['\n=1+1', "'\n=1+1"],
  [' =1+1', "' =1+1"],
  ['   @x', "'   @x"],
  ['\u00A0=HYPERLINK("x")', '\'\u00A0=HYPERLINK("x")'],
  ['\u200B=1+1', "'\u200B=1+1"],
  ['\uFEFF=1+1', "'\uFEFF=1+1"],
  ['\u3000=1+1', "'\u3000=1+1"],
  ["＝cmd|’ /C calc'!A0", "'＝cmd|’ /C calc'!A0"],
  ['＋1', "'＋1"],
  ['－1', "'－1"],
  ['＠SUM(1)', "'＠SUM(1)"],
  ['ー1+1', "'ー1+1"],
  ['\u22121+1', "'\u22121+1"],
  ['-', "'-"],
  ['- a list item', "'- a list item"],
  ['--1', "'--1"],
  ['-1e', "'-1e"],
  ["'already quoted", "''already quoted"],
  ["'", "''"],
  ["''", "'''"],
  ["'=1+1", "''=1+1"],
];

/** Texts left as they are: safe starts, and plain numbers (negative included) that must stay numbers. */
const UNCHANGED = ['', 'Paris', '499500', '-1', '-12.5', '-0.25', '-.5', '3e-4', '-2E+3', '"quoted"', '"=1+1"', ' plain', '.5', '#REF', '(1+1)', 'a=1', " 'inner"];

describe('neutraliseCell', () => {
  it.each(NEUTRALISED)('neutralises %j', (text, cell) => {
    expect(neutraliseCell(text)).toBe(cell);
    expect(restoreCell(neutraliseCell(text))).toBe(text);
  });

  it.each(UNCHANGED)('leaves %j as it is', (text) => {
    expect(neutraliseCell(text)).toBe(text);
    expect(restoreCell(neutraliseCell(text))).toBe(text);
  });

  it('replaces NUL bytes by U+FFFD, before deciding on the apostrophe', () => {
    expect(neutraliseCell('a\u0000b')).toBe('a\uFFFDb');
    expect(neutraliseCell('\u0000=1+1')).toBe('\uFFFD=1+1');
    expect(neutraliseCell('=\u0000')).toBe("'=\uFFFD");
    expect(csvLine(['\u0000', 'x\u0000'])).not.toContain('\u0000');
  });
});

describe('every CSV relaybench writes', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rb-csv-injection-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const hostile = [...NEUTRALISED.map(([text]) => text), ...UNCHANGED, 'a\u0000b'];
  const expected = (text: string): string | undefined => (text === '' ? undefined : text.replaceAll('\u0000', '\uFFFD'));

  /** A row whose every text cell comes from the relay or the suite, and whose numbers are negative where they can be. */
  function row(index: number, text: string): RequestRow {
    const cells = Object.fromEntries(REQUEST_COLUMNS.map((column) => [column, undefined])) as RequestRow;
    for (const column of [
      'suite',
      'case_id',
      'relay',
      'model',
      'thinking_level',
      'error_message',
      'finish_reason',
      'block_reason',
      'model_version',
      'response_id',
      'grader_reason',
      'answer',
    ] as const) {
      cells[column] = text;
    }
    return { ...cells, run_id: 'run', job_id: `job-${index}`, thinking_budget: -1, start_lag_ms: -0.5, status: 'ok', pass: true, score: 0 };
  }

  it('requests.csv: no formula reaches a cell, and both readers restore every text exactly', async () => {
    const path = join(dir, 'requests.csv');
    const writer = openRequestsCsv(path);
    hostile.forEach((text, index) => writer.append(row(index, text)));
    writer.close();

    const raw = parse(readFileSync(path), { columns: true }) as Array<Record<string, string>>;
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain('\u0000');
    for (const record of raw) {
      for (const cell of Object.values(record)) expect(cell).not.toMatch(/^[\s\u200B\uFEFF]*[=+@\t\r\n＝＋＠ー\u2212]/u);
      expect(record.thinking_budget).toBe('-1');
      expect(record.start_lag_ms).toBe('-0.5');
    }
    for (const rows of [readRequestsCsv(path).rows, (await readRequestRows(path)).rows]) {
      expect(rows).toHaveLength(hostile.length);
      rows.forEach((read, index) => {
        const original = hostile[index] as string;
        expect(read.answer).toBe(expected(original));
        expect(read.error_message).toBe(expected(original));
        expect(read.model_version).toBe(expected(original));
        expect(read.case_id).toBe(expected(original));
        expect(read.thinking_budget).toBe('-1');
      });
    }
  });

  it('summary.csv, verdicts.csv and budgets.csv neutralise relay, model and evidence cells', () => {
    const summary = Object.fromEntries(SUMMARY_COLUMNS.map((column) => [column, undefined])) as SummaryRow;
    writeSummaryCsv(dir, [{ ...summary, relay: '=1+1', model: '@x', thinking_budget: -1, n: 2 }]);
    const summaryRecord = (parse(readFileSync(join(dir, 'summary.csv')), { columns: true }) as Array<Record<string, string>>)[0];
    expect(summaryRecord).toMatchObject({ relay: "'=1+1", model: "'@x", thinking_budget: '-1', n: '2' });

    const check = { verdict: 'fail', evidence: '-1+1 tokens' } as const;
    const verdict = { relay: '+relay', ...Object.fromEntries(VERDICT_KEYS.map((key) => [key, check])) } as unknown as RelayVerdict;
    const verdicts = parse(verdictsCsv([verdict]), { columns: true }) as Array<Record<string, string>>;
    expect(verdicts[0]?.relay).toBe("'+relay");
    expect(Object.values(verdicts[0] ?? {}).filter((cell) => cell.startsWith("'-1+1"))).toHaveLength(VERDICT_KEYS.length);

    const outcome = { setting: { label: '-1' }, graded: 2, passes: 1, passRate: 0.5 };
    const advice = {
      relay: '=r',
      model: '\t=m',
      recommended: outcome,
      best: outcome,
      savedFirstAnswerP50Ms: -15,
      savedTotalP50Ms: -20,
      savedThoughtTokensMean: -3,
      decision: 'recommend',
      neededPerSetting: 5,
      neededRepeats: 1,
      evidence: '=evidence',
    } as unknown as BudgetAdvice;
    const budgets = parse(budgetsCsv([advice]), { columns: true, relax_quotes: true }) as Array<Record<string, string>>;
    expect(budgets[0]).toMatchObject({ relay: "'=r", model: "'\t=m", recommended: '-1', saved_first_answer_p50_ms: '-15', saved_total_p50_ms: '-20', evidence: "'=evidence" });
  });
});
