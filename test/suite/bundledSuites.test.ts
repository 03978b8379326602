import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadSuite } from '../../src/suite/index.js';
import { PRESET_NAMES } from '../../src/suite/presets.js';
import { makeTempFolder } from './tempFiles.js';

const DUMMY_KEYS = {
  GOOGLE_API_KEY: 'dummy-google',
  GPTPLUS5_API_KEY: 'dummy-gptplus5',
  QUICKROUTER_API_KEY: 'dummy-quickrouter',
  KKIAI_API_KEY: 'dummy-kkiai',
  GPTPROTO_API_KEY: 'dummy-gptproto',
  APIGO_API_KEY: 'dummy-apigo',
};

describe('bundled suites', () => {
  it('relays.example.yaml has one relay per preset, keyed from the environment', async () => {
    const suite = await loadSuite('suites/arithmetic.yaml', { env: DUMMY_KEYS });
    expect(suite.relays.map((relay) => relay.preset)).toEqual(PRESET_NAMES);
    expect(suite.relays.map((relay) => relay.apiKey)).toEqual(Object.values(DUMMY_KEYS));
  });

  it('arithmetic.yaml loads: numeric answers, a budget sweep, the 1..999 case', async () => {
    const suite = await loadSuite('suites/arithmetic.yaml', { env: DUMMY_KEYS });
    expect(suite.model).toBe('gemini-2.5-flash');
    expect(suite.thinkingBudgets).toEqual([0, 1024, 8192, -1]);
    expect(suite.cases.length).toBeGreaterThanOrEqual(12);
    expect(suite.cases.find((testCase) => testCase.id === 'sum-1-999')).toMatchObject({
      prompt: '1+2+3+4+5+....+999?',
      expect: { number: 499500 },
    });
    for (const testCase of suite.cases) expect(testCase.expect).toHaveProperty('number');
  });

  it('reasoning.yaml loads with 20+ cases mixing graders', async () => {
    const suite = await loadSuite('suites/reasoning.yaml', { env: DUMMY_KEYS });
    expect(suite.cases.length).toBeGreaterThanOrEqual(20);
    const graders = new Set(suite.cases.flatMap((testCase) => Object.keys(testCase.expect ?? {})));
    expect([...graders]).toEqual(expect.arrayContaining(['number', 'oneOf', 'json', 'regex', 'containsAny', 'all']));
  });

  it('refuses to load without the relay keys, naming each missing variable', async () => {
    // A copy, so that a developer's own suites/.env cannot supply the keys.
    const folder = await makeTempFolder();
    await folder.write('relays.example.yaml', await readFile('suites/relays.example.yaml', 'utf8'));
    const copy = await folder.write('arithmetic.yaml', await readFile('suites/arithmetic.yaml', 'utf8'));
    const error = await loadSuite(copy, { env: {} }).catch((caught: unknown) => caught);
    await folder.remove();
    expect(error).toHaveProperty('issues');
    const messages = (error as { issues: Array<{ message: string }> }).issues.map((issue) => issue.message);
    expect(messages).toEqual(Object.keys(DUMMY_KEYS).map((name) => `environment variable ${name} is not set`));
  });
});
