import { describe, expect, it } from 'vitest';
import { explainUnsharedJobs, plannedJobsOfRows, requestFieldChanges, type RequestConfig } from '../../src/gate/requestChange.js';
import { makeRun } from './rows.js';

const config: RequestConfig = {
  model: 'gemini-2.5-flash',
  includeThoughts: true,
  systemInstruction: 'Answer with the number only.',
  generationConfig: { temperature: 0, maxOutputTokens: 4096 },
  relays: [
    { name: 'alpha', casing: 'camel', modelInBody: false },
    { name: 'beta', casing: 'camel', modelInBody: false, model: undefined },
  ],
};

describe('requestFieldChanges', () => {
  it.each<[string, RequestConfig, string[]]>([
    ['nothing', config, []],
    ['the model', { ...config, model: 'gemini-2.5-pro' }, ['model: "gemini-2.5-flash" → "gemini-2.5-pro"']],
    ['a generationConfig value', { ...config, generationConfig: { temperature: 0.7, maxOutputTokens: 4096 } }, ['generationConfig.temperature: 0 → 0.7']],
    ['an added generationConfig field', { ...config, generationConfig: { temperature: 0, maxOutputTokens: 4096, topK: 5 } }, ['generationConfig.topK: (unset) → 5']],
    ['the system instruction', { ...config, systemInstruction: undefined }, ['systemInstruction: "Answer with the number only." → (unset)']],
    ['includeThoughts', { ...config, includeThoughts: false }, ['includeThoughts: true → false']],
    [
      'a relay casing',
      {
        ...config,
        relays: [
          { name: 'alpha', casing: 'snake', modelInBody: false },
          { name: 'beta', casing: 'camel', modelInBody: false },
        ],
      },
      ['relay alpha.casing: "camel" → "snake"'],
    ],
    [
      'a relay model override',
      {
        ...config,
        relays: [
          { name: 'alpha', casing: 'camel', modelInBody: false },
          { name: 'beta', casing: 'camel', modelInBody: false, model: 'gemini-2.5-pro' },
        ],
      },
      ['relay beta.model: (unset) → "gemini-2.5-pro"'],
    ],
    ['a relay removed (a plan change, not a field change)', { ...config, relays: [{ name: 'alpha', casing: 'camel', modelInBody: false }] }, []],
  ])('%s', (_, current, expected) => {
    expect(requestFieldChanges(config, current)).toEqual(expected);
  });
});

describe('explainUnsharedJobs', () => {
  const rows = makeRun({ cases: ['sum', 'capital'], relays: ['alpha'], budgets: [0], repeats: 1 });
  const changed = rows.map((row) => ({ ...row, job_id: `new-${String(row.job_id)}` }));

  it('names the field when the request changed and run.json records it', () => {
    const lines = explainUnsharedJobs(plannedJobsOfRows(changed), plannedJobsOfRows(rows), {
      current: { ...config, generationConfig: { temperature: 1, maxOutputTokens: 4096 } },
      baseline: config,
    });
    expect(lines).toEqual([
      'request changed (prompt, system instruction, generation config or relay shape) for: sum on alpha, capital on alpha',
      'request fields changed: generationConfig.temperature: 0 → 1',
    ]);
  });

  it('says the prompts changed when no recorded field did', () => {
    const lines = explainUnsharedJobs(plannedJobsOfRows(changed), plannedJobsOfRows(rows), { current: config, baseline: config });
    expect(lines.at(-1)).toMatch(/prompts or contents changed/);
  });

  it('names the cases of a different suite', () => {
    const other = makeRun({ cases: ['x'], relays: ['alpha'], budgets: [0], repeats: 1 });
    expect(explainUnsharedJobs(plannedJobsOfRows(other), plannedJobsOfRows(rows))).toEqual(['case added: x', 'case removed: sum, capital']);
  });
});
