import { REDACTED, type Redactor } from '../client/redact.js';
import type { Suite } from '../suite/types.js';
import { emulatorSampleHeaders } from './emulatorHost.js';
import { createJudging, type Judging } from './judging.js';
import type { JudgeReport } from '../runfolder/details.js';
import { createPriceBook } from './pricing.js';
import { abortableSleep } from './abortableSleep.js';

/** The API key of the judge relay, for the run's redactor (an inline judge relay is not among the suite's relays). */
export function judgeSecrets(suite: Pick<Suite, 'judge'>): Array<string | undefined> {
  return suite.judge === undefined ? [] : [suite.judge.relay.apiKey];
}

/**
 * The run's judge, when the suite has a `judge:` block: call after the emulator has started
 * (an emulated judge relay's baseUrl is set then). Its calls use the run's redactor, the
 * interruption's abort signal and the suite's seed.
 */
export function startJudging(suite: Suite, redact: Redactor, signal: AbortSignal, onSpentUsd?: (usd: number) => void): Judging | undefined {
  if (suite.judge === undefined) return undefined;
  return createJudging(suite.judge, {
    suite,
    redact,
    clock: () => performance.now(),
    signal,
    sleep: abortableSleep,
    sampleHeader: emulatorSampleHeaders(suite.judge.relay),
    seed: suite.seed,
    ...(onSpentUsd === undefined ? {} : { onSpentUsd }),
  });
}

/** `relay (model)` of the judge when no price is known for it (its cost stays unknown), else undefined. */
export function unpricedJudge(suite: Pick<Suite, 'judge' | 'prices'>): string | undefined {
  if (suite.judge === undefined) return undefined;
  const book = createPriceBook({ relays: [suite.judge.relay], prices: suite.prices });
  return book.unpriced([{ relay: suite.judge.relay.name, model: suite.judge.model }])[0];
}

/** run.json's `judge`: the report, plus an inline judge relay's resolved settings without its key. */
export function judgeRecord(suite: Pick<Suite, 'judge'>, report: JudgeReport): Record<string, unknown> {
  const relay = suite.judge?.relay;
  if (suite.judge?.inlineRelay !== true || relay === undefined) return { ...report };
  const { apiKey, headers, ...rest } = relay;
  return {
    ...report,
    inlineRelay: { ...rest, apiKey: apiKey === undefined ? undefined : REDACTED, headers: Object.fromEntries(Object.keys(headers).map((name) => [name, REDACTED])) },
  };
}
