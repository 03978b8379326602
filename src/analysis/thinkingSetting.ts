import type { RequestRow } from '../runfolder/columns.js';
import { compareThinking, thinkingKey, thinkingOfCells, thinkingRank, thinkingShortLabel } from '../plan/thinking.js';
import type { ThinkingSetting } from '../plan/types.js';

/**
 * The thinking setting of a row as read back from `requests.csv`, with its key, label and rank
 * from the one thinking module (`plan/thinking.ts`): fixed budgets by size, then dynamic (-1),
 * which may think more or less than any fixed budget and so cannot count as "small"; levels
 * minimal < low < medium < high.
 */
export interface ObservedSetting {
  /** Stable grouping key, e.g. `budget 1024`, `level low`, `none` ({@link thinkingKey}). */
  key: string;
  /** What a person reads: `1024`, `dynamic`, `low`, `default` ({@link thinkingShortLabel}). */
  label: string;
  kind: 'budget' | 'dynamic' | 'level' | 'none';
  /** The fixed token budget (0 included); undefined for dynamic, levels and no setting. */
  budget: number | undefined;
  /** {@link thinkingRank}: smaller is less thinking. */
  rank: number;
  /** The setting itself. */
  setting: ThinkingSetting;
}

/** The observed setting of one row; a budget cell that is not a number counts as no setting. */
export function observedSettingOf(row: RequestRow): ObservedSetting {
  const read = thinkingOfCells(row);
  const setting: ThinkingSetting = read.kind === 'budget' && !Number.isFinite(read.budget) ? { kind: 'none' } : read;
  const kind = setting.kind === 'budget' && setting.budget === -1 ? 'dynamic' : setting.kind;
  const budget = setting.kind === 'budget' && kind === 'budget' ? setting.budget : undefined;
  return { key: thinkingKey(setting), label: thinkingShortLabel(setting, 'default'), kind, budget, rank: thinkingRank(setting), setting };
}

/** Sort comparator of observed settings: {@link compareThinking}, smallest first. */
export function compareSettings(left: ObservedSetting, right: ObservedSetting): number {
  return compareThinking(left.setting, right.setting);
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
