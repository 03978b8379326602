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

const suiteWith = (ci: string): string => `name: flips
model: gemini-2.5-flash
relays: [{ name: google, apiKey: test-key }]
cases: [{ id: one, prompt: "1+1?", expect: { number: 2 } }]
ci: ${ci}
`;

describe('ci.failOnFlip in a suite', () => {
  it.each([
    ['{ failOnFlip: true }', { failOnFlip: true }],
    ['{ failOnFlip: false, minPassRate: 0.9 }', { failOnFlip: false, minPassRate: 0.9 }],
    ['{ minPassRate: 0.9 }', { minPassRate: 0.9 }],
  ])('ci: %s loads', async (ci, expected) => {
    const suite = await loadSuite(await folder.write('ok.yaml', suiteWith(ci)), { env: {} });
    expect(suite.ci).toEqual(expected);
  });

  it.each([
    ['{ failOnFlip: yes }', { line: 5, col: 19, message: 'expected true or false, got a string' }],
    ['{ failOnFlip: 1 }', { line: 5, col: 19 }],
    ['{ failOnFlips: true }', { line: 5, col: 7, message: 'unknown key', hint: 'Did you mean "failOnFlip"?' }],
  ])('ci: %s is refused at its line and column', async (ci, expected) => {
    const error = await loadSuite(await folder.write('bad.yaml', suiteWith(ci)), { env: {} }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SuiteError);
    expect((error as SuiteError).issues[0]).toMatchObject(expected);
  });
});
