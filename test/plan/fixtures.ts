import { resolveRelay } from '../../src/suite/resolveRelay.js';
import type { RelayInput } from '../../src/suite/relaySchema.js';
import type { Case, ResolvedRelay, Suite } from '../../src/suite/types.js';

/** A relay as the loader would resolve it from `{name, preset, apiKey, ...}`. */
export function relay(input: RelayInput): ResolvedRelay {
  const resolution = resolveRelay(input);
  if (!resolution.ok) throw new Error(resolution.issues.map((issue) => issue.message).join('; '));
  return resolution.relay;
}

export function promptCase(id: string, prompt: string): Case {
  return {
    id,
    contents: [{ role: 'user', parts: [{ text: prompt }] }],
    prompt,
    systemInstruction: undefined,
    expect: undefined,
    tags: [],
  };
}

export function suite(overrides: Partial<Suite> = {}): Suite {
  return {
    name: 'plan-test',
    description: undefined,
    file: '/suites/plan-test.yaml',
    model: 'gemini-2.5-flash',
    thinkingBudgets: [1024],
    thinkingLevels: [],
    includeThoughts: true,
    repeats: 1,
    concurrency: 8,
    systemInstruction: 'Answer with the number only.',
    generationConfig: { temperature: 0 },
    relays: [relay({ name: 'google', preset: 'google', apiKey: 'KEY' })],
    cases: [promptCase('sum-1-999', '1+2+3+4+5+....+999?')],
    ci: {},
    seed: 1,
    ...overrides,
  };
}
