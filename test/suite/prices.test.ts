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

/** Line 4 is the relay's `price:` slot, line 9 the suite's `prices:` slot. */
function suiteWith(relayPrice: string, suitePrices: string): string {
  return `name: priced
model: gemini-2.5-flash
relays:
  - { name: google, apiKey: k${relayPrice === '' ? '' : `, price: ${relayPrice}`} }
cases:
  - id: one
    prompt: What is 1+1?
    expect: { number: 2 }
${suitePrices === '' ? '' : `prices: ${suitePrices}`}
`;
}

async function load(text: string) {
  const file = await folder.write(`s${Math.random().toString(36).slice(2)}.yaml`, text);
  return loadSuite(file, { env: {} });
}

async function issuesOf(text: string): Promise<Array<{ line: number; path: string; message: string }>> {
  const error = await load(text).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SuiteError);
  return (error as SuiteError).issues.map(({ line, path, message }) => ({ line, path, message }));
}

describe('bad prices are errors with file:line:col', () => {
  it.each([
    ['negative suite price', '', '{ gemini-2.5-flash: { input: -1, output: 2 } }', 9, 'prices["gemini-2.5-flash"].input', 'must be at least 0'],
    ['non-numeric suite price', '', '{ gemini-2.5-flash: { input: cheap, output: 2 } }', 9, 'prices["gemini-2.5-flash"].input', 'expected a number, got a string'],
    ['infinite price', '', '{ gemini-2.5-flash: { input: .inf, output: 2 } }', 9, 'prices["gemini-2.5-flash"].input', 'expected a number, got an infinite number'],
    [
      'NaN price (was called infinite)',
      '',
      '{ gemini-2.5-flash: { input: .nan, output: 2 } }',
      9,
      'prices["gemini-2.5-flash"].input',
      'expected a number, got NaN (.nan, not a number)',
    ],
    ['NaN per-request price', '{ perRequest: .NaN }', '', 4, 'relays[0].price.perRequest', 'expected a number, got NaN (.nan, not a number)'],
    ['missing output', '', '{ gemini-2.5-flash: { input: 1 } }', 9, 'prices["gemini-2.5-flash"].output', 'missing required key "output"'],
    ['negative cached price', '', '{ gemini-2.5-flash: { input: 1, output: 2, cachedInput: -0.1 } }', 9, 'prices["gemini-2.5-flash"].cachedInput', 'must be at least 0'],
    [
      'long context without threshold',
      '',
      '{ gemini-2.5-flash: { input: 1, output: 2, longContext: { input: 2, output: 3 } } }',
      9,
      'prices["gemini-2.5-flash"].longContext.overTokens',
      'missing required key "overTokens"',
    ],
    ['unknown price key', '', '{ gemini-2.5-flash: { input: 1, output: 2, cached: 0.1 } }', 9, 'prices["gemini-2.5-flash"].cached', 'unknown key'],
    ['multiplier 0', '{ multiplier: 0 }', '', 4, 'relays[0].price.multiplier', 'must be more than 0'],
    ['negative multiplier', '{ multiplier: -0.5 }', '', 4, 'relays[0].price.multiplier', 'must be more than 0'],
    ['non-numeric multiplier', '{ multiplier: half }', '', 4, 'relays[0].price.multiplier', 'expected a number, got a string'],
    ['negative per-request price', '{ perRequest: -0.01 }', '', 4, 'relays[0].price.perRequest', 'must be at least 0'],
    ['string per-request price', '{ perRequest: "$0.01" }', '', 4, 'relays[0].price.perRequest', 'expected a number, got a string'],
    ['own input without output', '{ input: 0.1 }', '', 4, 'relays[0].price.input', 'own prices need both input and output'],
    ['two kinds at once', '{ multiplier: 0.5, perRequest: 0.01 }', '', 4, 'relays[0].price.perRequest', 'give one kind of price: multiplier, own per-1M prices, or perRequest'],
    ['empty price', '{}', '', 4, 'relays[0].price', 'price is empty'],
  ])('%s', async (_title, relayPrice, suitePrices, line, path, message) => {
    const issues = await issuesOf(suiteWith(relayPrice, suitePrices));
    expect(issues, JSON.stringify(issues)).toContainEqual({ line, path, message });
  });
});

describe('good prices load', () => {
  it('keeps suite prices and a relay multiplier, with no warning when the model is used', async () => {
    const suite = await load(suiteWith('{ multiplier: 0.3 }', '{ gemini-2.5-flash: { input: 0.2, output: 1, longContext: { overTokens: 1000, input: 0.4, output: 2 } } }'));
    expect(suite.relays[0]?.price).toEqual({ multiplier: 0.3 });
    expect(suite.prices).toEqual({ 'gemini-2.5-flash': { input: 0.2, output: 1, longContext: { overTokens: 1000, input: 0.4, output: 2 } } });
    expect(suite.warnings).toEqual([]);
  });

  it('warns, with did-you-mean, about a priced model no relay uses', async () => {
    const suite = await load(suiteWith('', '{ gemini-2.5-flsh: { input: 1, output: 2 } }'));
    expect(suite.warnings).toHaveLength(1);
    expect(suite.warnings?.[0]).toMatchObject({
      line: 9,
      path: 'prices["gemini-2.5-flsh"]',
      message: 'no relay of this suite uses model "gemini-2.5-flsh"; its price is ignored',
      hint: 'Did you mean "gemini-2.5-flash"? The suite\'s relays use: gemini-2.5-flash',
    });
  });
});
