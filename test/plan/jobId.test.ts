import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonReference } from '../../src/plan/canonicalJson.js';
import { jobIdOf, jobIdsOf, type JobIdentity } from '../../src/plan/jobId.js';

const nullPrototype = Object.assign(Object.create(null) as Record<string, unknown>, { b: 1, a: [2] });
const sparse: unknown[] = [1];
sparse[3] = 'x';

/** Values whose canonical JSON must be byte-for-byte the reference's (JSON.stringify of a key-sorted copy). */
const members: Array<[string, unknown]> = [
  ['a string with quotes, escapes and unicode', 'a "b" \\ \n \u2028 ü 🎉 \ud800'],
  ['numbers, including non-finite and -0', [0, -0, 1.5, 1e21, 1e-7, Number.NaN, Number.POSITIVE_INFINITY, -1]],
  ['booleans and null', [true, false, null]],
  ['nested keys out of order', { z: { y: 1, x: [{ b: 2, a: 1 }] }, a: 'first' }],
  ['keys sorted by UTF-16 code unit', { b: 1, B: 2, _: 3, é: 4, '': 5, 'a b': 6 }],
  ['array-index keys (JavaScript orders them numerically)', { 10: 'a', 9: 'b', '01': 'c', x: 'd', 4294967294: 'e', 4294967295: 'f' }],
  ['undefined in an object (left out) and in an array (null)', { a: undefined, b: [undefined, 1] }],
  ['a sparse array', sparse],
  ['a null-prototype object', nullPrototype],
  ['a Date (the copy keeps no key of it)', { when: new Date(0) }],
  ['a function and a symbol', { f: () => 1, s: Symbol('s'), list: [() => 1, Symbol('t')] }],
  ['a toJSON key', { toJSON: () => 'replaced', a: 1 }],
  ['a __proto__ own key', JSON.parse('{"__proto__": {"x": 1}, "a": 2}')],
  ['empty containers', { a: {}, b: [], c: '' }],
  ['a top-level undefined', undefined],
  ['deep nesting past the fast path', Array.from({ length: 300 }).reduce<unknown>((inner) => ({ k: inner }), 1)],
  [
    'a request body',
    {
      contents: [{ role: 'user', parts: [{ text: 'What is 2+2?' }] }],
      generationConfig: { thinkingConfig: { thinkingBudget: 512, includeThoughts: true }, temperature: 0, stopSequences: ['\n\n'] },
      systemInstruction: { parts: [{ text: 'Answer.' }] },
    },
  ],
];

describe('canonicalJson', () => {
  it.each(members)('writes %s exactly as the reference does', (_name, value) => {
    expect(canonicalJson(value)).toBe(canonicalJsonReference(value));
  });

  it('agrees with the reference on random plain data', () => {
    let seed = 7;
    const next = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const keys = ['a', 'b', 'Z', '10', '2', 'é', 'x y', '', 'toString', 'constructor'];
    const random = (depth: number): unknown => {
      const pick = Math.floor(next() * (depth > 3 ? 5 : 7));
      if (pick === 0) return null;
      if (pick === 1) return next() < 0.5;
      if (pick === 2) return Math.round(next() * 2000 - 1000) / 8;
      if (pick === 3) return keys[Math.floor(next() * keys.length)];
      if (pick === 4) return next() < 0.1 ? undefined : String(next());
      if (pick === 5) return Array.from({ length: Math.floor(next() * 4) }, () => random(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(next() * 5) }, () => [keys[Math.floor(next() * keys.length)], random(depth + 1)]));
    };
    for (let index = 0; index < 2000; index++) {
      const value = random(0);
      expect(canonicalJson(value)).toBe(canonicalJsonReference(value));
    }
  });

  it('throws on a cycle, as JSON.stringify does', () => {
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = cycle;
    expect(() => canonicalJson(cycle)).toThrow();
  });
});

const identities: Array<[string, JobIdentity, string]> = [
  [
    'a budget job with unicode and array-index label keys',
    {
      caseId: 'sum',
      relay: 'google',
      model: 'gemini-2.5-flash',
      thinking: { kind: 'budget', budget: 1024 },
      repeat: 3,
      body: {
        contents: [{ role: 'user', parts: [{ text: '1+1? ünï \u2028 "q"' }] }],
        generationConfig: { thinkingConfig: { thinkingBudget: 1024 }, temperature: 0 },
        labels: { 10: 'a', 9: 'b', z: null },
      },
    },
    'c90d3cb64ec7ced5',
  ],
  [
    'a level job with undefined cells in its body',
    { caseId: 'c', relay: 'r', model: 'm', thinking: { kind: 'level', level: 'high' }, repeat: 1, body: { a: [1, undefined, null], b: undefined } } as unknown as JobIdentity,
    '15e205ccbf7af3f0',
  ],
];

describe('job ids', () => {
  it.each(identities)('%s keeps the id the first release gave it', (_name, identity, id) => {
    expect(jobIdOf(identity)).toBe(id);
    expect(jobIdsOf(identity)(identity.repeat)).toBe(id);
  });

  it('jobIdsOf gives every repeat the id of sha256(reference canonical JSON)', () => {
    for (const [, identity] of identities) {
      const idOf = jobIdsOf(identity);
      for (const repeat of [1, 2, 10, 1000]) {
        const { caseId, relay, model, thinking, body } = identity;
        const expected = createHash('sha256').update(canonicalJsonReference({ caseId, relay, model, thinking, repeat, body })).digest('hex').slice(0, 16);
        expect(idOf(repeat)).toBe(expected);
        expect(jobIdOf({ ...identity, repeat })).toBe(expected);
      }
    }
  });
});
