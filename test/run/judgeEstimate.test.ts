import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { expandPlan } from '../../src/plan/expand.js';
import { describeJudgeEstimate, estimateJudgeCost } from '../../src/run/judgeEstimate.js';
import { loadSuite } from '../../src/suite/loadSuite.js';

/**
 * The judge's cost estimate for `relaybench validate`: calls = judged answers × repeats, low
 * prices the judge prompt with an empty answer, high with the answer at maxOutputTokens.
 * `prices:` pins the judge model at $1 per 1M input tokens so the expected USD is exact.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'judge-estimate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function suiteFile(name: string, extra: { judge?: string; cases: string; maxOutputTokens?: number }): string {
  const file = path.join(dir, `${name}.yaml`);
  writeFileSync(
    file,
    [
      `name: ${name}`,
      'model: priced-model',
      'prices: { priced-model: { input: 1, output: 10 }, unpriced-judge-model: { input: 0, output: 0 } }',
      'thinkingBudgets: [0, 512]',
      'repeats: 2',
      `generationConfig: { maxOutputTokens: ${extra.maxOutputTokens ?? 1000} }`,
      'relays:',
      '  - { name: a, emulator: honest }',
      ...(extra.judge === undefined ? [] : [extra.judge]),
      'cases:',
      extra.cases,
    ].join('\n'),
  );
  return file;
}

const judgedCase = '  - { id: j, prompt: Why a handshake?, expect: { judge: Mentions sequence numbers. } }';
const plainCase = '  - { id: p, prompt: Say hi, expect: { contains: hi } }';
const nestedCase = '  - { id: n, prompt: Two rubrics, expect: { all: [ { judge: Says A. }, { any: [ { judge: Says B. }, { contains: c } ] } ] } }';

describe('estimateJudgeCost', () => {
  it.each([
    // name, judge block, cases, expected calls (jobs per case = 2 budgets × 2 repeats = 4)
    ['one judged case, 1 vote', 'judge: { relay: a, model: priced-model }', judgedCase, 4],
    ['votes multiply calls', 'judge: { relay: a, model: priced-model, repeats: 3 }', judgedCase, 12],
    ['unjudged cases cost nothing', 'judge: { relay: a, model: priced-model }', `${judgedCase}\n${plainCase}`, 4],
    ['each judge node under all/any is a call', 'judge: { relay: a, model: priced-model }', nestedCase, 8],
    ['inline judge relay', 'judge: { relay: { name: g, emulator: honest }, model: priced-model, repeats: 5 }', judgedCase, 20],
  ])('%s', async (name, judge, cases, calls) => {
    const suite = await loadSuite(suiteFile(name.replace(/\W+/g, '-'), { judge, cases }));
    const estimate = estimateJudgeCost(suite, expandPlan(suite));
    expect(estimate?.calls).toBe(calls);
    expect(estimate?.lowUsd).toBeGreaterThan(0);
    // High adds each judged answer at maxOutputTokens (1000 tokens at $1/1M) per call.
    expect((estimate?.highUsd ?? 0) - (estimate?.lowUsd ?? 0)).toBeCloseTo((calls * 1000) / 1e6, 9);
    expect(estimate?.template.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a larger maxOutputTokens raises only the high end', async () => {
    const small = await loadSuite(suiteFile('small', { judge: 'judge: { relay: a, model: priced-model }', cases: judgedCase, maxOutputTokens: 100 }));
    const large = await loadSuite(suiteFile('large', { judge: 'judge: { relay: a, model: priced-model }', cases: judgedCase, maxOutputTokens: 8000 }));
    const [a, b] = [estimateJudgeCost(small, expandPlan(small)), estimateJudgeCost(large, expandPlan(large))];
    expect(a?.lowUsd).toBeCloseTo(b?.lowUsd ?? -1, 12);
    expect(b?.highUsd ?? 0).toBeGreaterThan(a?.highUsd ?? 0);
  });

  it('a judge relay priced per request: calls × its price, whatever the answer length', async () => {
    const suite = await loadSuite(
      suiteFile('per-request', { judge: 'judge: { relay: { name: g, emulator: honest, price: { perRequest: 0.01 } }, model: priced-model, repeats: 3 }', cases: judgedCase }),
    );
    const estimate = estimateJudgeCost(suite, expandPlan(suite));
    expect(estimate?.lowUsd).toBeCloseTo(12 * 0.01, 12);
    expect(estimate?.highUsd).toBeCloseTo(12 * 0.01, 12);
    expect(estimate?.price).toBe('$0.01 per request');
  });

  it('a judge model without a price: calls counted, cost unknown, said so', async () => {
    const suite = await loadSuite(suiteFile('unpriced', { judge: 'judge: { relay: a, model: my-unpriced-judge }', cases: judgedCase }));
    const estimate = estimateJudgeCost(suite, expandPlan(suite));
    expect(estimate).toMatchObject({ calls: 4, lowUsd: undefined, highUsd: undefined, price: 'no price for my-unpriced-judge' });
    expect(describeJudgeEstimate(suite, estimate!)).toContain('low –, high –');
  });

  it('no judge block: no estimate', async () => {
    const suite = await loadSuite(suiteFile('none', { cases: plainCase }));
    expect(estimateJudgeCost(suite, expandPlan(suite))).toBeUndefined();
  });

  it('a custom prompt file is named with its own hash, and the line shows every setting', async () => {
    const prompt = 'Q: {{question}}\nR: {{rubric}}\nA: {{answer}}\n';
    writeFileSync(path.join(dir, 'my-prompt.txt'), prompt);
    const suite = await loadSuite(
      suiteFile('custom', { judge: 'judge: { relay: a, model: priced-model, thinkingBudget: 0, repeats: 3, concurrency: 2, prompt: my-prompt.txt }', cases: judgedCase }),
    );
    const estimate = estimateJudgeCost(suite, expandPlan(suite));
    expect(estimate?.template.sha256).toBe(createHash('sha256').update(prompt).digest('hex'));
    const text = describeJudgeEstimate(suite, estimate!);
    for (const part of ['relay a', 'model priced-model', 'thinking budget 0', 'repeats 3', 'concurrency 2', 'my-prompt.txt', estimate!.template.sha256, '12 calls'])
      expect(text).toContain(part);
  });
});
