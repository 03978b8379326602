import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/** A tool-use suite against the emulator: the function call is the answer, timed and graded as one. */
const SUITE = `name: tool-use
model: gemini-2.5-flash
thinkingBudgets: [1024]
repeats: 2
tools:
  - functionDeclarations:
      - name: report_sum
        parameters: { type: OBJECT, properties: { total: { type: INTEGER } }, required: [total] }
relays:
  - { name: honest, emulator: honest }
cases:
  - id: call
    prompt: "1+2+3+4+5+....+999?"
    expect: { json: { "functionCall.args.total": 499500 } }
  - id: no-call
    prompt: "What is 17*23?"
    toolConfig: { functionCallingConfig: { mode: NONE } }
    expect: { number: 391 }
`;

describe('tool use end to end', () => {
  it('a function call is the first answer token and the answer column holds its JSON', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'relaybench-tools-'));
    writeFileSync(join(folder, 'suite.yaml'), SUITE);
    const result = await runCli(['run', join(folder, 'suite.yaml'), '--out', join(folder, 'out')]);
    expect(result.code).toBe(0);
    const rows = parse(readFileSync(join(folder, 'out', 'requests.csv')), { columns: true }) as Array<Record<string, string>>;
    const calls = rows.filter((row) => row.case_id === 'call');
    expect(calls).toHaveLength(2);
    for (const row of calls) {
      expect(row.status).toBe('ok');
      expect(JSON.parse(row.answer ?? '')).toMatchObject({ functionCall: { name: 'report_sum', args: { total: expect.any(Number) } } });
      expect(Number(row.first_answer_ms)).toBeGreaterThan(Number(row.first_thought_ms));
      expect(row.answer_chunks).toBe('1');
      expect(['true', 'false']).toContain(row.pass);
    }
    for (const row of rows.filter((candidate) => candidate.case_id === 'no-call')) {
      expect(row.answer).toMatch(/^\d+$/);
    }
  });
});
