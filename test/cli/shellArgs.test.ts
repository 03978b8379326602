import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_FILTER } from '../../src/plan/filter.js';
import { displayPath, quoteArg, resumeCommand } from '../../src/cli/shellArgs.js';

describe('quoteArg', () => {
  it.each([
    ['suites/demo.yaml', 'suites/demo.yaml'],
    ['runs/2026-11-30T10:00:00Z', 'runs/2026-11-30T10:00:00Z'],
    ['a@b%c+d=e,f', 'a@b%c+d=e,f'],
    ['my runs/x', "'my runs/x'"],
    ["it's", "'it'\\''s'"],
    ['$HOME/x', "'$HOME/x'"],
    ['a;rm -rf b', "'a;rm -rf b'"],
    ['`id`', "'`id`'"],
    ['*.yaml', "'*.yaml'"],
    ['', "''"],
    ['tab\there', "'tab\there'"],
    ['new\nline', "'new\nline'"],
    ['naïve', "'naïve'"],
  ])('%j → %s', (value, quoted) => {
    expect(quoteArg(value)).toBe(quoted);
  });
});

describe('resumeCommand', () => {
  it('quotes the suite and the folder', () => {
    expect(resumeCommand("my suite's.yaml", 'runs/a b', undefined, NO_FILTER)).toBe("relaybench run 'my suite'\\''s.yaml' --resume 'runs/a b'");
  });

  it('repeats the shard and the filter flags', () => {
    const filter = { ...NO_FILTER, relay: ['honest'], case: ['sum-*'] };
    expect(resumeCommand('s.yaml', 'out', { index: 2, count: 3 }, filter)).toBe("relaybench run s.yaml --resume out --shard 2/3 --relay honest --case 'sum-*'");
  });
});

describe('displayPath', () => {
  it.each([
    [process.cwd(), '.'],
    [join(process.cwd(), 'runs', 'x'), join('runs', 'x')],
    ['/nowhere-near/runs', '/nowhere-near/runs'],
  ])('%s → %s', (path, shown) => {
    expect(displayPath(path)).toBe(shown);
  });
});
