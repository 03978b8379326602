import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keptCostUsd, previousCapSpentUsd } from '../../src/runfolder/keptCost.js';

const dir = mkdtempSync(join(tmpdir(), 'kept-cost-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runJson(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('previousCapSpentUsd', () => {
  it.each([
    ['a capped session', '{"spendingCap":{"spentUsd":0.25}}', 0.25],
    ['no cap', '{"rows":3}', 0],
    ['a string', '{"spendingCap":{"spentUsd":"0.25"}}', 0],
    ['a negative', '{"spendingCap":{"spentUsd":-1}}', 0],
    ['null', '{"spendingCap":null}', 0],
    ['torn JSON', '{"spendingCap":{"spent', 0],
    ['an empty file', '', 0],
  ])('%s', (name, text, spent) => {
    expect(previousCapSpentUsd(runJson(`${name}.json`, text))).toBe(spent);
  });

  it('is 0 without a run.json', () => {
    expect(previousCapSpentUsd(join(dir, 'absent.json'))).toBe(0);
  });
});

describe('keptCostUsd', () => {
  const rows = [{ cost_usd: '0.1' }, { cost_usd: '' }, { cost_usd: undefined }, { cost_usd: 'x' }, { cost_usd: '0.05' }];

  it('sums the rows when run.json counted less', () => {
    expect(keptCostUsd(rows, runJson('less.json', '{"spendingCap":{"spentUsd":0.1}}'))).toBeCloseTo(0.15, 12);
  });

  it('takes run.json when the last session counted more than the rows show (warm-ups, worst cases)', () => {
    expect(keptCostUsd(rows, runJson('more.json', '{"spendingCap":{"spentUsd":0.4}}'))).toBe(0.4);
  });
});
