import { describe, expect, it } from 'vitest';
import { RelaybenchError } from '../../src/errors/index.js';
import { expandPlan } from '../../src/plan/expand.js';
import { filterPlan, globToRegExp, NO_FILTER, type PlanFilter } from '../../src/plan/filter.js';
import type { Case, Suite } from '../../src/suite/types.js';
import { relay, suite as makeSuite } from './fixtures.js';

function caseOf(id: string, tags: string[]): Case {
  return { id, contents: [{ role: 'user', parts: [{ text: id }] }], prompt: id, systemInstruction: undefined, expect: undefined, tags };
}

const base = makeSuite();
const suite: Suite = {
  ...base,
  thinkingBudgets: [0, 1024, -1],
  thinkingLevels: [],
  repeats: 2,
  relays: [relay({ name: 'first', preset: 'google', apiKey: 'KEY' }), relay({ name: 'second', preset: 'google', apiKey: 'KEY' })],
  cases: [caseOf('sum-1', ['math']), caseOf('sum-2', ['math', 'quick']), caseOf('choice', ['quick']), caseOf('plain', [])],
};
const all = expandPlan(suite);
const filter = (partial: Partial<PlanFilter>): PlanFilter => ({ ...NO_FILTER, ...partial });

describe('filterPlan', () => {
  it.each<[string, Partial<PlanFilter>, (job: (typeof all)[number]) => boolean]>([
    ['one relay', { relay: ['second'] }, (job) => job.relay === 'second'],
    ['two relays', { relay: ['second', 'first'] }, () => true],
    ['a case id', { case: ['choice'] }, (job) => job.caseId === 'choice'],
    ['a case glob', { case: ['sum-*'] }, (job) => job.caseId.startsWith('sum-')],
    ['a ? glob', { case: ['sum-?'] }, (job) => job.caseId.startsWith('sum-')],
    ['a tag', { tag: ['quick'] }, (job) => job.caseId === 'sum-2' || job.caseId === 'choice'],
    ['two tags', { tag: ['quick', 'math'] }, (job) => job.caseId !== 'plain'],
    ['a budget', { thinking: ['1024'] }, (job) => job.thinking.kind === 'budget' && job.thinking.budget === 1024],
    ['the dynamic budget as plan.json writes it', { thinking: ['budget -1'] }, (job) => job.thinking.kind === 'budget' && job.thinking.budget === -1],
    [
      'flags combine',
      { relay: ['second'], tag: ['math'], thinking: ['0'] },
      (job) => job.relay === 'second' && job.caseId.startsWith('sum-') && job.thinking.kind === 'budget' && job.thinking.budget === 0,
    ],
  ])("%s selects exactly its jobs, with the full plan's ids", (_name, partial, wanted) => {
    const selected = filterPlan(suite, all, filter(partial));
    expect(selected).toEqual(all.filter(wanted));
    const ids = new Set(all.map((job) => job.jobId));
    for (const job of selected) expect(ids.has(job.jobId)).toBe(true);
  });

  it('no filter is the whole plan', () => {
    expect(filterPlan(suite, all, NO_FILTER)).toEqual(all);
  });

  it.each<[string, Partial<PlanFilter>, RegExp]>([
    ['unknown relay, close to one', { relay: ['secnod'] }, /^--relay: got "secnod"; expected one of .*second.*Did you mean "second"/],
    ['unknown relay', { relay: ['zzz'] }, /^--relay: got "zzz"; expected one of .*, second; nothing was sent$/],
    ['case id that matches nothing', { case: ['sum-3'] }, /^--case: got "sum-3"; expected one of sum-1, sum-2, choice, plain/],
    ['glob that matches nothing', { case: ['x*'] }, /^--case: got "x\*"/],
    ['glob characters are literal except * and ?', { case: ['sum.1'] }, /^--case: got "sum.1"/],
    ['unknown tag', { tag: ['slow'] }, /^--tag: got "slow"; expected one of math, quick/],
    ['budget not in the sweep', { thinking: ['512'] }, /^--thinking: got "512"; expected one of 0, 1024, -1/],
    ['a level in a budget sweep', { thinking: ['high'] }, /^--thinking: got "high"/],
    ['not a thinking setting', { thinking: ['lots'] }, /^--thinking: got "lots"/],
    ['flags that together select nothing', { case: ['plain'], tag: ['quick'] }, /^the filters --case plain --tag quick together select no job/],
  ])('%s is a usage error (exit 2)', (_name, partial, message) => {
    let thrown: unknown;
    try {
      filterPlan(suite, all, filter(partial));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RelaybenchError);
    expect((thrown as RelaybenchError).exitCode).toBe(2);
    expect((thrown as Error).message).toMatch(message);
  });

  it('globs are anchored', () => {
    expect(globToRegExp('sum-*').test('xsum-1')).toBe(false);
    expect(globToRegExp('a+b(c)').test('a+b(c)')).toBe(true);
  });
});
