import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/**
 * The judge grader end to end on the emulator: measured relays answer judged cases from their
 * answer key (`accuracyPenalty: -1`: always the answer with every fact; `wrongOn`: one fact left
 * out), an emulated judge grades the answers from each rubric's facts, and the paired baseline
 * sees a staged drop on judged cases. Nothing leaves 127.0.0.1.
 */
const CASES = Array.from({ length: 10 }, (_, index) => ({
  id: `explain-${index + 1}`,
  prompt: `Explain topic number ${index + 1} in two sentences.`,
  rubric: `Names fact A${index + 1} and fact B${index + 1}, with no factual errors.`,
  facts: [`fact a${index + 1}`, `fact b${index + 1}`],
}));

function suite(options: { wrongOn?: string[]; judge?: string; extra?: string } = {}): string {
  const wrong = options.wrongOn === undefined ? '' : `, wrongOn: [${options.wrongOn.map((id) => JSON.stringify(CASES.find((entry) => entry.id === id)?.prompt)).join(', ')}]`;
  return [
    'name: judge-e2e',
    'model: gemini-2.5-flash',
    'repeats: 1',
    'concurrency: 8',
    'relays:',
    `  - { name: acme, emulator: honest, emulatorOverrides: { accuracyPenalty: -1${wrong} } }`,
    `judge: ${options.judge ?? '{ relay: { name: grader, emulator: honest }, thinkingBudget: 0, repeats: 3 }'}`,
    'cases:',
    ...CASES.map((entry) => `  - { id: ${entry.id}, prompt: "${entry.prompt}", expect: { judge: { rubric: "${entry.rubric}", facts: ${JSON.stringify(entry.facts)} } } }`),
    options.extra ?? '',
    '',
  ].join('\n');
}

let folder: string;
const path = (name: string): string => join(folder, name);
function write(name: string, text: string): string {
  writeFileSync(path(name), text);
  return path(name);
}
type Row = Record<string, string>;
const rowsOf = (run: string): Row[] => parse(readFileSync(path(`${run}/requests.csv`), 'utf8'), { columns: true }) as Row[];
const runJson = (run: string): Record<string, any> => JSON.parse(readFileSync(path(`${run}/run.json`), 'utf8')) as Record<string, any>;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'relaybench-judge-'));
  const base = await runCli(['run', write('base.yaml', suite()), '--out', path('base')]);
  expect(base.code).toBe(0);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('relaybench run with a judge', () => {
  it('fills pass, score and grader_reason from the judge; its calls, tokens, cost and prompt hash go to run.json, never to a row', () => {
    const rows = rowsOf('base');
    expect(rows).toHaveLength(10);
    for (const row of rows) {
      expect(row.pass).toBe('true');
      expect(row.score).toBe('1');
      expect(row.grader_reason).toContain('judge pass, score 1 (3/3 agree): mentions all 2 facts');
      expect(row.relay).toBe('acme');
    }
    const judge = runJson('base').judge;
    expect(judge).toMatchObject({ relay: 'grader', model: 'gemini-2.5-flash', repeats: 3, calls: 30, failedCalls: {}, decided: 10, undecided: 0, meanAgreement: 1 });
    expect(judge.tokens.prompt).toBeGreaterThan(0);
    expect(judge.costUsd).toBeGreaterThan(0);
    const builtIn = readFileSync(new URL('../../src/grade/judge/prompt-v1.txt', import.meta.url), 'utf8');
    expect(judge.template.sha256).toBe(createHash('sha256').update(builtIn).digest('hex'));
    expect(judge.inlineRelay.apiKey).toBe('[REDACTED]');
  });

  it('the paired baseline catches a staged quality drop on judged cases', async () => {
    const flipped = ['explain-1', 'explain-2', 'explain-4', 'explain-5', 'explain-7', 'explain-9'];
    const result = await runCli(['run', write('drop.yaml', suite({ wrongOn: flipped })), '--out', path('drop'), '--baseline', path('base')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('10 pairs: 4 pass→pass, 6 pass→fail, 0 fail→pass, 0 fail→fail');
    for (const id of flipped) expect(result.stdout).toContain(`${id} · acme · repeat 1`);
    const failed = rowsOf('drop').filter((row) => row.pass === 'false');
    expect(failed.map((row) => row.case_id).sort()).toEqual([...flipped].sort());
    for (const row of failed) expect(row.grader_reason).toMatch(/judge fail, score 0\.5 \(3\/3 agree\): mentions 1 of 2 facts; missing "fact [ab]\d+"/);
  });

  it('a judge that fails leaves pass empty with the reason, counts it, and the run goes on', async () => {
    const judge = '{ relay: { name: grader, emulator: honest, emulatorOverrides: { failures: { unavailable: 1 } }, retry: { max: 0 } } }';
    const result = await runCli(['run', write('down.yaml', suite({ judge })), '--out', path('down')]);
    expect(result.code).toBe(0);
    const rows = rowsOf('down');
    expect(rows).toHaveLength(10);
    for (const row of rows) {
      expect(row.status).toBe('ok');
      expect(row.pass).toBe('');
      expect(row.score).toBe('');
      expect(row.grader_reason).toContain('judge call failed: HTTP 503');
    }
    expect(runJson('down').judge).toMatchObject({ calls: 10, failedCalls: { 'http 503': 10 }, decided: 0, undecided: 10 });
    expect(result.stdout).toContain('10 failed (http 503 ×10)');
    expect(result.stdout).toContain('10 left without a verdict (pass empty)');
  });

  it('a suite prompt template replaces the built-in one, and its hash is recorded', async () => {
    const template = 'Grade this.\nQuestion: {{question}}\nRubric: {{rubric}}\nAnswer: {{answer}}\nJSON only.\n';
    write('my-judge.txt', template);
    const judge = '{ relay: { name: grader, emulator: honest }, prompt: ./my-judge.txt }';
    const result = await runCli(['run', write('custom.yaml', suite({ judge })), '--out', path('custom')]);
    expect(result.code).toBe(0);
    expect(runJson('custom').judge.template).toEqual({ source: path('my-judge.txt'), sha256: createHash('sha256').update(template).digest('hex') });
    expect(rowsOf('custom').every((row) => row.pass === 'true')).toBe(true);
  });

  it.each([
    ['no judge block', suite().replace(/^judge: .*$/m, ''), 'judge-e2e-bad.yaml:9:84', "a judge expectation needs the suite's judge: block"],
    ['an unknown judge relay', suite({ judge: '{ relay: acmee }' }), 'judge-e2e-bad.yaml:7:17', 'no relay named "acmee" in relays. Did you mean "acme"?'],
    ['an empty rubric', suite().replace('rubric: "Names fact A3', 'rubric: " ", x: "'), 'judge-e2e-bad.yaml', 'the rubric is empty'],
    ['a threshold above 1', suite().replace('rubric: "Names fact A3', 'threshold: 2, rubric: "Names fact A3'), 'judge-e2e-bad.yaml', 'threshold: must be at most 1'],
  ])('%s: exit 2 with file:line:col, nothing sent', async (_, text, where, message) => {
    const result = await runCli(['run', write('judge-e2e-bad.yaml', text), '--out', path('bad')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(where);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toContain('    at ');
    expect(existsSync(path('bad'))).toBe(false);
  });
});
