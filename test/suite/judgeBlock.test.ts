import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSuite, SuiteError } from '../../src/suite/index.js';
import { makeTempFolder, type TempFolder } from './tempFiles.js';

let folder: TempFolder;
beforeAll(async () => {
  folder = await makeTempFolder();
});
afterAll(async () => {
  await folder.remove();
});

const suite = (judge: string, expect = '{ judge: "Mentions X." }'): string => `name: judged
model: gemini-2.5-flash
relays:
  - { name: google, apiKey: test-key }
${judge}
cases:
  - id: one
    prompt: Explain X.
    expect: ${expect}
`;

async function problems(text: string, extra: Record<string, string> = {}): Promise<string[]> {
  for (const [name, content] of Object.entries(extra)) await folder.write(name, content);
  const file = await folder.write('judged.yaml', text);
  const error = await loadSuite(file, { env: { JUDGE_KEY: 'judge-key-value' } }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SuiteError);
  return (error as SuiteError).issues.map((issue) => `${issue.line}:${issue.col} ${issue.path}: ${issue.message}${issue.hint === undefined ? '' : `. ${issue.hint}`}`);
}

describe('the judge: block', () => {
  it('resolves a relay by name, the model, thinking, repeats and concurrency', async () => {
    const file = await folder.write('ok.yaml', suite('judge: { relay: google, thinkingBudget: 0, repeats: 3, concurrency: 2 }'));
    const loaded = await loadSuite(file, { env: {} });
    expect(loaded.judge).toMatchObject({ inlineRelay: false, model: 'gemini-2.5-flash', thinking: { kind: 'budget', budget: 0 }, repeats: 3, concurrency: 2 });
    expect(loaded.judge?.relay.name).toBe('google');
  });

  it('resolves an inline relay like any relay entry (preset, ${VAR} key), named "judge" when unnamed', async () => {
    const file = await folder.write(
      'inline.yaml',
      suite('judge: { relay: { preset: google, apiKey: "${JUDGE_KEY}" }, model: gemini-2.5-pro, thinkingLevel: high }').replace(
        'gemini-2.5-pro, thinkingLevel: high',
        'gemini-2.5-pro, thinkingBudget: 128',
      ),
    );
    const loaded = await loadSuite(file, { env: { JUDGE_KEY: 'judge-key-value' } });
    expect(loaded.judge).toMatchObject({
      inlineRelay: true,
      model: 'gemini-2.5-pro',
      relay: { name: 'judge', apiKey: 'judge-key-value', baseUrl: 'https://generativelanguage.googleapis.com' },
    });
  });

  it('reads a prompt override beside the suite', async () => {
    await folder.write('mine.txt', 'Rubric {{rubric}} answer {{answer}}');
    const file = await folder.write('prompt.yaml', suite('judge: { relay: google, prompt: ./mine.txt }'));
    expect((await loadSuite(file, { env: {} })).judge?.prompt?.text).toBe('Rubric {{rubric}} answer {{answer}}');
  });

  it.each([
    ['no judge block', suite(''), ["9:15 cases[0].expect.judge: a judge expectation needs the suite's judge: block"]],
    ['no judge block, judge inside any', suite('', '{ any: [{ contains: X }, { judge: "Mentions X." }] }'), ['9:40 cases[0].expect.any[1].judge: a judge expectation needs']],
    ['an unknown relay name', suite('judge: { relay: gogle }'), ['5:17 judge.relay: no relay named "gogle" in relays. Did you mean "google"?']],
    ['a relay name nothing like any', suite('judge: { relay: zzzzzzzz }'), ['judge.relay: no relay named "zzzzzzzz" in relays. Name one of: google']],
    ['an empty rubric', suite('judge: { relay: google }', '{ judge: "" }'), ['9:22 cases[0].expect.judge: the rubric is empty']],
    ['a blank rubric in the mapping', suite('judge: { relay: google }', '{ judge: { rubric: "   " } }'), ['cases[0].expect.judge.rubric: the rubric is empty']],
    ['a threshold over 1', suite('judge: { relay: google }', '{ judge: { rubric: R, threshold: 1.01 } }'), ['cases[0].expect.judge.threshold: must be at most 1']],
    ['a negative threshold', suite('judge: { relay: google }', '{ judge: { rubric: R, threshold: -1 } }'), ['cases[0].expect.judge.threshold: must be at least 0']],
    [
      'a threshold that is text',
      suite('judge: { relay: google }', '{ judge: { rubric: R, threshold: high } }'),
      ['cases[0].expect.judge.threshold: expected a number, got a string'],
    ],
    ['a misspelt rubric key', suite('judge: { relay: google }', '{ judge: { rubrik: R } }'), ['cases[0].expect.judge.rubrik: unknown key. Did you mean "rubric"?']],
    ['a missing prompt file', suite('judge: { relay: google, prompt: ./nope.txt }'), ['judge.prompt: judge prompt not found']],
    ['a prompt without {{answer}}', suite('judge: { relay: google, prompt: ./no-answer.txt }'), ['no-answer.txt has no {{answer}} placeholder']],
    [
      'an inline relay named like a suite relay',
      suite('judge: { relay: { name: google, apiKey: k } }'),
      ['judge.relay.name: the inline judge relay is named "google" like a relay in relays'],
    ],
    ['an inline relay without a key', suite('judge: { relay: { name: other } }'), ['judge.relay: relay "other" has no apiKey']],
    ['both thinking settings', suite('judge: { relay: google, thinkingBudget: 0, thinkingLevel: low }'), ['judge.thinkingLevel: give thinkingBudget or thinkingLevel, not both']],
    ['zero repeats', suite('judge: { relay: google, repeats: 0 }'), ['judge.repeats: must be at least 1']],
    [
      'a judge model that cannot take a level',
      suite('judge: { relay: google, thinkingLevel: high }'),
      ['judge.thinkingLevel: judge model gemini-2.5-flash takes thinkingBudget, not thinkingLevel'],
    ],
    ['an unknown key', suite('judge: { relay: google, repeat: 3 }'), ['judge.repeat: unknown key. Did you mean "repeats"?']],
  ])('%s', async (_, text, expected) => {
    const found = await problems(text, { 'no-answer.txt': 'Grade {{rubric}}' });
    for (const message of expected)
      expect(
        found.some((problem) => problem.includes(message)),
        `${message}\nin\n${found.join('\n')}`,
      ).toBe(true);
  });
});

describe('the judge: block next to a broken relay', () => {
  it('does not call a judge relay missing when its entry has its own problem', async () => {
    const text = suite('judge: { relay: google }').replace('{ name: google, apiKey: test-key }', '{ name: google, apiKey: test-key, timeouts: { idleMs: -1 } }');
    const found = await problems(text);
    expect(found.some((problem) => problem.includes('timeouts.idleMs'))).toBe(true);
    expect(found.some((problem) => problem.includes('judge.relay'))).toBe(false);
  });
});
