import { describe, expect, it } from 'vitest';
import { describePlan } from '../../src/plan/describe.js';
import { expandPlan } from '../../src/plan/expand.js';
import { promptCase, relay, suite } from './fixtures.js';

const twoRelays = [relay({ name: 'google', preset: 'google', apiKey: 'KEY-1' }), relay({ name: 'proto', preset: 'gptproto', apiKey: 'KEY-2', model: 'gemini-2.5-pro' })];
const sweep = suite({
  relays: twoRelays,
  cases: [promptCase('a', 'A?'), promptCase('b', 'B?')],
  thinkingBudgets: [0, -1],
  repeats: 2,
});

describe('expandPlan', () => {
  it('plans case x relay x thinking x repeat, case-major', () => {
    const jobs = expandPlan(sweep);
    expect(jobs).toHaveLength(2 * 2 * 2 * 2);
    expect(jobs.slice(0, 5).map((job) => [job.caseId, job.relay, job.thinking, job.repeat])).toEqual([
      ['a', 'google', { kind: 'budget', budget: 0 }, 1],
      ['a', 'google', { kind: 'budget', budget: 0 }, 2],
      ['a', 'google', { kind: 'budget', budget: -1 }, 1],
      ['a', 'google', { kind: 'budget', budget: -1 }, 2],
      ['a', 'proto', { kind: 'budget', budget: 0 }, 1],
    ]);
    expect(jobs.at(-1)).toMatchObject({ caseId: 'b', relay: 'proto', repeat: 2 });
  });

  it('uses the relay model over the suite model, in the job and in a body that names it', () => {
    const jobs = expandPlan(sweep);
    expect(jobs.find((job) => job.relay === 'google')?.model).toBe('gemini-2.5-flash');
    const protoJob = jobs.find((job) => job.relay === 'proto');
    expect(protoJob?.model).toBe('gemini-2.5-pro');
    expect(protoJob?.body.model).toBe('gemini-2.5-pro');
  });

  it('sweeps levels, or runs once with no thinking setting', () => {
    expect(expandPlan(suite({ thinkingBudgets: [], thinkingLevels: ['low', 'high'] })).map((job) => job.thinking)).toEqual([
      { kind: 'level', level: 'low' },
      { kind: 'level', level: 'high' },
    ]);
    expect(expandPlan(suite({ thinkingBudgets: [] })).map((job) => job.thinking)).toEqual([{ kind: 'none' }]);
  });
});

describe('job ids', () => {
  it('are 16 hex characters, unique within a plan and equal for the same suite planned twice', () => {
    const ids = expandPlan(sweep).map((job) => job.jobId);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(ids).size).toBe(ids.length);
    const again = suite({
      relays: twoRelays.map((target) => ({ ...target })),
      cases: [promptCase('a', 'A?'), promptCase('b', 'B?')],
      thinkingBudgets: [0, -1],
      repeats: 2,
    });
    expect(expandPlan(again).map((job) => job.jobId)).toEqual(ids);
  });

  it('change with the prompt but not with the API key', () => {
    const [original] = expandPlan(suite());
    const [otherPrompt] = expandPlan(suite({ cases: [promptCase('sum-1-999', '1+2+...+1000?')] }));
    const [otherKey] = expandPlan(suite({ relays: [relay({ name: 'google', preset: 'google', apiKey: 'ROTATED' })] }));
    expect(otherPrompt?.jobId).not.toBe(original?.jobId);
    expect(otherKey?.jobId).toBe(original?.jobId);
  });
});

describe('describePlan', () => {
  it('shows the relays and the job counts per relay and thinking setting, never a key', () => {
    const text = describePlan(sweep, expandPlan(sweep));
    expect(text).toContain('suite        plan-test  (/suites/plan-test.yaml)');
    expect(text).toContain('thinking     budget 0, budget -1 (dynamic); includeThoughts true');
    expect(text).toContain('google  google    https://generativelanguage.googleapis.com  header  sse         camel                 gemini-2.5-flash');
    expect(text).toContain('proto   gptproto  https://gptproto.com                       query   json-array  snake, model in body  gemini-2.5-pro');
    expect(text).toContain(
      [
        '  relay   budget 0  budget -1 (dynamic)  total',
        '  google         4                    4      8',
        '  proto          4                    4      8',
        '  total          8                    8     16',
      ].join('\n'),
    );
    expect(text).not.toContain('KEY-1');
    expect(text).not.toContain('KEY-2');
  });

  it('notes a relay body: by its fields, and says nothing for an empty one', () => {
    const withBody = (body: Record<string, unknown>) => suite({ relays: [relay({ name: 'proto', preset: 'gptproto', apiKey: 'K', body })], cases: [promptCase('a', 'A?')] });
    const full = withBody({ stream: false });
    expect(describePlan(full, expandPlan(full))).toContain('note: relay proto body: adds stream as written');
    const empty = withBody({});
    expect(describePlan(empty, expandPlan(empty))).not.toContain('body:');
  });
});

describe('job ids and the request fields beyond contents', () => {
  const pair = [relay({ name: 'google', preset: 'google', apiKey: 'K' }), relay({ name: 'proto', preset: 'gptproto', apiKey: 'K' })];
  const plain = suite({ relays: pair, cases: [promptCase('a', 'A?')] });
  const idsOf = (target: ReturnType<typeof suite>): string[] => expandPlan(target).map((job) => job.jobId);

  it('are unchanged for a suite that sets none of them (ids pinned before they existed)', () => {
    expect(idsOf(plain)).toEqual(['9f7f61c2b3e8f226', '224ebcacdbdd6e94']);
    expect(idsOf({ ...plain, request: {} })).toEqual(idsOf(plain));
  });

  it('change when a field changes the request, and not when the same request is written another way', () => {
    const safety = { safetySettings: [{ category: 'HARM_CATEGORY_HARASSMENT' as const, threshold: 'OFF' as const }] };
    const suiteLevel = idsOf({ ...plain, request: safety });
    expect(suiteLevel[0]).not.toBe(idsOf(plain)[0]);
    // The same safety settings given on the case instead of the suite: the same request, the same ids.
    const caseLevel = idsOf({ ...plain, cases: [{ ...promptCase('a', 'A?'), request: safety }] });
    expect(caseLevel).toEqual(suiteLevel);
    // Text and the equivalent Content send the same systemInstruction.
    expect(idsOf({ ...plain, systemInstruction: { parts: [{ text: 'Answer with the number only.' }] } })).toEqual(idsOf(plain));
    // A relay body: changes only that relay's requests, so only its ids.
    const withBody = idsOf({ ...plain, relays: [pair[0]!, { ...pair[1]!, body: { stream: false } }] });
    expect(withBody[0]).toBe(idsOf(plain)[0]);
    expect(withBody[1]).not.toBe(idsOf(plain)[1]);
  });
});
