import type { RequestRow } from '../runfolder/columns.js';
import { numberCell } from '../runfolder/cells.js';
import { thinkingCellLabel } from '../runfolder/cells.js';

/** Gemini 3's levels from least to most thinking, the order "smallest" follows for levels. */
const LEVEL_ORDER = ['minimal', 'low', 'medium', 'high'] as const;

/**
 * The thinking setting of a row as read back from `requests.csv`, with a rank that puts it on
 * one axis: fixed budgets by size, then dynamic (-1), which may think more or less than any fixed
 * budget and so cannot count as "small"; levels minimal < low < medium < high.
 */
export interface ObservedSetting {
  /** Stable grouping key, e.g. `budget:1024`, `level:low`, `none`. */
  key: string;
  /** What a person reads: `1024`, `dynamic`, `low`, `default`. */
  label: string;
  kind: 'budget' | 'dynamic' | 'level' | 'none';
  /** The fixed token budget (0 included); undefined for dynamic, levels and no setting. */
  budget: number | undefined;
  rank: number;
}

/** Ranks dynamic after every fixed budget Google accepts (the largest is 32768). */
const DYNAMIC_RANK = Number.MAX_SAFE_INTEGER;

/**
 * A row's thinking setting as read back from requests.csv (`thinking_level`, else `thinking_budget`):
 * its key, label and rank (budgets by size in tokens, dynamic -1 after them, levels
 * minimal < low < medium < high: Gemini 3's thinking levels). Pure.
 */
export function observedSettingOf(row: RequestRow): ObservedSetting {
  const level = row.thinking_level;
  if (level !== undefined && level !== '') {
    const rank = LEVEL_ORDER.indexOf(String(level) as (typeof LEVEL_ORDER)[number]);
    return { key: `level:${String(level)}`, label: String(level), kind: 'level', budget: undefined, rank: rank === -1 ? LEVEL_ORDER.length : rank };
  }
  const budget = numberCell(row.thinking_budget);
  if (budget === undefined) return { key: 'none', label: 'default', kind: 'none', budget: undefined, rank: 0 };
  if (budget === -1) return { key: 'budget:-1', label: thinkingCellLabel(row), kind: 'dynamic', budget: undefined, rank: DYNAMIC_RANK };
  return { key: `budget:${budget}`, label: thinkingCellLabel(row), kind: 'budget', budget, rank: budget };
}

/** Sort order of settings: by rank (smallest thinking first), then by key. A comparator for Array.sort. */
export function compareSettings(left: ObservedSetting, right: ObservedSetting): number {
  return left.rank - right.rank || left.key.localeCompare(right.key);
}

/** The distinct settings of some rows, smallest first. */
export function settingsOf(rows: Iterable<RequestRow>): ObservedSetting[] {
  const byKey = new Map<string, ObservedSetting>();
  for (const row of rows) {
    const setting = observedSettingOf(row);
    if (!byKey.has(setting.key)) byKey.set(setting.key, setting);
  }
  return [...byKey.values()].sort(compareSettings);
}
