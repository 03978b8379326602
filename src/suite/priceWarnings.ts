import { LIST_PRICES } from '../cost/prices.js';
import { closestMatch } from './didYouMean.js';
import type { PathIssue } from './issues.js';
import type { ResolvedRelay } from './types.js';

/**
 * A model under `prices:` that no relay of the suite asks for is most likely misspelt: one
 * warning per such model, at its key, with the closest model the suite uses (or a known one).
 * A warning, not an error: a price for a model the suite does not use is harmless.
 */
export function unusedPriceWarnings(prices: Readonly<Record<string, unknown>>, suiteModel: string, relays: readonly Pick<ResolvedRelay, 'model'>[]): PathIssue[] {
  const used = new Set(relays.map((relay) => relay.model ?? suiteModel));
  if (relays.length === 0) used.add(suiteModel);
  const candidates = [...used, ...LIST_PRICES.map((row) => row.model)];
  return Object.keys(prices)
    .filter((model) => !used.has(model))
    .map((model) => {
      const suggestion = closestMatch(model, candidates);
      const usedList = [...used].join(', ');
      return {
        path: ['prices', model],
        atKey: true,
        message: `no relay of this suite uses model "${model}"; its price is ignored`,
        hint: suggestion === undefined ? `The suite's relays use: ${usedList}` : `Did you mean "${suggestion}"? The suite's relays use: ${usedList}`,
      };
    });
}
