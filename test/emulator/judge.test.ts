import { describe, expect, it } from 'vitest';
import { emulatedJudgeAnswer } from '../../src/emulator/judge.js';
import { renderJudgePrompt } from '../../src/grade/index.js';
import { decodeSse, geminiBody, partsOf, post, streamUrl, withEmulator } from './helpers.js';

const ENTRY = { question: 'Why does TCP need a handshake?', rubric: 'Mentions sequence numbers in both directions.', facts: ['sequence numbers', 'both directions'] };
const TEMPLATE = 'Q: {{question}}\nR: {{rubric}}\nA: {{answer}}\nJSON only.';
const prompt = (answer: string): string => renderJudgePrompt(TEMPLATE, { question: ENTRY.question, rubric: ENTRY.rubric, answer });

describe('the emulator as a judge', () => {
  it.each([
    ['Both sides agree on sequence numbers in both directions.', true, 1],
    ['It agrees on sequence numbers.', false, 0.5],
    ['No idea.', false, 0],
  ])('%j → pass %s', (answer, pass, score) => {
    const verdict = JSON.parse(emulatedJudgeAnswer(prompt(answer), [ENTRY]) ?? 'null') as { pass: boolean; score: number };
    expect(verdict).toMatchObject({ pass, score });
  });

  it('does not count facts that only the question or rubric mention', () => {
    // The rubric names both facts; an empty answer must still fail.
    const verdict = JSON.parse(emulatedJudgeAnswer(prompt(''), [ENTRY]) ?? 'null') as { pass: boolean };
    expect(verdict.pass).toBe(false);
  });

  it('ignores prompts without a known rubric', () => {
    expect(emulatedJudgeAnswer('What is 2 + 2?', [ENTRY])).toBeUndefined();
  });

  it('answers a JSON request holding a known rubric with a verdict, deterministically; the same prompt without JSON is an ordinary answer', async () => {
    await withEmulator({ config: { relays: [{ name: 'judge', profile: 'honest' }], judgeKey: [ENTRY] } }, async (emulator) => {
      const text = prompt('sequence numbers, both directions');
      const ask = async (config: Record<string, unknown>): Promise<string> => {
        const response = await post(streamUrl(emulator.url, 'judge'), geminiBody(text, config));
        expect(response.status).toBe(200);
        return decodeSse(response.text)
          .flatMap(partsOf)
          .filter((part) => part.thought !== true)
          .map((part) => part.text ?? '')
          .join('');
      };
      const json = { responseMimeType: 'application/json', thinkingConfig: { thinkingBudget: 0 } };
      const first = await ask(json);
      expect(JSON.parse(first)).toEqual({ reason: 'mentions all 2 facts', pass: true, score: 1 });
      expect(await ask(json)).toBe(first);
      const plain = await ask({ thinkingConfig: { thinkingBudget: 0 } });
      expect(() => JSON.parse(plain) as unknown).toThrow();
    });
  });
});
