import type { ThinkingLevel } from '../suite/types.js';
import type { ModelSpec } from '../suite/modelCatalog.js';
import { invalidArgument, type GoogleError } from './errors.js';
import type { RequestedThinking } from './request.js';

/** How much the model may think, once Google's per-model rules have accepted the request. */
export type ThinkingMode = { kind: 'off' } | { kind: 'dynamic' } | { kind: 'budget'; budget: number } | { kind: 'level'; level: ThinkingLevel };

/**
 * Applies the thinking rules of the Gemini API: one of budget and level, levels only on models
 * that have them, budget 0 only where thinking can be turned off, budgets inside the model's range.
 * Messages are Google's own wording where it is known.
 */
export function resolveThinking(modelName: string, spec: ModelSpec, requested: RequestedThinking): ThinkingMode | GoogleError {
  const { budget, level } = requested;
  if (budget !== undefined && level !== undefined) {
    return invalidArgument('You can only set only one of thinking budget and thinking level.');
  }
  const rules = spec.thinking;
  if (rules === null) {
    const asksForThinking = level !== undefined || (budget !== undefined && budget !== 0) || requested.includeThoughts;
    return asksForThinking ? invalidArgument(`Thinking is not enabled for models/${modelName}`) : { kind: 'off' };
  }
  if (level !== undefined) {
    if (rules.levels.length === 0) return invalidArgument('Thinking level is not supported for this model.');
    if (!rules.levels.includes(level)) {
      return invalidArgument(`Thinking level ${level.toUpperCase()} is not supported for this model.`);
    }
    return { kind: 'level', level };
  }
  if (budget === undefined) return rules.thinksByDefault ? { kind: 'dynamic' } : { kind: 'off' };
  if (budget === -1) return { kind: 'dynamic' };
  if (budget === 0) {
    return rules.canDisable ? { kind: 'off' } : invalidArgument('Budget 0 is invalid. This model only works in thinking mode.');
  }
  if (budget < rules.minBudget || budget > rules.maxBudget) {
    return invalidArgument(`The thinking budget (${budget}) is invalid.`);
  }
  return { kind: 'budget', budget };
}
