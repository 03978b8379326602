import type { JudgeReport } from '../runfolder/details.js';
import type { Dispatcher } from 'undici';
import { createDispatcher } from '../client/dispatcher.js';
import type { Redactor } from '../client/redact.js';
import type { Clock, RequestFailure } from '../client/types.js';
import { decideByVote, grade, judgeNodesOf, parseJudgeVerdict, rubricOf, type Grade, type JudgeCallResult, type JudgeExpectation } from '../grade/index.js';
import type { Job } from '../plan/types.js';
import { createRandom } from '../stats/random.js';
import type { Case, JudgeSettings, Suite } from '../suite/types.js';
import { executeJob } from './execute.js';
import { judgeJob, judgeKeyOf, judgeTemplateOf, type JudgeTemplate } from './judgeRequest.js';
import { createPriceBook } from './pricing.js';

/** What the judge needs from the run: the suite, redaction, clock, abort signal, sleep, seed and cost callback. */
export interface JudgingOptions {
  suite: Pick<Suite, 'judge' | 'prices'>;
  redact: Redactor;
  clock: Clock;
  /** Aborts judge calls in flight (the run's second Ctrl-C). */
  signal: AbortSignal;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** The emulator's per-sample header for the judge relay, when it is emulated. */
  sampleHeader: ((job: Job, attempt: number) => Record<string, string>) | undefined;
  seed: number;
  /** Called with each judge call's USD as it finishes (`--max-cost` counts the judge too). */
  onSpentUsd?: (usd: number) => void;
}

/** Grades answers whose expectation holds a `judge`; see createJudging. */
export interface Judging {
  /** The grade of an answer once the judge has spoken; undefined when the case holds no judge (grade it synchronously). */
  gradeAnswer(testCase: Case | undefined, answer: string): Promise<Grade | undefined> | undefined;
  report(): JudgeReport;
  close(): Promise<void>;
}

/**
 * The judge as the runner sees it. Each judged answer's votes are sent as it arrives, under the
 * judge's own concurrency (so measured requests keep their slots and wall time does not double);
 * identical (question, rubric, answer) triples share one set of votes. A call that times out,
 * fails, is blocked or answers off-schema is a failed vote with a reason, never an exception.
 */
export function createJudging(judge: JudgeSettings, options: JudgingOptions): Judging {
  const template: JudgeTemplate = judgeTemplateOf(judge);
  const dispatcher: Dispatcher = createDispatcher({ connectTimeoutMs: judge.relay.timeouts.connectMs, proxy: judge.relay.proxy, connections: judge.concurrency });
  const prices = createPriceBook({ relays: [judge.relay], prices: options.suite.prices });
  const random = createRandom(options.seed);
  const limit = createLimit(judge.concurrency);
  const votesByKey = new Map<string, Promise<JudgeCallResult[]>>();
  const report: JudgeReport = {
    relay: judge.relay.name,
    model: judge.model,
    thinking: judge.thinking,
    repeats: judge.repeats,
    concurrency: judge.concurrency,
    template: { source: template.source, sha256: template.sha256 },
    calls: 0,
    failedCalls: {},
    tokens: { prompt: 0, thought: 0, answer: 0 },
    costUsd: prices.unpriced([{ relay: judge.relay.name, model: judge.model }]).length === 0 ? 0 : null,
    decided: 0,
    undecided: 0,
    reused: 0,
    meanAgreement: null,
  };
  const agreements: number[] = [];

  // The judge relay's `rpm` spaces judge calls too (60 000 / rpm ms apart, in the order they start).
  const spacingMs = judge.relay.rpm === undefined ? 0 : 60_000 / judge.relay.rpm;
  let nextStartAtMs = Number.NEGATIVE_INFINITY;
  const call = async (job: Job): Promise<JudgeCallResult> => {
    if (spacingMs > 0) {
      const now = options.clock();
      const startAt = Math.max(now, nextStartAtMs);
      nextStartAtMs = startAt + spacingMs;
      if (startAt > now) await options.sleep(startAt - now, options.signal);
    }
    report.calls += 1;
    const outcome = await executeJob(job, {
      relay: judge.relay,
      dispatcher,
      clock: options.clock,
      random,
      redact: options.redact,
      signal: options.signal,
      sleep: options.sleep,
      sampleHeader: options.sampleHeader,
    });
    const metrics = outcome.metrics;
    report.tokens.prompt += metrics.promptTokens ?? 0;
    report.tokens.thought += metrics.thoughtTokens ?? 0;
    report.tokens.answer += metrics.answerTokens ?? 0;
    const cost = outcome.attempts === 0 ? undefined : prices.costOf(job, metrics);
    if (report.costUsd !== null && cost !== undefined) report.costUsd += cost;
    if (cost !== undefined) options.onSpentUsd?.(cost);
    const failed = (kind: string, problem: string): JudgeCallResult => {
      report.failedCalls[kind] = (report.failedCalls[kind] ?? 0) + 1;
      return { ok: false, problem: options.redact(problem) };
    };
    if (outcome.failure !== undefined) return failed(failureKind(outcome.failure), describeFailure(outcome.failure, outcome.attempts));
    if (metrics.answerText.trim() === '' && metrics.finishReason !== undefined && metrics.finishReason !== 'STOP') {
      return failed('refused', `refused: no answer (finishReason ${metrics.finishReason})`);
    }
    const parsed = parseJudgeVerdict(metrics.answerText);
    return parsed.ok ? parsed : failed('off-schema', parsed.problem);
  };

  const votesFor = (caseId: string, question: string, rubric: string, answer: string): Promise<JudgeCallResult[]> => {
    const item = { caseId, question, rubric, answer };
    const key = judgeKeyOf(item);
    const known = votesByKey.get(key);
    if (known !== undefined) {
      report.reused += 1;
      return known;
    }
    const votes = Promise.all(Array.from({ length: judge.repeats }, (_, index) => limit(() => call(judgeJob(judge, template, item, index + 1)))));
    votesByKey.set(key, votes);
    return votes;
  };

  return {
    gradeAnswer(testCase, answer) {
      const nodes = judgeNodesOf(testCase?.expect);
      if (testCase === undefined || nodes.length === 0) return undefined;
      const question = testCase.prompt ?? '';
      return Promise.all(
        nodes.map(async (node) => {
          const rubric = rubricOf(node);
          const outcome = decideByVote(await votesFor(testCase.id, question, rubric.rubric, answer), rubric.threshold);
          if (outcome.decision.pass === undefined) report.undecided += 1;
          else report.decided += 1;
          if (outcome.agreement !== undefined && outcome.votes > 1) agreements.push(outcome.agreement);
          return [node, outcome.decision] as const;
        }),
      ).then((decided) => {
        const decisions = new Map<JudgeExpectation, Grade>(decided);
        return grade(answer, testCase.expect, (node) => decisions.get(node));
      });
    },
    report() {
      const meanAgreement = agreements.length === 0 ? null : Math.round((agreements.reduce((sum, value) => sum + value, 0) / agreements.length) * 1000) / 1000;
      return { ...report, costUsd: report.costUsd === null ? null : Math.round(report.costUsd * 1e6) / 1e6, meanAgreement };
    },
    async close() {
      await dispatcher.close().catch(() => undefined);
    },
  };
}

/** The failed-call tally's key: the error kind, with the status for HTTP errors (`http 429`). */
function failureKind(failure: RequestFailure): string {
  if (failure.kind === 'http') return `http ${failure.httpStatus ?? '?'}`;
  if (failure.kind === 'blocked') return 'refused';
  return failure.kind;
}

/** A failed call's reason as the row's grader_reason shows it (already redacted by the client). */
function describeFailure(failure: RequestFailure, attempts: number): string {
  const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
  switch (failure.kind) {
    case 'timeout':
      return `timed out (${failure.timeout ?? 'limit'})${tries}`;
    case 'blocked':
      return `refused: ${failure.message}`;
    case 'aborted':
      return 'call interrupted';
    default:
      return `call failed${tries}: ${failure.message}`;
  }
}

/** At most `max` tasks at once, started in call order (a plain FIFO semaphore). */
function createLimit(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  // A finishing task hands its slot straight to the next waiter, so no newcomer slips in between.
  const release = (): void => {
    const next = waiting.shift();
    if (next === undefined) active -= 1;
    else next();
  };
  return async (task) => {
    if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    else active += 1;
    try {
      return await task();
    } finally {
      release();
    }
  };
}
