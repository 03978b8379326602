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

const suiteWith = (load: string): string => `name: load
model: gemini-2.5-flash
relays: [{ name: google, apiKey: test-key }]
cases: [{ id: one, prompt: "1+1?", expect: { number: 2 } }]
load: ${load}
`;

describe('the load: block', () => {
  it.each([
    ['{ rates: [1, 2], stepS: 10 }', { arrival: 'poisson', rates: [1, 2], stepS: 10, warmupS: 0, maxInFlight: 64, slo: {}, maxStartLagMs: 10 }],
    [
      '{ arrival: constant, rates: [0.5], requests: 20, warmupS: 2, maxInFlight: 4, slo: { ttftMs: 800 }, maxStartLagMs: 25 }',
      { arrival: 'constant', rates: [0.5], requests: 20, warmupS: 2, maxInFlight: 4, slo: { ttftMs: 800 }, maxStartLagMs: 25 },
    ],
  ])('load: %s loads with its defaults', async (load, expected) => {
    const suite = await loadSuite(await folder.write('ok.yaml', suiteWith(load)), { env: {} });
    expect(suite.load).toEqual(expected);
  });

  it('a suite without load: is a closed-loop run', async () => {
    const suite = await loadSuite(await folder.write('none.yaml', suiteWith('{ rates: [1], stepS: 1 }').replace(/load:.*\n/, '')), { env: {} });
    expect(suite.load).toBeUndefined();
  });

  // Each member of the class "a load block relaybench cannot run", refused at its line and at the
  // column of the token named (col = 1 + its offset in the line `load: ...`).
  it.each([
    ['{ rates: [1] }', 'load', /stepS .* or requests/],
    ['{ rates: [1], stepS: 5, requests: 10 }', 'stepS', /exactly one/],
    ['{ rates: [], stepS: 5 }', 'rates', /at least 1|too small|>=1/i],
    ['{ rates: [0], stepS: 5 }', '0]', /more than 0|greater than 0/i],
    ['{ rates: [-2], stepS: 5 }', '-2', /more than 0|greater than 0/i],
    ['{ rates: [1], stepS: 5, warmupS: 5 }', 'warmupS', /shorter than stepS/],
    ['{ rates: [1], stepS: 5, maxInFlight: 0 }', 'maxInFlight', /./],
    ['{ rates: [1], stepS: 5, arrival: bursty }', 'arrival', /poisson|constant/],
    ['{ rates: [1], stepS: 5, slo: { ttft: 100 } }', 'ttft:', /unknown key/],
    ['{ rates: [1], stepS: 5, slo: { totalMs: 0 } }', 'totalMs', /./],
    ['{ rate: [1], stepS: 5 }', 'rate:', /unknown key/],
    ['{ rates: [1], requests: 2.5 }', 'requests', /./],
  ])('load: %s is refused at %s', async (load, token, message) => {
    const error = await loadSuite(await folder.write('bad.yaml', suiteWith(load)), { env: {} }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SuiteError);
    const issue = (error as SuiteError).issues[0];
    expect(issue?.line).toBe(5);
    expect([1 + `load: ${load}`.indexOf(token), 1 + `load: ${load}`.indexOf(token) + token.length + 2]).toContain(issue?.col);
    expect(`${issue?.message} ${issue?.hint ?? ''}`).toMatch(message);
  });
});
