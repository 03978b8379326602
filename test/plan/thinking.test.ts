import { describe, expect, it } from 'vitest';
import {
  compareThinking,
  isThinkingLevel,
  THINKING_LEVELS,
  thinkingKey,
  thinkingLongLabel,
  thinkingOfCells,
  thinkingRank,
  thinkingShortLabel,
  type ThinkingCells,
} from '../../src/plan/thinking.js';
import type { ThinkingSetting } from '../../src/plan/types.js';
import type { ThinkingLevel } from '../../src/suite/types.js';

const budget = (tokens: number): ThinkingSetting => ({ kind: 'budget', budget: tokens });
const level = (name: string): ThinkingSetting => ({ kind: 'level', level: name as ThinkingLevel });
const none: ThinkingSetting = { kind: 'none' };

describe('the one thinking-setting module', () => {
  it.each([
    // setting, short label (table: none → –), long label, key (plan.json words)
    [budget(0), '0', 'budget 0', 'budget 0'],
    [budget(1024), '1024', 'budget 1024', 'budget 1024'],
    [budget(32768), '32768', 'budget 32768', 'budget 32768'],
    [budget(-1), 'dynamic', 'budget -1 (dynamic)', 'budget -1'],
    [level('minimal'), 'minimal', 'level minimal', 'level minimal'],
    [level('high'), 'high', 'level high', 'level high'],
    [none, '–', 'model default', 'none'],
  ])('labels %j as %s / %s, key %s', (setting, short, long, key) => {
    expect(thinkingShortLabel(setting, '–')).toBe(short);
    expect(thinkingLongLabel(setting)).toBe(long);
    expect(thinkingKey(setting)).toBe(key);
  });

  it('lets the caller name "no setting": a chart says default, a gate scope leaves it out', () => {
    expect(thinkingShortLabel(none, 'default')).toBe('default');
    expect(thinkingLongLabel(none, '')).toBe('');
    expect(thinkingLongLabel(budget(8), '')).toBe('budget 8');
  });

  it.each<[ThinkingCells, ThinkingSetting]>([
    [{ thinking_budget: '1024' }, budget(1024)],
    [{ thinking_budget: 1024 }, budget(1024)],
    [{ thinking_budget: '-1', thinking_level: undefined }, budget(-1)],
    [{ thinking_budget: 0 }, budget(0)],
    [{ thinking_level: 'low' }, level('low')],
    [{ thinking_budget: '', thinking_level: 'high' }, level('high')],
    [{ thinking_budget: '', thinking_level: '' }, none],
    [{}, none],
  ])('reads %j back as %j', (cells, setting) => {
    expect(thinkingOfCells(cells)).toEqual(setting);
  });

  it('orders budgets by size with dynamic last, and levels minimal < low < medium < high, never alphabetically', () => {
    const budgets = [budget(8192), budget(-1), budget(512), budget(0), budget(1024)];
    expect([...budgets].sort(compareThinking).map((setting) => thinkingShortLabel(setting, '–'))).toEqual(['0', '512', '1024', '8192', 'dynamic']);
    const levels = ['high', 'low', 'medium', 'minimal'].map(level);
    expect([...levels].sort(compareThinking).map((setting) => thinkingShortLabel(setting, '–'))).toEqual(['minimal', 'low', 'medium', 'high']);
  });

  it('ranks no setting first and an unknown level after the known ones', () => {
    expect(thinkingRank(none)).toBeLessThan(thinkingRank(budget(0)));
    expect(thinkingRank(level('extreme'))).toBeGreaterThan(thinkingRank(level('high')));
    expect(THINKING_LEVELS.map(level).map(thinkingRank)).toEqual([0, 1, 2, 3]);
  });

  it.each([
    ['minimal', true],
    ['high', true],
    ['High', false],
    ['none', false],
    ['', false],
  ])('isThinkingLevel(%j) is %s', (text, expected) => {
    expect(isThinkingLevel(text)).toBe(expected);
  });
});
