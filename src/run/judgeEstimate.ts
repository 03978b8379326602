import { costUsd, estimatePromptTokens, outputCeilingTokens, requestText, resolvePricing } from '../cost/index.js';
import { judgeNodesOf, rubricOf } from '../grade/index.js';
import { thinkingLongLabel } from '../plan/thinking.js';
import type { Job } from '../plan/types.js';
import type { Suite } from '../suite/types.js';
import { judgeJob, judgeTemplateOf, type JudgeTemplate } from './judgeRequest.js';
import { formatUsd } from '../format/index.js';

/** The judge's cost range before a run; USD undefined when no price is known for its model. */
export interface JudgeCostEstimate {
  relay: string;
  model: string;
  /** Where the price comes from, or `no price for <model>`. */
  price: string;
  /** Judged answers (one per judged job and `judge` node) × repeats: judge calls at most. */
  calls: number;
  lowUsd: number | undefined;
  highUsd: number | undefined;
  template: JudgeTemplate;
}

/**
 * The judge's cost range for a plan: judged answers × repeats × the judge prompt (template +
 * question + rubric + answer), all priced as input tokens at ~4 characters per token
 * (cost/estimate.ts). Low assumes an empty answer; high an answer at the judged job's output
 * ceiling (its `maxOutputTokens`, or the model's cap). The judge's own short JSON verdict and any
 * reuse of identical answers are not counted. Undefined when the suite has no judge. Pure apart
 * from reading the built-in template file (throws if the install lacks it).
 */
export function estimateJudgeCost(suite: Pick<Suite, 'judge' | 'prices' | 'cases'>, jobs: readonly Job[]): JudgeCostEstimate | undefined {
  const judge = suite.judge;
  if (judge === undefined) return undefined;
  const template = judgeTemplateOf(judge);
  const resolved = resolvePricing(judge.model, judge.relay.price, suite.prices ?? {});
  const cases = new Map(suite.cases.map((testCase) => [testCase.id, testCase]));
  let calls = 0;
  let low = 0;
  let high = 0;
  for (const job of jobs) {
    const testCase = cases.get(job.caseId);
    for (const node of judgeNodesOf(testCase?.expect)) {
      const item = { caseId: job.caseId, question: testCase?.prompt ?? '', rubric: rubricOf(node).rubric, answer: '' };
      const promptTokens = estimatePromptTokens(requestText(judgeJob(judge, template, item, 0).body));
      const answerTokens = outputCeilingTokens(job.body, job.model);
      calls += judge.repeats;
      if (resolved === undefined) continue;
      const price = (tokens: number): number => costUsd({ promptTokens: tokens, cachedTokens: 0, thoughtTokens: 0, answerTokens: 0 }, resolved.pricing) ?? 0;
      low += judge.repeats * price(promptTokens);
      high += judge.repeats * price(promptTokens + answerTokens);
    }
  }
  return {
    relay: judge.relay.name,
    model: judge.model,
    price: resolved === undefined ? `no price for ${judge.model}` : resolved.source,
    calls,
    lowUsd: resolved === undefined ? undefined : low,
    highUsd: resolved === undefined ? undefined : high,
    template,
  };
}

/**
 * The judge as `relaybench validate` prints it: one line with its relay, model, thinking setting,
 * votes, concurrency, prompt file and SHA-256, then its cost range beside the per-relay table's.
 */
export function describeJudgeEstimate(suite: Pick<Suite, 'judge'>, estimate: JudgeCostEstimate): string {
  const judge = suite.judge;
  const head =
    judge === undefined
      ? `judge: relay ${estimate.relay}, model ${estimate.model}`
      : `judge: relay ${estimate.relay}${judge.inlineRelay ? ' (inline)' : ''}, model ${estimate.model}, thinking ${thinkingLongLabel(judge.thinking)}, repeats ${judge.repeats}, concurrency ${judge.concurrency}`;
  return [
    head,
    `  prompt ${estimate.template.source}, sha256 ${estimate.template.sha256}`,
    `  cost estimate (USD; judged answers × repeats × (prompt + rubric + answer), as input tokens; low: empty answers; high: answers at maxOutputTokens): ${estimate.calls} calls, ${estimate.price}, low ${formatUsd(estimate.lowUsd)}, high ${formatUsd(estimate.highUsd)}`,
  ].join('\n');
}
