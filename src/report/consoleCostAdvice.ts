import type { BudgetAdvice } from '../analysis/index.js';
import { formatUsd } from '../format/index.js';

/**
 * Cost-aware budget advice for the console, one line per (relay, model) with costs: the cheapest
 * thinking setting not significantly less accurate than the best, and what it saves against the
 * best per 1,000 requests and in time to the first answer token. Empty when nothing was priced.
 */
export function formatCostAdvice(advice: readonly BudgetAdvice[]): string {
  const lines = advice.flatMap((entry) => {
    const cost = entry.cost;
    if (cost === undefined) return [];
    const perRequest = cost.cheapest.costUsdMean === undefined ? '' : ` at ${formatUsd(cost.cheapest.costUsdMean)}/request`;
    if (cost.cheapest === cost.best) return [`  ${entry.relay} (${entry.model}): ${cost.best.setting.label}${perRequest} (the best is also the cheapest as accurate)`];
    const time =
      cost.savedFirstAnswerP50Ms === undefined
        ? ''
        : `, first answer token ${Math.round(Math.abs(cost.savedFirstAnswerP50Ms))} ms ${cost.savedFirstAnswerP50Ms >= 0 ? 'sooner' : 'later'} (p50)`;
    const saved = cost.savedUsdPer1000 ?? 0;
    const money = saved >= 0 ? `saves ${formatUsd(saved)}` : `costs ${formatUsd(-saved)} more`;
    return [`  ${entry.relay} (${entry.model}): ${cost.cheapest.setting.label}${perRequest} — ${money} per 1,000 requests${time} vs ${cost.best.setting.label}`];
  });
  if (lines.length === 0) return '';
  return ['Cost-aware advice (cheapest setting not significantly less accurate than the best):', ...lines].join('\n');
}
