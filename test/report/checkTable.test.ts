import { describe, expect, it } from 'vitest';
import { createMetricsFold } from '../../src/metrics/fold.js';
import type { RelayCheck } from '../../src/check/probe.js';
import { formatCheckTable } from '../../src/check/table.js';

/**
 * `check` against the demo's model-swap relay said "OK" and nothing else while the answer came
 * from gemini-2.0-flash-lite; the run's "model as asked" verdict then failed it. Each row: the
 * model asked, the modelVersion served, and whether check says so.
 */
function answered(model: string, modelVersion: string | undefined): RelayCheck {
  return {
    relay: 'r',
    origin: 'https://relay.example',
    model,
    httpStatus: 200,
    contentType: 'text/event-stream',
    metrics: { ...createMetricsFold(0).result(), chunks: 3, ...(modelVersion === undefined ? {} : { modelVersion }) },
    chunkArrivals: 3,
    failure: undefined,
  };
}

describe('check names an answer from another model', () => {
  it.each<[asked: string, served: string | undefined, note: RegExp | undefined]>([
    ['gemini-2.5-flash', 'gemini-2.0-flash-lite', /r: answered as gemini-2\.0-flash-lite, not the gemini-2\.5-flash asked for/],
    ['gemini-2.5-pro', 'gemini-2.5-flash', /r: answered as gemini-2\.5-flash, not the gemini-2\.5-pro asked for/],
    ['gemini-2.5-flash', 'gemini-2.5-flash-lite', /answered as gemini-2\.5-flash-lite/],
    ['gemini-2.5-flash', 'gemini-2.5-flash', undefined],
    ['gemini-2.5-flash', 'gemini-2.5-flash-preview-05-20', undefined],
    ['gemini-2.0-flash', 'gemini-2.0-flash-001', undefined],
    ['gemini-2.5-flash', 'models/gemini-2.5-flash', undefined],
  ])('asked %s, served %s', (asked, served, note) => {
    const { text, failed } = formatCheckTable([answered(asked, served)], (line) => line);
    // Still an answer: check's exit code counts relays that did not answer.
    expect(failed).toBe(0);
    if (note === undefined) expect(text).not.toMatch(/answered as/);
    else expect(text).toMatch(note);
  });
});
