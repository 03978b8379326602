import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RelaybenchError } from '../../src/errors/index.js';
import { expandPlan } from '../../src/plan/index.js';
import { SuiteError, loadSuite } from '../../src/suite/index.js';
import { MAX_PLANNED_JOBS } from '../../src/suite/planChecks.js';
import { makeTempFolder, type TempFolder } from './tempFiles.js';

let folder: TempFolder;
beforeAll(async () => {
  folder = await makeTempFolder();
});
afterAll(async () => {
  await folder.remove();
});

let count = 0;
/** Loads `text`; the issues as `line:col path: message`, or [] when it loads. */
async function issuesOf(text: string): Promise<string[]> {
  count += 1;
  const file = await folder.write(`suite-${count}.yaml`, text);
  try {
    await loadSuite(file, { env: {} });
    return [];
  } catch (error) {
    if (!(error instanceof SuiteError)) throw error;
    return error.issues.map((issue) => `${issue.line}:${issue.col} ${issue.path}: ${issue.message}`);
  }
}

const suite = (head: string, relays = '  - { name: r, emulator: honest }'): string =>
  `name: plan\n${head}\nrelays:\n${relays}\ncases:\n  - { id: a, prompt: hi }\n  - { id: b, prompt: ho }\n`;

describe('plan size is counted before anything is expanded', () => {
  it.each([
    [
      'repeats: 100000000',
      'model: gemini-2.5-flash\nthinkingBudgets: [0, 1024]\nrepeats: 100000000',
      ['4:10 repeats: the plan has 400,000,000 jobs (2 cases × 1 relays × 2 thinking settings × 100,000,000 repeats); relaybench plans at most 1,000,000 per suite'],
    ],
    [
      'just over the cap',
      'model: gemini-2.5-flash\nrepeats: 500001',
      ['3:10 repeats: the plan has 1,000,002 jobs (2 cases × 1 relays × 1 thinking settings × 500,001 repeats); relaybench plans at most 1,000,000 per suite'],
    ],
    ['exactly the cap', 'model: gemini-2.5-flash\nrepeats: 500000', []],
  ])('%s', async (_name, head, issues) => {
    const started = performance.now();
    expect(await issuesOf(suite(head))).toEqual(issues);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('expandPlan refuses an oversized suite too, before building a job', async () => {
    const file = await folder.write('ok.yaml', suite('model: gemini-2.5-flash\nrepeats: 2'));
    const loaded = await loadSuite(file, { env: {} });
    expect(() => expandPlan({ ...loaded, repeats: MAX_PLANNED_JOBS })).toThrow(RelaybenchError);
    expect(expandPlan(loaded)).toHaveLength(4);
  });
});

describe('thinking settings the model table says every request would fail', () => {
  const levels = (model: string, sweep: string): string => `model: ${model}\n${sweep}`;
  it.each([
    [
      '2.5 Flash with levels',
      levels('gemini-2.5-flash', 'thinkingLevels: [low, high]'),
      [],
      ['3:1 thinkingLevels: gemini-2.5-flash takes thinkingBudget, not thinkingLevel: every request would fail with 400'],
    ],
    [
      '2.5 Pro with levels',
      levels('gemini-2.5-pro', 'thinkingLevels: [high]'),
      [],
      ['3:1 thinkingLevels: gemini-2.5-pro takes thinkingBudget, not thinkingLevel: every request would fail with 400'],
    ],
    [
      '2.5 Flash-Lite with levels',
      levels('gemini-2.5-flash-lite', 'thinkingLevels: [low]'),
      [],
      ['3:1 thinkingLevels: gemini-2.5-flash-lite takes thinkingBudget, not thinkingLevel: every request would fail with 400'],
    ],
    [
      'a 2.5 release name with levels',
      levels('gemini-2.5-flash-preview-05-20', 'thinkingLevels: [low]'),
      [],
      ['3:1 thinkingLevels: gemini-2.5-flash-preview-05-20 takes thinkingBudget, not thinkingLevel: every request would fail with 400'],
    ],
    [
      '3 Pro with a level it lacks',
      levels('gemini-3-pro-preview', 'thinkingLevels: [minimal, low]'),
      [],
      ['3:1 thinkingLevels: gemini-3-pro-preview does not take thinkingLevel minimal: those requests would fail with 400'],
    ],
    [
      '2.0 Flash with budgets',
      levels('gemini-2.0-flash', 'thinkingBudgets: [0, 1024]'),
      [],
      ['3:1 thinkingBudgets: gemini-2.0-flash cannot think: every request with a thinking setting would fail with 400'],
    ],
    ['3 Pro with its levels', levels('gemini-3-pro-preview', 'thinkingLevels: [low, high]'), [], []],
    ['3 Flash with every level', levels('gemini-3-flash-preview', 'thinkingLevels: [minimal, low, medium, high]'), [], []],
    ['the latest alias with levels', levels('gemini-flash-latest', 'thinkingLevels: [low]'), [], []],
    ['3 Pro with budgets (still accepted by Google)', levels('gemini-3-pro-preview', 'thinkingBudgets: [1024, -1]'), [], []],
    ['2.0 Flash with budget 0 only', levels('gemini-2.0-flash', 'thinkingBudgets: [0]'), [], []],
    ['a model the table does not know', levels('relay-special-model', 'thinkingLevels: [low]'), [], []],
    [
      'a relay override to 2.5 under a 3 sweep',
      levels('gemini-3-pro-preview', 'thinkingLevels: [low, high]'),
      ['  - { name: r, emulator: honest }', '  - { name: old, emulator: honest, model: gemini-2.5-flash }'],
      ['6:43 relays[1].model: gemini-2.5-flash takes thinkingBudget, not thinkingLevel: every request would fail with 400'],
    ],
    [
      'every relay overrides the suite model: the suite model is not judged',
      levels('gemini-2.5-flash', 'thinkingLevels: [low]'),
      ['  - { name: r, emulator: honest, model: gemini-3-pro-preview }'],
      [],
    ],
  ])('%s', async (_name, head, relays, issues) => {
    const text = relays.length === 0 ? suite(head) : suite(head, relays.join('\n'));
    expect((await issuesOf(text)).map((issue) => issue.replace(/\. .*$/, ''))).toEqual(issues);
  });
});

describe('YAML merge keys', () => {
  it('merges <<: *base and <<: [*a, *b] with YAML precedence (written keys, then earlier sources)', async () => {
    const file = await folder.write(
      'merge.yaml',
      `name: merge
model: gemini-2.5-flash
relays:
  - &a { name: a, emulator: honest, concurrency: 2, rpm: 60 }
  - &b { name: b, emulator: honest, concurrency: 3, timeouts: { totalMs: 5000 } }
  - { <<: *a, name: c }
  - <<: [*b, *a]
    name: d
    rpm: 10
cases:
  - &case { id: x, prompt: "1+1?", expect: { number: 2 } }
  - { <<: *case, id: y }
`,
    );
    const loaded = await loadSuite(file, { env: {} });
    const relay = (name: string) => loaded.relays.find((entry) => entry.name === name);
    expect(relay('c')).toMatchObject({ concurrency: 2, rpm: 60 });
    expect(relay('d')).toMatchObject({ concurrency: 3, rpm: 10, timeouts: expect.objectContaining({ totalMs: 5000 }) });
    expect(loaded.cases.map((entry) => [entry.id, entry.prompt])).toEqual([
      ['x', '1+1?'],
      ['y', '1+1?'],
    ]);
  });

  it('reports an issue inside a merged map where it was written, and unknown keys in merged maps', async () => {
    const issues = await issuesOf(`name: merge
model: gemini-2.5-flash
relays:
  - &base { name: a, emulator: honest, timeouts: { totalMs: -5 }, colour: red }
  - { <<: *base, name: b }
cases:
  - { id: x, prompt: hi }
`);
    expect(issues).toEqual([
      '4:61 relays[0].timeouts.totalMs: must be at least 1',
      '4:61 relays[1].timeouts.totalMs: must be at least 1',
      '4:67 relays[0].colour: unknown key',
      '4:67 relays[1].colour: unknown key',
    ]);
  });

  it('a merge source that is not a mapping is a YAML error with its position', async () => {
    const issues = await issuesOf('name: m\nmodel: gemini-2.5-flash\nrelays:\n  - { <<: 3, name: a, emulator: honest }\ncases:\n  - { id: x, prompt: hi }\n');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^4:\d+ : YAML: /);
  });
});
