import { RelaybenchError, FlagError } from '../errors/index.js';
import { didYouMean } from '../suite/didYouMean.js';
import type { Suite } from '../suite/types.js';
import { isThinkingLevel, thinkingSettingsOf } from './thinking.js';
import type { Job, ThinkingSetting } from './types.js';

/**
 * A slice of a plan, as given by `--relay`, `--case`, `--tag` and `--thinking` (README.md#around-a-run,
 * "Around a run"). Values of one flag are alternatives (any may match); flags combine (all must
 * match). An empty list does not filter.
 */
export interface PlanFilter {
  relay: string[];
  /** Case ids or globs (`*` any run of characters, `?` one character). */
  case: string[];
  tag: string[];
  /** A budget (`1024`, `-1`), a level (`high`), `none`, or a label as plan.json writes it (`budget 1024`). */
  thinking: string[];
}

/** No filter: every job. */
export const NO_FILTER: PlanFilter = { relay: [], case: [], tag: [], thinking: [] };

/** True when the filter selects a slice rather than the whole plan. */
export function isFiltered(filter: PlanFilter): boolean {
  return filter.relay.length + filter.case.length + filter.tag.length + filter.thinking.length > 0;
}

/** A case-id glob as an anchored regular expression: `*` is any run of characters, `?` one; everything else is literal. */
export function globToRegExp(glob: string): RegExp {
  const source = [...glob].map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[\\^$.|+()[\]{}]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`);
}

/** `1024`, `-1`, `budget 1024`, `high`, `level high`, `none`, `default` → the setting they name; undefined when none. */
function parseThinking(value: string): ThinkingSetting | undefined {
  const text = value
    .trim()
    .toLowerCase()
    .replace(/^(budget|level)\s+/, '');
  if (/^-?\d+$/.test(text)) return { kind: 'budget', budget: Number(text) };
  if (isThinkingLevel(text)) return { kind: 'level', level: text };
  if (text === 'none' || text === 'default' || text === 'model default') return { kind: 'none' };
  return undefined;
}

function sameSetting(a: ThinkingSetting, b: ThinkingSetting): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function settingText(setting: ThinkingSetting): string {
  return setting.kind === 'budget' ? String(setting.budget) : setting.kind === 'level' ? setting.level : 'none';
}

/** Exit 2 naming what exists: `--relay: got "honnest"; expected one of honest, slow (Did you mean "honest"?)`. */
function unknownValue(flag: string, value: string, known: readonly string[]): FlagError {
  const hint = didYouMean(value, known);
  return new FlagError(flag, value, `one of ${known.join(', ') || '(none)'}${hint === undefined ? '' : ` (${hint})`}; nothing was sent`);
}

/**
 * The jobs of `jobs` (a suite's full plan, in order) that the filter selects, unchanged: a job's
 * id never depends on the filter, so a filtered run resumes, merges and compares like any other.
 * Throws a usage error (exit 2) for a value that matches nothing in the suite, naming the values
 * that exist, and when the flags together select no job.
 */
export function filterPlan(suite: Suite, jobs: readonly Job[], filter: PlanFilter): Job[] {
  if (!isFiltered(filter)) return [...jobs];
  const relayNames = suite.relays.map((relay) => relay.name);
  for (const name of filter.relay) if (!relayNames.includes(name)) throw unknownValue('--relay', name, relayNames);

  const caseIds = suite.cases.map((testCase) => testCase.id);
  const casePatterns = filter.case.map((pattern) => {
    const regex = globToRegExp(pattern);
    if (!caseIds.some((id) => regex.test(id))) throw unknownValue('--case', pattern, caseIds);
    return regex;
  });

  const tags = [...new Set(suite.cases.flatMap((testCase) => testCase.tags))];
  for (const tag of filter.tag) {
    if (!tags.includes(tag)) {
      if (tags.length === 0) throw new FlagError('--tag', tag, "a tag given to a case (tags: [..] on a case); this suite's cases have no tags; nothing was sent");
      throw unknownValue('--tag', tag, tags);
    }
  }

  const settings = thinkingSettingsOf(suite);
  const wanted = filter.thinking.map((value) => {
    const setting = parseThinking(value);
    if (setting === undefined || !settings.some((known) => sameSetting(known, setting))) throw unknownValue('--thinking', value, settings.map(settingText));
    return setting;
  });

  const tagsByCase = new Map(suite.cases.map((testCase) => [testCase.id, testCase.tags]));
  const selected = jobs.filter(
    (job) =>
      (filter.relay.length === 0 || filter.relay.includes(job.relay)) &&
      (casePatterns.length === 0 || casePatterns.some((regex) => regex.test(job.caseId))) &&
      (filter.tag.length === 0 || filter.tag.some((tag) => tagsByCase.get(job.caseId)?.includes(tag) === true)) &&
      (wanted.length === 0 || wanted.some((setting) => sameSetting(setting, job.thinking))),
  );
  if (selected.length === 0) {
    throw new RelaybenchError(`the filters ${describeFilter(filter)} together select no job of ${suite.name} (each matches something alone); nothing was sent`, 'flag');
  }
  return selected;
}

/** `--relay a --case 'sum-*'`: the filter as flags, for messages and run.json. */
export function describeFilter(filter: PlanFilter): string {
  const flags: string[] = [];
  for (const key of ['relay', 'case', 'tag', 'thinking'] as const) for (const value of filter[key]) flags.push(`--${key} ${/^[\w.@%+=:,/-]+$/.test(value) ? value : `'${value}'`}`);
  return flags.join(' ');
}

/**
 * run.json's `filter` (README.md#around-a-run): the filter's lists, the flags as `describeFilter`
 * writes them, and `suitePlanned` (the whole suite's job count), so filtered parts merge into the
 * whole. An empty object when the filter selects the whole plan.
 */
export function filterRecord(filter: PlanFilter, suitePlanned: number): Record<string, unknown> {
  return isFiltered(filter) ? { filter: { ...filter, flags: describeFilter(filter), suitePlanned } } : {};
}

/**
 * The suite with only the cases, relays and thinking settings that `jobs` use (in the suite's
 * order): what `validate` shows of a slice and what `check` sends. Job ids are not affected.
 */
export function narrowSuite(suite: Suite, jobs: readonly Job[]): Suite {
  const relays = new Set(jobs.map((job) => job.relay));
  const cases = new Set(jobs.map((job) => job.caseId));
  const budgets = new Set(jobs.flatMap((job) => (job.thinking.kind === 'budget' ? [job.thinking.budget] : [])));
  const levels = new Set(jobs.flatMap((job) => (job.thinking.kind === 'level' ? [job.thinking.level] : [])));
  return {
    ...suite,
    relays: suite.relays.filter((relay) => relays.has(relay.name)),
    cases: suite.cases.filter((testCase) => cases.has(testCase.id)),
    thinkingBudgets: suite.thinkingBudgets.filter((budget) => budgets.has(budget)),
    thinkingLevels: suite.thinkingLevels.filter((level) => levels.has(level)),
  };
}
