import { describe, expect, it } from 'vitest';
import { parseRunManifestLenient } from '../../src/analysis/index.js';
import { judgeSection } from '../../src/report/html/judgeSection.js';

/** The report's Judge section from run.json's `judge` record: every member of the record as it may be written. */
const base = {
  relay: 'grader',
  model: 'gemini-2.5-flash',
  repeats: 3,
  calls: 69,
  failedCalls: {},
  tokens: { prompt: 13851, thought: 0, answer: 1272 },
  costUsd: 0.007335,
  decided: 96,
  undecided: 0,
  reused: 73,
  meanAgreement: 1,
  template: { source: 'built-in prompt-v1', sha256: 'a'.repeat(64) },
};

function cells(judge: unknown): string {
  const table = judgeSection(parseRunManifestLenient({ judge }).judge);
  return table === undefined ? '' : table.toString();
}

describe('judgeSection', () => {
  it.each([
    ['a complete record', base, ['<th scope="row">calls</th><td>69</td>', '13,851 prompt + 0 thought + 1,272 answer', '$0.00734', '100%', 'a'.repeat(64), '<td>73</td>']],
    ['failed calls by kind', { ...base, failedCalls: { timeout: 2, 'http 429': 1 } }, ['<td>3 (timeout ×2, http 429 ×1)</td>']],
    ['no price for the judge', { ...base, costUsd: null }, ['unknown (no price for the judge model)']],
    ['one vote per answer', { ...base, repeats: 1, meanAgreement: null }, ['n/a (one vote per answer)']],
    ['an old record without tokens or template', { relay: 'grader', calls: 4 }, ['<td>4</td>', '– prompt + – thought + – answer', '<th scope="row">prompt sha256</th><td>–</td>']],
  ])('%s', (_name, judge, expected) => {
    const text = cells(judge);
    for (const part of expected) expect(text).toContain(part);
  });

  it('escapes everything read from run.json', () => {
    const text = cells({
      ...base,
      relay: '<script>alert(1)</script>',
      model: '"><img src=x onerror=alert(1)>',
      failedCalls: { '<b>kind</b>': 1 },
      template: { source: '<iframe>', sha256: '&lt;' },
    });
    expect(text).not.toMatch(/<script|<img|<iframe|<b>/);
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(text).toContain('&amp;lt;');
  });

  it('no record, or one of the wrong type: no section, the rest of run.json still read', () => {
    expect(judgeSection(parseRunManifestLenient({ runId: 'r' }).judge)).toBeUndefined();
    const manifest = parseRunManifestLenient({ runId: 'r', judge: 'not an object' });
    expect(manifest.runId).toBe('r');
    expect(judgeSection(manifest.judge)).toBeUndefined();
  });
});
