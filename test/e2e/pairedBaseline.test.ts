import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/**
 * The paired baseline comparison end to end against the emulator. `accuracyPenalty: -1` makes the
 * emulated model always right; `wrongOn` makes it always wrong on the listed prompts, which stages
 * a regression without changing any request (so job_ids, hence pairs, stay the same).
 */
const CASES = Array.from({ length: 10 }, (_, index) => ({ id: `add-${index + 1}`, prompt: `What is ${(index + 1) * 7} + ${(index + 1) * 3}?`, answer: (index + 1) * 10 }));
const promptOf = (id: string): string => CASES.find((entry) => entry.id === id)?.prompt ?? '';

function suite(options: { wrongOn?: string[]; cases?: number; relays?: string[]; budgets?: number[]; repeats?: number; ci?: string }): string {
  const wrong = options.wrongOn === undefined ? '' : `, wrongOn: [${options.wrongOn.map((id) => JSON.stringify(promptOf(id))).join(', ')}]`;
  const relays = (options.relays ?? ['acme']).map((name) => `  - { name: ${name}, emulator: honest, emulatorOverrides: { accuracyPenalty: -1${wrong} } }`);
  return [
    'name: paired-e2e',
    'model: gemini-2.5-flash',
    ...(options.budgets === undefined ? [] : [`thinkingBudgets: [${options.budgets.join(', ')}]`]),
    `repeats: ${options.repeats ?? 1}`,
    'concurrency: 16',
    'relays:',
    ...relays,
    'cases:',
    ...CASES.slice(0, options.cases ?? 10).map((entry) => `  - { id: ${entry.id}, prompt: "${entry.prompt}", expect: { number: ${entry.answer} } }`),
    ...(options.ci === undefined ? [] : [`ci: ${options.ci}`]),
    '',
  ].join('\n');
}

let folder: string;
const path = (name: string): string => join(folder, name);
function write(name: string, text: string): string {
  writeFileSync(path(name), text);
  return path(name);
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'relaybench-paired-'));
  const baseline = await runCli(['run', write('base.yaml', suite({})), '--out', path('base')]);
  expect(baseline.code).toBe(0);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('relaybench run --baseline, 10 cases at 1 repeat', () => {
  it('exits 1 when 6 of 10 flip pass→fail, naming the six on the console, in summary.md and in JUnit', async () => {
    const flipped = ['add-1', 'add-2', 'add-4', 'add-5', 'add-7', 'add-9'];
    const result = await runCli(['run', write('six.yaml', suite({ wrongOn: flipped })), '--out', path('six'), '--baseline', path('base'), '--junit', path('six.xml')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('10 pairs: 4 pass→pass, 6 pass→fail, 0 fail→pass, 0 fail→fail');
    expect(result.stdout).toMatch(/overall\s+all pairs\s+6\s+0\s+0\.016\s+0\.016\s+DROP/);
    expect(result.stdout).toContain(`pass→fail jobs (6):\n${flipped.map((id) => `    ${id} · acme · repeat 1`).join('\n')}\n`);
    expect(result.stdout).toContain('Result: FAILED — regression: overall, regression: relay acme');
    const markdown = readFileSync(path('six/summary.md'), 'utf8');
    for (const id of flipped) expect(markdown).toContain(`- ${id} · acme · repeat 1`);
    const xml = readFileSync(path('six.xml'), 'utf8');
    expect((xml.match(/type="regression"/g) ?? []).length).toBe(6);
    expect(xml).toMatch(/<testsuites[^>]* tests="10"[^>]* failures="6"/);
  });

  it('exits 0 on a single flip and lists it; --fail-on-flip and ci.failOnFlip make it exit 1', async () => {
    const one = write('one.yaml', suite({ wrongOn: ['add-3'] }));
    const lenient = await runCli(['run', one, '--out', path('one'), '--baseline', path('base')]);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toContain('pass→fail jobs (1):\n    add-3 · acme · repeat 1\n');
    expect(lenient.stdout).toContain('Result: PASSED');
    const strict = await runCli(['gate', path('one'), '--baseline', path('base'), '--fail-on-flip']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('Result: FAILED — 1 pass→fail job(s) with --fail-on-flip');
    const fromSuite = await runCli([
      'run',
      write('one-strict.yaml', suite({ wrongOn: ['add-3'], ci: '{ failOnFlip: true }' })),
      '--out',
      path('one-strict'),
      '--baseline',
      path('base'),
    ]);
    expect(fromSuite.code).toBe(1);
  });

  it('never fails on an improvement', async () => {
    // The baseline here is the regressed run: going back to all-pass is 6 fail→pass pairs.
    const result = await runCli(['gate', path('base'), '--baseline', path('six'), '--fail-on-flip']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/overall\s+all pairs\s+0\s+6\s+0\.016 \(rise\)\s+0\.016\s+IMPROVEMENT/);
  });

  it('exits 2 before any request for a baseline that is not a run folder, or shares no job', async () => {
    const log = path('emulator.log');
    // A folder that is not a run (a missing one is "no such folder", checked first since the merge of #17).
    mkdirSync(path('nonsense'), { recursive: true });
    writeFileSync(path('nonsense/notes.txt'), 'not a run');
    const nonsense = await runCli(['run', path('base.yaml'), '--out', path('never'), '--baseline', path('nonsense'), '--emulator-log', log]);
    expect(nonsense.code).toBe(2);
    expect(nonsense.stderr).toContain('is not a run folder');
    expect(nonsense.stderr).toContain('Nothing was sent.');
    expect(existsSync(path('never'))).toBe(false);
    expect(existsSync(log)).toBe(false);

    const warmer = write('warmer.yaml', suite({}).replace('concurrency: 16', 'concurrency: 16\ngenerationConfig: { temperature: 0.7 }'));
    const changed = await runCli(['run', warmer, '--out', path('never'), '--baseline', path('base'), '--emulator-log', log]);
    expect(changed.code).toBe(2);
    expect(changed.stderr).toContain('shares no job with this run');
    expect(changed.stderr).toContain('generationConfig.temperature: (unset) → 0.7');
    expect(existsSync(log)).toBe(false);
  });
});

describe('relaybench merge + gate --baseline', () => {
  it('exits 1 naming the case that went 8 of 8 → 0 of 8 over 2 relays × 2 budgets × 2 repeats', async () => {
    const shape = { cases: 4, relays: ['alpha', 'beta'], budgets: [0, 1024], repeats: 2 };
    expect((await runCli(['run', write('grid.yaml', suite(shape)), '--out', path('grid-base')])).code).toBe(0);
    const regressed = write('grid-regressed.yaml', suite({ ...shape, wrongOn: ['add-2'] }));
    const shards = await Promise.all([1, 2].map((index) => runCli(['run', regressed, '--shard', `${index}/2`, '--out', path(`grid-shard-${index}`)])));
    expect(shards.map((shard) => shard.code)).toEqual([0, 0]);
    expect((await runCli(['merge', path('grid-shard-1'), path('grid-shard-2'), '--out', path('grid-merged')])).code).toBe(0);
    const gate = await runCli(['gate', path('grid-merged'), '--baseline', path('grid-base')]);
    expect(gate.code).toBe(1);
    // case add-2: p = 2^-8, Holm over 4 cases 4/256; each relay has 4 flips: p = 1/16, Holm 1/8.
    expect(gate.stdout).toMatch(/case\s+add-2\s+8\s+0\s+0\.004\s+0\.016\s+DROP/);
    expect(gate.stdout).toMatch(/relay\s+alpha\s+4\s+0\s+0\.063\s+0\.125\s*\n/);
    expect(gate.stdout).toContain('Result: FAILED — regression: overall, regression: case add-2');
  });
});
