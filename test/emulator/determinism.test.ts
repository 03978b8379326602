import { describe, expect, it } from 'vitest';
import { MODELS } from '../../src/suite/modelCatalog.js';
import { planResponse, type PlanInput } from '../../src/emulator/plan.js';
import { PROFILES } from '../../src/emulator/profiles.js';
import { createRandom } from '../../src/emulator/random.js';
import { geminiBody, KEY, post, streamUrl, withEmulator } from './helpers.js';

const BODY = geminiBody('Describe a lighthouse.', { thinkingConfig: { includeThoughts: true, thinkingBudget: 1024 } });

async function fetchWith(seed: number, sample: string | undefined, repeats = 1): Promise<string[]> {
  return withEmulator({ seed }, async (emulator) => {
    const headers: Record<string, string> = { 'x-goog-api-key': KEY };
    if (sample !== undefined) headers['x-relaybench-sample'] = sample;
    const bodies: string[] = [];
    for (let i = 0; i < repeats; i++) bodies.push((await post(streamUrl(emulator.url, 'instant'), BODY, headers)).text);
    return bodies;
  });
}

describe('determinism', () => {
  it('replays the same seed and sample header byte for byte, across servers', async () => {
    const [first] = await fetchWith(42, 'job-1/1');
    const [second] = await fetchWith(42, 'job-1/1');
    expect(first?.length).toBeGreaterThan(1000);
    expect(second).toBe(first);
  });

  it('differs for another sample, another seed, and for repeats without a sample header', async () => {
    const [base] = await fetchWith(42, 'job-1/1');
    const [otherSample] = await fetchWith(42, 'job-1/2');
    const [otherSeed] = await fetchWith(43, 'job-1/1');
    expect(otherSample).not.toBe(base);
    expect(otherSeed).not.toBe(base);
    const [repeatA, repeatB] = await fetchWith(42, undefined, 2);
    expect(repeatB).not.toBe(repeatA);
    // ...yet a fresh server replays the same sequence of repeats.
    expect(await fetchWith(42, undefined, 2)).toEqual([repeatA, repeatB]);
  });

  it('plans the same timings from the same seed', () => {
    const input: PlanInput = {
      profile: PROFILES.honest,
      model: MODELS['gemini-2.5-flash'] ?? (undefined as never),
      stream: true,
      framing: 'sse',
      request: {
        promptText: 'Describe a lighthouse.',
        promptTokens: 6,
        thinking: { budget: 1024, level: undefined, includeThoughts: true },
        maxOutputTokens: undefined,
      },
      thinking: { kind: 'budget', budget: 1024 },
      answerKey: new Map(),
    };
    const first = planResponse(input, createRandom(9));
    const again = planResponse(input, createRandom(9));
    const other = planResponse(input, createRandom(10));
    const times = (steps: typeof first.steps) => steps.map((step) => step.atMs);
    expect(times(again.steps)).toEqual(times(first.steps));
    expect(times(other.steps)).not.toEqual(times(first.steps));
  });
});
