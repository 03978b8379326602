import { describe, expect, it } from 'vitest';
import { canDisableThinking, isSameModel } from '../../src/analysis/index.js';

describe('isSameModel', () => {
  it.each([
    ['gemini-2.5-flash', 'gemini-2.5-flash'],
    ['gemini-2.5-flash', 'gemini-2.5-flash-preview-05-20'],
    ['gemini-2.5-pro-preview-06-05', 'gemini-2.5-pro'],
    ['models/gemini-2.0-flash', 'gemini-2.0-flash-001'],
    ['gemini-flash-latest', 'gemini-3.6-flash'],
    ['gemini-flash-lite-latest', 'gemini-2.5-flash-lite-preview-09-2025'],
  ])('accepts %s answered as %s', (requested, reported) => {
    expect(isSameModel(requested, reported)).toBe(true);
  });

  it.each([
    ['gemini-2.5-flash', 'gemini-2.0-flash-lite'],
    ['gemini-2.5-flash', 'gemini-2.5-flash-lite'],
    ['gemini-2.5-pro', 'gemini-2.5-flash'],
    ['gemini-flash-latest', 'gemini-2.0-flash-lite'],
    ['gemini-flash-latest', 'gemini-3-pro-preview'],
  ])('rejects %s answered as %s', (requested, reported) => {
    expect(isSameModel(requested, reported)).toBe(false);
  });
});

describe('canDisableThinking', () => {
  it('knows that 2.5 Pro and 3 Pro cannot turn thinking off and Flash can', () => {
    expect(canDisableThinking('gemini-2.5-pro')).toBe(false);
    expect(canDisableThinking('gemini-3-pro-preview')).toBe(false);
    expect(canDisableThinking('gemini-2.5-flash')).toBe(true);
    expect(canDisableThinking('gemini-2.5-flash-lite')).toBe(true);
  });
});
