import { describe, expect, it } from 'vitest';
import { mergeJudgeRecords } from '../../src/runfolder/mergeJudge.js';

/** `relaybench merge` adds up the parts' run.json `judge` records; every way a part's record can look is a row. */
function part(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    relay: 'grader',
    model: 'gemini-2.5-flash',
    repeats: 3,
    template: { source: 'built-in prompt-v1', sha256: 'abc' },
    calls: 10,
    failedCalls: { timeout: 1 },
    tokens: { prompt: 1000, thought: 50, answer: 100 },
    costUsd: 0.001,
    decided: 8,
    undecided: 1,
    reused: 2,
    meanAgreement: 1,
    ...overrides,
  };
}

describe('mergeJudgeRecords', () => {
  it.each<[string, unknown[], Record<string, unknown> | undefined]>([
    ['no part had a judge', [undefined, undefined], undefined],
    [
      'one part: its record, unchanged in value',
      [part()],
      { calls: 10, failedCalls: { timeout: 1 }, tokens: { prompt: 1000, thought: 50, answer: 100 }, costUsd: 0.001, decided: 8, undecided: 1, reused: 2, meanAgreement: 1 },
    ],
    [
      'two parts are summed',
      [
        part(),
        part({
          calls: 5,
          failedCalls: { timeout: 2, 'http 429': 1 },
          tokens: { prompt: 10, thought: 0, answer: 1 },
          costUsd: 0.002,
          decided: 2,
          undecided: 0,
          reused: 0,
          meanAgreement: 0.5,
        }),
      ],
      {
        calls: 15,
        failedCalls: { timeout: 3, 'http 429': 1 },
        tokens: { prompt: 1010, thought: 50, answer: 101 },
        costUsd: 0.003,
        decided: 10,
        undecided: 1,
        reused: 2,
        meanAgreement: 0.9,
      },
    ],
    ['a part without a judge record adds nothing', [undefined, part(), part()], { calls: 20, costUsd: 0.002, decided: 16, meanAgreement: 1 }],
    ['a part with an unknown cost makes the total unknown', [part(), part({ costUsd: null })], { calls: 20, costUsd: null }],
    ['agreement of one-vote parts (null) stays null', [part({ meanAgreement: null }), part({ meanAgreement: null })], { meanAgreement: null }],
    ['agreement ignores a part without one', [part({ meanAgreement: null }), part({ meanAgreement: 0.6 })], { meanAgreement: 0.6 }],
    [
      'fields of the wrong type count as absent',
      [part(), { relay: 'grader', calls: 'many', tokens: 'x', failedCalls: [1], costUsd: 0.5 }],
      { calls: 10, tokens: { prompt: 1000, thought: 50, answer: 100 }, failedCalls: { timeout: 1 }, costUsd: 0.501 },
    ],
  ])('%s', (_name, records, expected) => {
    const merged = mergeJudgeRecords(records);
    if (expected === undefined) return expect(merged).toBeUndefined();
    expect(merged).toMatchObject(expected);
    expect(merged?.relay).toBe('grader');
  });

  it("keeps the first part's settings and template", () => {
    const merged = mergeJudgeRecords([part(), part({ relay: 'other' })]);
    expect(merged).toMatchObject({ relay: 'grader', model: 'gemini-2.5-flash', repeats: 3, template: { source: 'built-in prompt-v1', sha256: 'abc' } });
  });
});
