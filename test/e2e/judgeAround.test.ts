import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/**
 * The judge around a run, from the CLI: `validate` prints it and its cost, a sharded run's
 * `merge` adds up the parts' judge records, and report.html shows them in a Judge section.
 * Every relay, the judge's too, is emulated.
 */
function judgedSuite(): { folder: string; file: string } {
  const folder = mkdtempSync(join(tmpdir(), 'relaybench-judge-around-'));
  const file = join(folder, 'suite.yaml');
  writeFileSync(
    file,
    [
      'name: judge-around',
      'model: gemini-2.5-flash',
      'thinkingBudgets: [0]',
      'repeats: 2',
      'generationConfig: { maxOutputTokens: 256 }',
      'relays:',
      '  - { name: honest, emulator: honest }',
      'judge: { relay: { name: grader, emulator: honest }, model: gemini-2.5-flash, thinkingBudget: 0, repeats: 3, concurrency: 2 }',
      'cases:',
      '  - { id: tcp, prompt: Why does TCP need a three-way handshake?, expect: { judge: { rubric: Says both sides acknowledge sequence numbers., facts: [sequence numbers] } } }',
      '  - { id: dns, prompt: What is a DNS TTL?, expect: { judge: { rubric: Says how long a resolver may cache the record., facts: [cache] } } }',
      '  - { id: sum, prompt: "2+2?", expect: { number: 4 } }',
    ].join('\n'),
  );
  return { folder, file };
}

describe('the judge around a run', () => {
  it('validate prints the judge line and its cost range', async () => {
    const { folder, file } = judgedSuite();
    const result = await runCli(['validate', file], { cwd: folder });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^judge: relay grader \(inline\), model gemini-2\.5-flash, thinking budget 0, repeats 3, concurrency 2$/m);
    expect(result.stdout).toMatch(/prompt built-in prompt-v1 .*, sha256 [0-9a-f]{64}/);
    // 2 judged cases × 2 repeats = 4 judged answers × 3 votes.
    expect(result.stdout).toMatch(/12 calls, list price \([^)]*\), low \$[0-9.]+, high \$[0-9.]+/);
  });

  it("merge adds up the parts' judge records and the report shows them", async () => {
    const { folder, file } = judgedSuite();
    for (const shard of ['1/2', '2/2']) {
      const run = await runCli(['run', file, '--shard', shard, '--out', join(folder, `part${shard[0]}`)], { cwd: folder });
      expect(run.code, run.stderr).toBe(0);
    }
    const judgeOf = (dir: string): Record<string, unknown> => JSON.parse(readFileSync(join(folder, dir, 'run.json'), 'utf8')).judge;
    const [a, b] = [judgeOf('part1'), judgeOf('part2')];
    const merge = await runCli(['merge', join(folder, 'part1'), join(folder, 'part2'), '--out', join(folder, 'merged')], { cwd: folder });
    expect(merge.code, merge.stderr).toBe(0);
    const merged = judgeOf('merged');
    expect(merged.calls).toBe(Number(a.calls) + Number(b.calls));
    expect(merged.decided).toBe(Number(a.decided) + Number(b.decided));
    expect((merged.tokens as { prompt: number }).prompt).toBe((a.tokens as { prompt: number }).prompt + (b.tokens as { prompt: number }).prompt);
    expect(merged.costUsd).toBeCloseTo(Number(a.costUsd) + Number(b.costUsd), 9);
    const report = await runCli(['report', join(folder, 'merged')], { cwd: folder });
    expect(report.code, report.stderr).toBe(0);
    const page = readFileSync(join(folder, 'merged', 'report.html'), 'utf8');
    expect(page).toContain('<section id="judge"><h2>Judge</h2>');
    expect(page).toContain(`<th scope="row">calls</th><td>${String(merged.calls)}</td>`);
  });
});
