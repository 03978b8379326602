import type { BudgetAdvice } from '../../analysis/index.js';
import { html, type SafeHtml } from './escape.js';
import { formatUsd, percentWhole, signedGroupedNumber } from '../../format/index.js';

/**
 * The cost-aware pick per (relay, model): the cheapest thinking setting not significantly less
 * accurate than the best, its cost per request, and what it saves against the best per 1,000
 * requests and in time to the first answer token. Relays without costs are left out.
 */
export function costAdviceTable(advice: readonly BudgetAdvice[]): SafeHtml {
  const head = ['relay', 'model', 'cheapest as accurate', 'best accuracy', 'saved per 1,000 requests', 'first answer p50 saved', 'evidence'];
  const body = advice.flatMap((entry) => {
    const cost = entry.cost;
    if (cost === undefined) return [];
    const outcome = (which: 'cheapest' | 'best'): string =>
      `${cost[which].setting.label}: ${percentWhole(cost[which].passRate)} of ${cost[which].graded} at ${formatUsd(cost[which].costUsdMean)}/request`;
    return [
      html`<tr>
      <th scope="row">${entry.relay}</th><td>${entry.model}</td>
      <td><strong>${outcome('cheapest')}</strong></td><td>${outcome('best')}</td>
      <td class="num">${formatUsd(cost.savedUsdPer1000)}</td>
      <td class="num">${signedGroupedNumber(cost.savedFirstAnswerP50Ms, ' ms')}</td>
      <td class="evidence">${cost.evidence}</td>
    </tr>`,
    ];
  });
  return html`<div class="table-wrap"><table class="cost-advice"><thead><tr>${head.map((title) => html`<th scope="col">${title}</th>`)}</tr></thead><tbody>${body}</tbody></table></div>`;
}
