import { sendAttempt } from '../client/attempt.js';
import { createDispatcher } from '../client/dispatcher.js';
import { primeHttpParser } from '../client/primeParser.js';
import type { Redactor } from '../client/redact.js';
import type { Clock, RequestFailure } from '../client/types.js';
import { createMetricsFold, type MetricsFold } from '../metrics/fold.js';
import type { StreamMetrics } from '../metrics/types.js';
import { checkJobOf } from '../plan/checkJob.js';
import { judgeNodesOf, parseJudgeVerdict, rubricOf } from '../grade/index.js';
import { judgeJob, judgeTemplateOf } from '../run/judgeRequest.js';
import { buildHttpRequest } from '../plan/request.js';
import type { Job } from '../plan/types.js';
import type { ResolvedRelay, Suite } from '../suite/types.js';

/** What one `relaybench check` request to a relay found. Times in ms from the request's t0. */
export interface RelayCheck {
  relay: string;
  /** `scheme://host[:port]` of the relay: never a path or query, so never a key. */
  origin: string;
  model: string;
  httpStatus: number | undefined;
  contentType: string | undefined;
  metrics: StreamMetrics;
  /** Distinct arrival times of Gemini chunks: 1 means the whole answer came in one transport read. */
  chunkArrivals: number;
  /** Undefined when the relay answered; already redacted. */
  failure: RequestFailure | undefined;
  /** The judge row only: why its answer is not a usable verdict (not JSON, no `pass`…); undefined when it is. */
  judgeProblem?: string;
}

/**
 * What `checkRelays` and `checkJudge` need: the `redact` function that removes keys from anything
 * shown, the `clock` (ms, monotonic; injected so tests control time), per-relay extra request headers
 * (the emulator's sample seed; undefined for a real relay) and an optional AbortSignal (Ctrl-C).
 */
export interface CheckRelaysOptions {
  redact: Redactor;
  clock: Clock;
  /** Extra headers per relay (the emulator's sample seed). */
  sampleHeaders: (relay: ResolvedRelay) => ((job: Job, attempt: number) => Record<string, string>) | undefined;
  signal?: AbortSignal;
}

/**
 * Sends each relay its check request ({@link checkJobOf}) once, all relays at once, without
 * retries (a check reports what the first request meets). Never throws for a relay's failure: it
 * is in that relay's `failure`.
 */
export async function checkRelays(suite: Suite, options: CheckRelaysOptions): Promise<RelayCheck[]> {
  // Time to first token is shown: keep the HTTP parser's one-time compilation out of it.
  await primeHttpParser();
  return Promise.all(suite.relays.map((relay) => checkRelay(suite, relay, options)));
}

/**
 * The judge's check when the suite has a `judge:` block: one judge request (one vote) grading a
 * short answer to the suite's first judged case (the emulator's judge knows its rubric), in the
 * row `judge (<relay>)`. The answer must parse as a verdict (grade/judge/verdict.ts), else
 * `judgeProblem` says why. Undefined without a judge. Never throws for the relay's failure.
 */
export async function checkJudge(suite: Suite, options: CheckRelaysOptions): Promise<RelayCheck | undefined> {
  const judge = suite.judge;
  if (judge === undefined) return undefined;
  const judged = suite.cases.find((testCase) => judgeNodesOf(testCase.expect).length > 0);
  const node = judged === undefined ? undefined : judgeNodesOf(judged.expect)[0];
  const item = {
    caseId: judged?.id ?? 'check',
    question: judged?.prompt ?? 'What is 2 + 2?',
    rubric: node === undefined ? 'Says that the sum is 4.' : rubricOf(node).rubric,
    answer: 'This is relaybench check testing the judge; grade it as it deserves.',
  };
  const job = judgeJob(judge, judgeTemplateOf(judge), item, 1);
  const check = await checkRelay(suite, judge.relay, options, job, `judge (${judge.relay.name})`);
  if (check.failure !== undefined) return check;
  const verdict = parseJudgeVerdict(check.metrics.answerText);
  return verdict.ok ? check : { ...check, judgeProblem: options.redact(verdict.problem) };
}

async function checkRelay(suite: Suite, relay: ResolvedRelay, options: CheckRelaysOptions, job: Job = checkJobOf(suite, relay), name = relay.name): Promise<RelayCheck> {
  const base = buildHttpRequest(relay, job);
  const extra = options.sampleHeaders(relay)?.(job, 1);
  const httpRequest = extra === undefined ? base : { ...base, headers: { ...base.headers, ...extra } };
  const dispatcher = createDispatcher({ connectTimeoutMs: relay.timeouts.connectMs, proxy: relay.proxy, connections: 1 });
  let fold: MetricsFold | undefined;
  let contentType: string | undefined;
  const arrivals = new Set<number>();
  try {
    const outcome = await sendAttempt(httpRequest, {
      framing: relay.stream,
      timeouts: checkTimeouts(relay),
      maxBodyBytes: relay.maxBodyBytes,
      dispatcher,
      clock: options.clock,
      signal: options.signal,
      redact: options.redact,
      onStart: (t0Ms) => {
        fold = createMetricsFold(t0Ms);
      },
      onEvent: (event) => {
        if (event.type === 'headers') contentType = event.contentType;
        if (event.type === 'chunk') arrivals.add(event.atMs);
        fold?.add(event);
      },
    });
    const metrics = (fold ?? createMetricsFold(outcome.t0Ms)).result();
    const blocked: RequestFailure | undefined =
      outcome.failure === undefined && metrics.blockReason !== undefined && metrics.answerText === ''
        ? { kind: 'blocked', message: `prompt blocked: ${metrics.blockReason}`, httpStatus: outcome.httpStatus, shape: 'none', midStream: false }
        : undefined;
    return {
      relay: name,
      origin: originOf(relay.baseUrl),
      model: job.model,
      httpStatus: outcome.httpStatus,
      contentType,
      metrics,
      chunkArrivals: arrivals.size,
      failure: outcome.failure ?? blocked,
    };
  } finally {
    await dispatcher.close().catch(() => undefined);
  }
}

/** The origin of a base URL; the URL itself may carry a key in its query. */
function originOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).origin;
  } catch {
    return '?';
  }
}

/** A check waits at most this long for headers or between chunks, and for the whole request: it should answer in seconds. */
export const CHECK_WAIT_LIMIT_MS = { firstByteMs: 30_000, idleMs: 30_000, totalMs: 60_000 } as const;

/** The relay's timeouts, capped by {@link CHECK_WAIT_LIMIT_MS}, so a hung relay cannot hold `check` for minutes. */
function checkTimeouts(relay: ResolvedRelay): ResolvedRelay['timeouts'] {
  const { timeouts } = relay;
  return {
    connectMs: timeouts.connectMs,
    firstByteMs: Math.min(timeouts.firstByteMs, CHECK_WAIT_LIMIT_MS.firstByteMs),
    idleMs: Math.min(timeouts.idleMs, CHECK_WAIT_LIMIT_MS.idleMs),
    totalMs: Math.min(timeouts.totalMs, CHECK_WAIT_LIMIT_MS.totalMs),
  };
}
