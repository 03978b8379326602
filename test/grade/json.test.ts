import { describe, expect, it } from 'vitest';
import { extractJson } from '../../src/grade/extractJson.js';
import { gradeJson } from '../../src/grade/json.js';
import { deepEqual, resolvePath } from '../../src/grade/jsonPath.js';

describe('extractJson', () => {
  it.each([
    ['{"a": 1}', { a: 1 }],
    ['  [1, 2]\n', [1, 2]],
    ['```json\n{"a": 1}\n```', { a: 1 }],
    ['Here you go:\n```\n{"a": 1}\n```\nAnything else?', { a: 1 }],
    ['The result is {"a": {"b": [1, 2]}} as requested.', { a: { b: [1, 2] } }],
    ['Sure! {"text": "braces } and { inside", "n": 2} done', { text: 'braces } and { inside', n: 2 }],
    ['Set {x | x > 0} is not JSON, but {"ok": true} is.', { ok: true }],
    ['escaped quote {"q": "say \\"hi\\" }"}', { q: 'say "hi" }' }],
  ])('%j', (answer, value) => {
    expect(extractJson(answer)).toEqual({ value });
  });

  it('answers undefined when there is no JSON', () => {
    expect(extractJson('no json {here')).toBeUndefined();
    expect(extractJson('')).toBeUndefined();
  });
});

describe('resolvePath and deepEqual', () => {
  const document = { a: { b: [{ c: 3 }] }, 'x.y': 1 };
  it('follows dotted paths through objects and arrays, and literal dotted keys', () => {
    expect(resolvePath(document, 'a.b.0.c')).toEqual({ found: true, value: 3 });
    expect(resolvePath(document, 'x.y')).toEqual({ found: true, value: 1 });
    expect(resolvePath(document, 'a.b.1.c')).toEqual({ found: false });
    expect(resolvePath(document, 'a.missing')).toEqual({ found: false });
    expect(resolvePath(document, 'a.b.length')).toEqual({ found: false });
  });

  it('compares structurally, ignoring key order only', () => {
    expect(deepEqual({ a: [1, { b: null }], c: 'x' }, { c: 'x', a: [1, { b: null }] })).toBe(true);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(deepEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(deepEqual('42', 42)).toBe(false);
    expect(deepEqual(null, {})).toBe(false);
  });
});

describe('gradeJson', () => {
  const expectation = { json: { name: 'Ada', 'address.city': 'London', tags: ['a', 'b'] } };

  it('passes when every listed field matches, ignoring other fields', () => {
    const answer = '```json\n{"name": "Ada", "born": 1815, "address": {"city": "London"}, "tags": ["a", "b"]}\n```';
    const result = gradeJson(answer, expectation);
    expect(result).toMatchObject({ pass: true, score: 1 });
    expect(result.reason).toContain('all 3 fields match');
  });

  it('scores the fraction matching and lists the mismatches', () => {
    const result = gradeJson('{"name": "Ada", "address": {"city": "Paris"}}', expectation);
    expect(result.pass).toBe(false);
    expect(result.score).toBeCloseTo(1 / 3, 12);
    expect(result.reason).toBe(
      'expected JSON with {"name":"Ada","address.city":"London","tags":["a","b"]}: address.city is "Paris", tags missing in "{\\"name\\":\\"Ada\\",\\"address\\":{\\"city\\":\\"Paris\\"}}"',
    );
  });

  it('fails an answer without JSON, quoting it', () => {
    expect(gradeJson('Ada from London', expectation)).toEqual({
      pass: false,
      score: 0,
      reason: 'expected JSON with {"name":"Ada","address.city":"London","tags":["a","b"]}, no JSON in answer: "Ada from London"',
    });
  });

  it('compares JSON types strictly and accepts any JSON for an empty field list', () => {
    expect(gradeJson('{"n": "42"}', { json: { n: 42 } }).pass).toBe(false);
    expect(gradeJson('[]', { json: {} })).toMatchObject({ pass: true, score: 1 });
  });
});
