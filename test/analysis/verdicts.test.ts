import { describe, expect, it } from 'vitest';
import { relayVerdicts, VERDICT_KEYS, type RelayVerdict, type VerdictKey } from '../../src/analysis/index.js';
import { syntheticManifest, syntheticRow, syntheticRun, type Behaviour } from './syntheticRun.js';

const RELAYS: ReadonlyArray<{ name: string; behaviour: Behaviour; fails: VerdictKey | undefined }> = [
  { name: 'honest', behaviour: 'honest', fails: undefined },
  { name: 'fake', behaviour: 'fake-stream', fails: 'streams' },
  { name: 'ignorer', behaviour: 'budget-ignorer', fails: 'honoursBudget' },
  { name: 'stripper', behaviour: 'thought-stripper', fails: 'returnsThoughts' },
  { name: 'swapper', behaviour: 'model-swapper', fails: 'modelAsAsked' },
  { name: 'no-usage', behaviour: 'no-usage', fails: 'usageAddsUp' },
  { name: 'html', behaviour: 'html-errors', fails: 'errorsInGoogleShape' },
];

const run = syntheticRun(RELAYS);
const verdicts = relayVerdicts(run.rows, run.details, run.manifest);
const verdictOf = (relay: string): RelayVerdict => {
  const found = verdicts.find((entry) => entry.relay === relay);
  if (found === undefined) throw new Error(`no verdict for ${relay}`);
  return found;
};

describe('relayVerdicts on relays that each misbehave in one way', () => {
  it('returns one row per relay, in the suite order', () => {
    expect(verdicts.map((entry) => entry.relay)).toEqual(RELAYS.map((relay) => relay.name));
  });

  it('passes the honest relay on every verdict the run can judge', () => {
    const honest = verdictOf('honest');
    // This run sets no maxOutputTokens or stopSequences, so config_honoured cannot judge.
    for (const key of VERDICT_KEYS.filter((check) => check !== 'configHonoured')) expect(honest[key].verdict, `${key}: ${honest[key].evidence}`).toBe('pass');
    expect(honest.configHonoured.verdict).toBe('n/a');
  });

  for (const relay of RELAYS.filter((entry) => entry.fails !== undefined)) {
    it(`fails ${relay.name} on ${relay.fails} and on nothing else`, () => {
      const verdict = verdictOf(relay.name);
      const failed = VERDICT_KEYS.filter((key) => verdict[key].verdict === 'fail');
      expect(failed).toEqual([relay.fails]);
    });
  }

  it('puts the deciding numbers in the evidence', () => {
    expect(verdictOf('fake').streams.evidence).toMatch(/^36 of 36 multi-chunk responses arrived in one burst/);
    expect(verdictOf('honest').streams.evidence).toContain('0 of 36');
    expect(verdictOf('ignorer').honoursBudget.evidence).toContain('fixed budgets: 18 of 18 responses over budget');
    expect(verdictOf('ignorer').honoursBudget.evidence).toContain('budget 0: 9 of 9 responses still thought (median 1125 thought tokens)');
    expect(verdictOf('stripper').returnsThoughts.evidence).toBe('27 of 27 responses that billed thought tokens carried no thought part');
    expect(verdictOf('swapper').modelAsAsked.evidence).toBe('36 of 36 responses report another model: gemini-2.0-flash-lite ×36 (asked gemini-2.5-flash)');
    expect(verdictOf('no-usage').usageAddsUp.evidence).toBe('usage missing on all 36 successful responses');
    expect(verdictOf('html').errorsInGoogleShape.evidence).toBe("2 of 2 error bodies were not Google's JSON: html ×2");
    expect(verdictOf('honest').errorsInGoogleShape.evidence).toBe("0 of 2 error bodies were not Google's JSON: google ×2");
  });

  it('does not judge budgets on the no-usage relay, where thought tokens are unknown', () => {
    expect(verdictOf('no-usage').honoursBudget.verdict).toBe('n/a');
  });
});

describe('relayVerdicts thresholds', () => {
  it('tolerates an occasional slight overflow of the budget, as Google documents', () => {
    const { rows, details, manifest } = syntheticRun([{ name: 'honest', behaviour: 'honest' }]);
    const overflowing = rows.find((row) => row.thinking_budget === '1024' && row.status === 'ok' && row.thought_tokens === '900');
    if (overflowing === undefined) throw new Error('fixture changed: no 900-token row at budget 1024');
    overflowing.thought_tokens = '1100';
    overflowing.total_tokens = String(12 + 60 + 1100);
    const [verdict] = relayVerdicts(rows, details, manifest);
    expect(verdict?.honoursBudget.verdict).toBe('pass');
    expect(verdict?.honoursBudget.evidence).toContain('highest 1100 thought tokens at budget 1024');
  });

  it('does not expect budget 0 to turn thinking off on 2.5 Pro', () => {
    const { rows, details, manifest } = syntheticRun([{ name: 'pro', behaviour: 'budget-ignorer' }]);
    const proRows = rows.filter((row) => row.thinking_budget === '0' || row.thinking_budget === '-1').map((row) => ({ ...row, model: 'gemini-2.5-pro' }));
    const [verdict] = relayVerdicts(proRows, details, manifest);
    expect(verdict?.honoursBudget.verdict).toBe('n/a');
  });

  it('says n/a for returned thoughts when includeThoughts was off', () => {
    const { rows, details } = syntheticRun([{ name: 'stripper', behaviour: 'thought-stripper' }]);
    const [verdict] = relayVerdicts(rows, details, syntheticManifest(['stripper'], rows.length, false));
    expect(verdict?.returnsThoughts).toEqual({ verdict: 'n/a', evidence: 'includeThoughts was not set, so no thought parts were asked for' });
  });

  it('says n/a for error shapes when there were no errors, and for streaming on one-chunk answers', () => {
    const row = syntheticRow({ relay: 'solo', behaviour: 'honest', caseIndex: 0, budget: 0, repeat: 1 });
    row.chunks = '1';
    const [verdict] = relayVerdicts([row], [], syntheticManifest(['solo'], 1));
    expect(verdict?.errorsInGoogleShape.verdict).toBe('n/a');
    expect(verdict?.streams.verdict).toBe('n/a');
  });

  it('fails usage when the parts do not add up to the total', () => {
    const { rows, details, manifest } = syntheticRun([{ name: 'inflating', behaviour: 'honest' }]);
    const target = rows.find((row) => row.status === 'ok' && row.thought_tokens === '600');
    if (target === undefined) throw new Error('fixture changed');
    target.total_tokens = '999';
    const [verdict] = relayVerdicts(rows, details, manifest);
    expect(verdict?.usageAddsUp.verdict).toBe('fail');
    expect(verdict?.usageAddsUp.evidence).toContain('(e.g. 12 + 6 + 600 ≠ 999)');
  });

  it('uses total_tokens to tell whether usage was present when details.jsonl is missing', () => {
    const { rows, manifest } = syntheticRun([
      { name: 'honest', behaviour: 'honest' },
      { name: 'no-usage', behaviour: 'no-usage' },
    ]);
    const [honest, noUsage] = relayVerdicts(rows, [], manifest);
    expect(honest?.usageAddsUp.verdict).toBe('pass');
    expect(noUsage?.usageAddsUp.verdict).toBe('fail');
    expect(honest?.errorsInGoogleShape.verdict).toBe('n/a');
  });
});
