import { describe, expect, it } from 'vitest';
import { runModel, type ModelInput } from '../../src/emulator/model.js';
import { createRandom } from '../../src/emulator/random.js';
import type { ThinkingMode } from '../../src/emulator/thinking.js';

const PROMPTS = Array.from({ length: 40 }, (_, index) => `Question number ${index}: what is ${index} squared?`);
const KEY = new Map(PROMPTS.map((prompt) => [prompt, { correct: 'RIGHT', wrong: 'WRONG' }]));

function input(promptText: string, thinking: ThinkingMode, overrides: Partial<ModelInput> = {}): ModelInput {
  return {
    promptText,
    thinking,
    maxOutputTokens: undefined,
    answerKey: KEY,
    skill: 0,
    honoursBudget: true,
    budgetOverrun: 1.25,
    wrongOn: [],
    withSummaries: true,
    ...overrides,
  };
}

/** Share of correct answers over every prompt, several samples each. */
function accuracy(thinking: ThinkingMode, overrides: Partial<ModelInput> = {}): number {
  let correct = 0;
  let total = 0;
  PROMPTS.forEach((prompt, promptIndex) => {
    for (let sample = 0; sample < 10; sample++) {
      const output = runModel(input(prompt, thinking, overrides), createRandom(promptIndex * 1000 + sample));
      if (output.correct === true) correct++;
      total++;
    }
  });
  return correct / total;
}

describe('simulated model', () => {
  it('is clearly more accurate with thinking than without', () => {
    const off = accuracy({ kind: 'off' });
    const small = accuracy({ kind: 'budget', budget: 256 });
    const large = accuracy({ kind: 'budget', budget: 8192 });
    expect(large - off).toBeGreaterThan(0.3);
    expect(small).toBeGreaterThan(off);
    expect(large).toBeGreaterThan(small);
  });

  it('answers worse when a penalty (a swapped model) applies', () => {
    const thinking: ThinkingMode = { kind: 'budget', budget: 8192 };
    expect(accuracy(thinking) - accuracy(thinking, { skill: -0.3 })).toBeGreaterThan(0.2);
  });

  it('keeps thoughts within a budget it honours and exceeds it when it does not', () => {
    for (const [index, prompt] of PROMPTS.entries()) {
      const honest = runModel(input(prompt, { kind: 'budget', budget: 300 }), createRandom(index));
      const ignorer = runModel(input(prompt, { kind: 'budget', budget: 300 }, { honoursBudget: false }), createRandom(index));
      expect(honest.thoughtTokens).toBeLessThanOrEqual(300);
      expect(ignorer.thoughtTokens).toBeGreaterThan(300);
      expect(runModel(input(prompt, { kind: 'off' }, { honoursBudget: false }), createRandom(index)).thoughtTokens).toBeGreaterThan(0);
    }
  });

  it('thinks less at a low level than at a high one, and caps dynamic thinking at 8192', () => {
    const total = (thinking: ThinkingMode) => PROMPTS.reduce((sum, prompt, index) => sum + runModel(input(prompt, thinking), createRandom(index)).thoughtTokens, 0);
    expect(total({ kind: 'level', level: 'low' })).toBeLessThan(total({ kind: 'level', level: 'high' }) / 2);
    for (const [index, prompt] of PROMPTS.entries()) {
      expect(runModel(input(prompt, { kind: 'dynamic' }), createRandom(index)).thoughtTokens).toBeLessThanOrEqual(8192);
    }
  });

  it('writes thought summaries shorter than the thinking they bill', () => {
    const output = runModel(input('Describe a lighthouse.', { kind: 'dynamic' }), createRandom(1));
    const summaryTokens = output.summaries.reduce((sum, summary) => sum + summary.text.length / 4, 0);
    expect(output.summaries.length).toBeGreaterThan(0);
    expect(summaryTokens).toBeLessThan(output.thoughtTokens);
    expect(output.summaries.at(-1)?.thoughtTokensSoFar).toBe(output.thoughtTokens);
  });

  it('gives deterministic filler prose of a few hundred tokens for unknown prompts', () => {
    const first = runModel(input('Describe a lighthouse.', { kind: 'off' }), createRandom(4));
    const again = runModel(input('Describe a lighthouse.', { kind: 'off' }), createRandom(4));
    expect(again.answerText).toBe(first.answerText);
    expect(first.answerTokens).toBeGreaterThanOrEqual(150);
    expect(first.answerTokens).toBeLessThanOrEqual(420);
    expect(first.correct).toBeNull();
  });

  it('lets thinking use up maxOutputTokens, leaving an empty answer and MAX_TOKENS', () => {
    const output = runModel(input('Describe a lighthouse.', { kind: 'budget', budget: 4096 }, { maxOutputTokens: 100 }), createRandom(2));
    expect(output.thoughtTokens).toBe(100);
    expect(output.answerText).toBe('');
    expect(output.finishReason).toBe('MAX_TOKENS');
  });
});

describe('answers that a relay is told to get wrong or right', () => {
  it('always answers a wrongOn prompt wrongly, whatever the thinking, and leaves the others alone', () => {
    const target = PROMPTS[3] as string;
    for (let sample = 0; sample < 20; sample++) {
      const wrong = runModel(input(target, { kind: 'dynamic' }, { wrongOn: [target], skill: 1 }), createRandom(sample));
      expect(wrong.answerText).toBe('WRONG');
      const other = runModel(input(PROMPTS[4] as string, { kind: 'dynamic' }, { wrongOn: [target], skill: 1 }), createRandom(sample));
      expect(other.answerText).toBe('RIGHT');
    }
  });
});
