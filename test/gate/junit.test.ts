import { describe, expect, it } from 'vitest';
import { renderJUnit } from '../../src/gate/junit.js';
import { xmlAttribute, xmlText } from '../../src/gate/xml.js';
import { makeRun } from './rows.js';
import { findAll, parseXmlStrict } from './xmlCheck.js';

describe('renderJUnit', () => {
  // 3 cases × 2 relays × 2 budgets × 3 repeats: 12 testcases.
  const rows = makeRun({
    cases: ['sum', 'capital', 'prime'],
    relays: ['alpha', 'beta'],
    budgets: [0, 1024],
    repeats: 3,
    vary: ({ caseId, relay, budget, repeat }) => {
      if (caseId === 'sum' && relay === 'alpha' && budget === 0 && repeat !== 2) return { pass: false, graderReason: 'expected 499500, got 499499' };
      if (caseId === 'prime' && relay === 'beta' && budget === 1024) return { errorKind: 'http', errorMessage: '503 UNAVAILABLE: overloaded' };
      if (caseId === 'capital' && relay === 'beta' && budget === 0 && repeat === 1) return { errorKind: 'timeout', errorMessage: 'no first byte in 30 s' };
      return { totalMs: 1500 };
    },
  });
  const root = parseXmlStrict(renderJUnit(rows, 'arith'));

  it('is well-formed, with one testsuite per relay and one testcase per (case, relay, budget)', () => {
    expect(root.name).toBe('testsuites');
    expect(findAll(root, 'testsuite').map((suite) => suite.attributes.name)).toEqual(['alpha', 'beta']);
    const testcases = findAll(root, 'testcase');
    expect(testcases).toHaveLength(12);
    expect(testcases.slice(0, 2).map((testcase) => [testcase.attributes.classname, testcase.attributes.name])).toEqual([
      ['alpha', 'sum [budget 0]'],
      ['alpha', 'sum [budget 1024]'],
    ]);
  });

  it('counts failures and errors as the rows say, at every level', () => {
    expect(root.attributes).toMatchObject({ name: 'arith', tests: '12', failures: '1', errors: '1' });
    expect(findAll(root, 'failure')).toHaveLength(1);
    expect(findAll(root, 'error')).toHaveLength(1);
    const [alpha, beta] = findAll(root, 'testsuite');
    expect(alpha?.attributes).toMatchObject({ tests: '6', failures: '1', errors: '0' });
    expect(beta?.attributes).toMatchObject({ tests: '6', failures: '0', errors: '1' });
  });

  it("gives the grader's reason and how many repeats failed as the failure message", () => {
    const [failure] = findAll(root, 'failure');
    expect(failure?.attributes.message).toBe('expected 499500, got 499499 (2 of 3 repeats failed)');
    expect(failure?.text.split('\n')).toEqual([
      'repeat 1: fail — expected 499500, got 499499',
      'repeat 2: pass — expected 42, got 42',
      'repeat 3: fail — expected 499500, got 499499',
    ]);
    const inCompletionOrder = parseXmlStrict(renderJUnit([...rows].reverse(), 'arith'));
    expect(findAll(inCompletionOrder, 'failure')[0]?.text).toBe(failure?.text);
  });

  it('makes a testcase an error only when every repeat errored', () => {
    const [error] = findAll(root, 'error');
    expect(error?.attributes).toMatchObject({ message: 'http: 503 UNAVAILABLE: overloaded', type: 'http' });
    const partlyErrored = findAll(root, 'testcase').find((testcase) => testcase.attributes.classname === 'beta' && testcase.attributes.name === 'capital [budget 0]');
    expect(partlyErrored?.children.map((child) => child.name)).toEqual(['system-out']);
  });

  it('reports the mean total time of the repeats in seconds', () => {
    const passing = findAll(root, 'testcase').find((testcase) => testcase.attributes.name === 'capital [budget 1024]');
    expect(passing?.attributes.time).toBe('1.500');
  });

  it('escapes markup, quotes, newlines and characters XML forbids', () => {
    const hostile = 'got <b>"5" & \'6\'</b> ]]> \u001b[31mred\u0000\ud800 line1\nline2 😀';
    const xml = renderJUnit(makeRun({ cases: ['a<&>"'], relays: ['r"1'], repeats: 1, vary: () => ({ pass: false, graderReason: hostile }) }), 'suite "x" & <y>');
    const parsed = parseXmlStrict(xml);
    const [testcase] = findAll(parsed, 'testcase');
    expect(testcase?.attributes).toMatchObject({ classname: 'r"1', name: 'a<&>"' });
    const message = findAll(parsed, 'failure')[0]?.attributes.message;
    expect(message).toBe('got <b>"5" & \'6\'</b> ]]> \\u001B[31mred\\u0000\\uD800 line1\nline2 😀 (1 of 1 repeats failed)');
    expect(parsed.attributes.name).toBe('suite "x" & <y>');
  });

  it('keeps escaping helpers strict on their own', () => {
    expect(xmlText('a]]>b\u000c')).toBe('a]]&gt;b\\u000C');
    expect(xmlAttribute('tab\there\r\n"')).toBe('tab&#9;here&#13;&#10;&quot;');
    expect(() => parseXmlStrict(`<a b="${xmlAttribute('<\u0001>')}"/>`)).not.toThrow();
  });

  it('is rejected by the checker when broken, so the checks above mean something', () => {
    expect(() => parseXmlStrict('<a><b></a></b>')).toThrow(/mismatched/);
    expect(() => parseXmlStrict('<a x="1" x="2"/>')).toThrow(/duplicate/);
    expect(() => parseXmlStrict('<a x="<"/>')).toThrow(/attribute/);
    expect(() => parseXmlStrict('<a>&nbsp;</a>')).toThrow(/entity/);
    expect(() => parseXmlStrict('<a>\u0001</a>')).toThrow(/illegal/);
    expect(() => parseXmlStrict('<a>&#1;</a>')).toThrow(/illegal/);
    expect(() => parseXmlStrict('<a/><b/>')).toThrow(/after the root/);
    expect(() => parseXmlStrict('<a>x]]>y</a>')).toThrow(/]]>/);
  });
});
