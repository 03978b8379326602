import { describe, expect, it } from 'vitest';
import { renderJUnit } from '../../src/gate/junit.js';
import { comparePaired } from '../../src/gate/pairedComparison.js';
import { makeRun } from './rows.js';
import { findAll, parseXmlStrict, type XmlElement } from './xmlCheck.js';

const cases = Array.from({ length: 10 }, (_, index) => `c${index + 1}`);
const baseline = makeRun({ cases, relays: ['r'], repeats: 1, vary: ({ caseId }) => (caseId === 'c9' ? { pass: false } : {}) });

function testcases(xml: string): Map<string, XmlElement> {
  return new Map(findAll(parseXmlStrict(xml), 'testcase').map((testcase) => [String(testcase.attributes.name), testcase]));
}
const child = (testcase: XmlElement | undefined, name: string): XmlElement | undefined => testcase?.children.find((element) => element.name === name);

describe('renderJUnit against a baseline', () => {
  it('fails the flipped testcases when they are part of a significant drop, and carries the flips', () => {
    const flipped = new Set(['c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
    const current = makeRun({ cases, relays: ['r'], repeats: 1, vary: ({ caseId }) => (flipped.has(caseId) || caseId === 'c9' ? { pass: false } : {}) });
    const paired = comparePaired(current, baseline, { alpha: 0.05 });
    const byName = testcases(renderJUnit(current, 'arith', paired));
    const failure = child(byName.get('c1'), 'failure');
    expect(failure?.attributes).toMatchObject({
      type: 'regression',
      message: '1 of 1 repeats went pass→fail against the baseline (significant drop: overall, p = 0.016; significant drop: relay r, p = 0.016)',
    });
    expect(failure?.text).toContain('pass→fail against the baseline: c1 · r · repeat 1');
    expect([...byName].filter(([, testcase]) => child(testcase, 'failure') !== undefined).map(([name]) => name)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
    // c9 failed in the baseline too (fail→fail): shown, not failed.
    expect(child(byName.get('c9'), 'system-out')).toBeDefined();
  });

  it('shows a lone flip without failing, and fails it under failOnFlip', () => {
    const current = makeRun({ cases, relays: ['r'], repeats: 1, vary: ({ caseId }) => (caseId === 'c4' || caseId === 'c9' ? { pass: false } : {}) });
    const lenient = testcases(renderJUnit(current, 'arith', comparePaired(current, baseline, { alpha: 0.05 })));
    expect(child(lenient.get('c4'), 'failure')).toBeUndefined();
    expect(child(lenient.get('c4'), 'system-out')?.text).toContain('pass→fail against the baseline: c4 · r · repeat 1');
    const strict = testcases(renderJUnit(current, 'arith', comparePaired(current, baseline, { alpha: 0.05, failOnFlip: true })));
    expect(child(strict.get('c4'), 'failure')?.attributes.message).toBe('1 of 1 repeats went pass→fail against the baseline (--fail-on-flip)');
    expect(child(strict.get('c9'), 'failure')).toBeUndefined();
  });

  it('still fails a job the baseline did not have on its grade', () => {
    const current = makeRun({ cases: [...cases, 'new'], relays: ['r'], repeats: 1, vary: ({ caseId }) => (caseId === 'new' || caseId === 'c9' ? { pass: false } : {}) });
    const byName = testcases(renderJUnit(current, 'arith', comparePaired(current, baseline, { alpha: 0.05 })));
    expect(child(byName.get('new'), 'failure')?.attributes.type).toBe('grade');
  });
});
