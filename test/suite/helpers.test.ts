import { describe, expect, it } from 'vitest';
import { closestMatch, editDistance } from '../../src/suite/didYouMean.js';
import { parseDotEnv } from '../../src/suite/dotEnv.js';
import { expandEnv } from '../../src/suite/expandEnv.js';

describe('editDistance', () => {
  it('counts an adjacent swap as one edit', () => {
    expect(editDistance('tempreature', 'temperature')).toBe(1);
    expect(editDistance('regx', 'regex')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('closestMatch', () => {
  const keys = ['temperature', 'topP', 'topK', 'maxOutputTokens'];
  it('finds typos, other casings and snake_case spellings', () => {
    expect(closestMatch('temprature', keys)).toBe('temperature');
    expect(closestMatch('max_output_tokens', keys)).toBe('maxOutputTokens');
    expect(closestMatch('TopP', keys)).toBe('topP');
  });
  it('suggests nothing when nothing is close', () => {
    expect(closestMatch('colour', keys)).toBeUndefined();
  });
});

describe('parseDotEnv', () => {
  it('reads KEY=VALUE lines with quotes, export and comments', () => {
    const text = '# comment\nA=1\nexport B = "two words"\nC=\'#not a comment\'\nD=plain # trailing\n\nbroken line\n';
    expect(parseDotEnv(text)).toEqual({
      vars: { A: '1', B: 'two words', C: '#not a comment', D: 'plain' },
      malformedLines: [7],
      malformedReasons: ['expected KEY=VALUE'],
    });
  });
});

describe('expandEnv', () => {
  it('expands string values only, anywhere in the tree', () => {
    const value = { a: '${X}-${Y}', list: ['${X}', 3, true, null], nested: { '${X}': 'key stays' } };
    expect(expandEnv(value, { X: 'x', Y: 'y' }, '.env')).toEqual({
      value: { a: 'x-y', list: ['x', 3, true, null], nested: { '${X}': 'key stays' } },
      issues: [],
    });
  });
  it('reports each missing variable once per string, at its path, and keeps the escape literal', () => {
    const result = expandEnv({ key: '${A}${A}${B} $${C}' }, { B: 'b' }, 'suites/.env');
    expect(result.issues).toEqual([{ path: ['key'], message: 'environment variable A is not set', hint: 'Export A=... or add A=... to suites/.env' }]);
    expect(expandEnv('$${C}', {}, '.env').value).toBe('${C}');
  });
});
