import type { Suite } from '../suite/types.js';
import type { ThinkingSetting } from './types.js';

/** The sweep of a suite: its budgets, else its levels, else one run without a thinkingConfig. */
export function thinkingSettingsOf(suite: Pick<Suite, 'thinkingBudgets' | 'thinkingLevels'>): ThinkingSetting[] {
  if (suite.thinkingBudgets.length > 0) return suite.thinkingBudgets.map((budget) => ({ kind: 'budget', budget }));
  if (suite.thinkingLevels.length > 0) return suite.thinkingLevels.map((level) => ({ kind: 'level', level }));
  return [{ kind: 'none' }];
}

/** `budget 1024`, `budget -1 (dynamic)`, `level high`, `model default`. */
export function thinkingLabel(setting: ThinkingSetting): string {
  switch (setting.kind) {
    case 'budget':
      return setting.budget === -1 ? 'budget -1 (dynamic)' : `budget ${setting.budget}`;
    case 'level':
      return `level ${setting.level}`;
    case 'none':
      return 'model default';
  }
}

/** The `thinkingConfig` for a setting; a request never carries both a budget and a level. */
export function thinkingConfigOf(setting: ThinkingSetting, includeThoughts: boolean): Record<string, unknown> | undefined {
  switch (setting.kind) {
    case 'budget':
      return { thinkingBudget: setting.budget, includeThoughts };
    case 'level':
      return { thinkingLevel: setting.level, includeThoughts };
    case 'none':
      return undefined;
  }
}
