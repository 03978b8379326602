import { describe, expect, it } from 'vitest';
import { errorsInGoogleShapeVerdict } from '../../src/analysis/verdicts/errorsInGoogleShape.js';
import type { ErrorShape } from '../../src/runfolder/details.js';
import type { RequestRow } from '../../src/runfolder/columns.js';
import type { JobDetail } from '../../src/runfolder/details.js';

/** The verdict's evidence counts error bodies by shape name; only Google's exact shape passes. */
function verdictFor(attempts: ErrorShape[][]) {
  const rows = attempts.map((_, index) => ({ job_id: `j${index}`, status: 'error' }) as unknown as RequestRow);
  const details = new Map<string, JobDetail>(
    attempts.map((shapes, index) => [
      `j${index}`,
      {
        job_id: `j${index}`,
        relay: 'r',
        error_shape: shapes.at(-1),
        attempt_error_shapes: shapes,
        timeout: undefined,
        mid_stream: false,
        retry_wait_ms: 0,
        usage_present: false,
        thought_text: undefined,
        t0_epoch_ms: 0,
      },
    ]),
  );
  return errorsInGoogleShapeVerdict({
    relay: 'r',
    rows,
    detailOf: (row) => details.get(String(row.job_id)),
    includeThoughts: undefined,
    peers: new Map([['r', rows]]),
    reference: undefined,
    generationConfig: undefined,
  });
}

describe("errors in Google's shape: evidence by shape name", () => {
  it.each<[string, ErrorShape[][], 'pass' | 'fail' | 'n/a', string]>([
    ['all Google', [['google'], ['google', 'google']], 'pass', "0 of 3 error bodies were not Google's JSON: google ×3"],
    ['a wrapped Google error fails', [['google-wrapped'], ['google']], 'fail', "1 of 2 error bodies were not Google's JSON"],
    ['named shapes are counted apart', [['openai'], ['openai'], ['html'], ['empty'], ['fastapi-detail']], 'fail', 'openai ×2'],
    ['a look-alike fails', [['google-lookalike']], 'fail', 'google-lookalike ×1'],
    ['no body at all is not judged', [['none'], ['none']], 'n/a', '2 failed attempts, none with a body'],
    ['no body is left out of the count', [['none'], ['google']], 'pass', "0 of 1 error bodies were not Google's JSON"],
  ])('%s', (_label, attempts, verdict, evidence) => {
    const result = verdictFor(attempts);
    expect(result.verdict).toBe(verdict);
    expect(result.evidence).toContain(evidence);
  });
});
