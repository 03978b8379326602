/**
 * The one thinking-setting module: how a setting is planned (a suite's sweep), read back from a
 * row's `thinking_budget` / `thinking_level` cells, ordered, keyed and labelled. Every stage that
 * shows or sorts a thinking setting uses these, so a table, a gate and a chart say the same thing
 * in the same order. Pure.
 */
import type { Suite, ThinkingLevel } from '../suite/types.js';
import type { ThinkingSetting } from './types.js';

/**
 * Gemini 3's `thinkingLevel` values from least to most thinking (ai.google.dev, "Gemini thinking",
 * "Thinking levels"): the one level order, used to rank levels and to pick the lowest one.
 */
export const THINKING_LEVELS: readonly ThinkingLevel[] = ['minimal', 'low', 'medium', 'high'];

/** Whether a string is one of {@link THINKING_LEVELS} (case-sensitive). */
export function isThinkingLevel(text: string): text is ThinkingLevel {
  return (THINKING_LEVELS as readonly string[]).includes(text);
}

/** The sweep of a suite: its budgets, else its levels, else one run without a thinkingConfig. */
export function thinkingSettingsOf(suite: Pick<Suite, 'thinkingBudgets' | 'thinkingLevels'>): ThinkingSetting[] {
  if (suite.thinkingBudgets.length > 0) return suite.thinkingBudgets.map((budget) => ({ kind: 'budget', budget }));
  if (suite.thinkingLevels.length > 0) return suite.thinkingLevels.map((level) => ({ kind: 'level', level }));
  return [{ kind: 'none' }];
}

/** A cell as a live row holds it (number, boolean) or as `requests.csv` / `summary.csv` hold it (string). */
type Cell = string | number | boolean | undefined;

/** The two columns of `requests.csv` and `summary.csv` that carry a thinking setting. */
export interface ThinkingCells {
  /** Tokens; -1 = dynamic; empty or absent when the job set a level or nothing. */
  thinking_budget?: Cell;
  /** One of {@link THINKING_LEVELS}; empty or absent when the job set a budget or nothing. */
  thinking_level?: Cell;
}

/**
 * Reads a setting back from a row's cells: a non-empty level wins, then a non-empty budget (as a
 * number, `-1` = dynamic), else `none`. A level outside {@link THINKING_LEVELS} is kept as written
 * (it ranks after the known ones); the CSV is data, not a suite to validate.
 */
export function thinkingOfCells(cells: ThinkingCells): ThinkingSetting {
  if (cells.thinking_level !== undefined && cells.thinking_level !== '') return { kind: 'level', level: String(cells.thinking_level) as ThinkingLevel };
  if (cells.thinking_budget !== undefined && cells.thinking_budget !== '') return { kind: 'budget', budget: Number(cells.thinking_budget) };
  return { kind: 'none' };
}

/** Ranks dynamic (-1) after every fixed budget Google accepts (the largest is 32768). */
const DYNAMIC_RANK = Number.MAX_SAFE_INTEGER;

/**
 * The one order of thinking settings, smallest first: no setting (-1); fixed budgets by size in
 * tokens (0 included); dynamic (-1) after them all, since it may think more or less than any fixed
 * budget and so cannot count as small; levels by {@link THINKING_LEVELS} index, an unknown level
 * after the known ones. Ties (never within one suite) are broken by {@link compareThinking}.
 */
export function thinkingRank(setting: ThinkingSetting): number {
  switch (setting.kind) {
    case 'none':
      return -1;
    case 'budget':
      return setting.budget === -1 ? DYNAMIC_RANK : setting.budget;
    case 'level': {
      const index = THINKING_LEVELS.indexOf(setting.level);
      return index === -1 ? THINKING_LEVELS.length : index;
    }
  }
}

/**
 * The one key per setting, for grouping, lookups and files: `budget 1024`, `budget -1`,
 * `level low`, `none`. These are the words of `plan.json`'s and the capture index's `thinking`
 * field, so a key read from a file matches a key made from a row.
 */
export function thinkingKey(setting: ThinkingSetting): string {
  switch (setting.kind) {
    case 'budget':
      return `budget ${setting.budget}`;
    case 'level':
      return `level ${setting.level}`;
    case 'none':
      return 'none';
  }
}

/** Sort comparator: by {@link thinkingRank}, then by {@link thinkingKey} so the order is total. */
export function compareThinking(left: ThinkingSetting, right: ThinkingSetting): number {
  return thinkingRank(left) - thinkingRank(right) || thinkingKey(left).localeCompare(thinkingKey(right));
}

/**
 * The short label, where the column or axis already says "thinking": the budget in tokens
 * (`1024`), `dynamic` for -1, or the level (`low`). With no setting it returns `none`, which the
 * caller chooses: a table passes its empty mark `–`, a chart axis or grid header `default`.
 */
export function thinkingShortLabel(setting: ThinkingSetting, none: string): string {
  switch (setting.kind) {
    case 'budget':
      return setting.budget === -1 ? 'dynamic' : String(setting.budget);
    case 'level':
      return setting.level;
    case 'none':
      return none;
  }
}

/**
 * The long label, which names its kind, for running text (plan, gate scopes, case labels):
 * `budget 1024`, `budget -1 (dynamic)`, `level high`. With no setting it returns `none`:
 * `model default` where the plan lists the sweep, '' where a label simply leaves it out.
 */
export function thinkingLongLabel(setting: ThinkingSetting, none = 'model default'): string {
  switch (setting.kind) {
    case 'budget':
      return setting.budget === -1 ? 'budget -1 (dynamic)' : `budget ${setting.budget}`;
    case 'level':
      return `level ${setting.level}`;
    case 'none':
      return none;
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
