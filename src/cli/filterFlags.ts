import type { Command } from 'commander';
import { FlagError } from '../errors/index.js';
import type { PlanFilter } from '../plan/filter.js';

/** A collector for a repeatable flag; commas separate values too (`--relay a,b`). An empty value is exit 2. */
function collector(flag: string): (value: string, previous: string[] | undefined) => string[] {
  return (value, previous) => {
    const parts = value.split(',').map((part) => part.trim());
    if (parts.some((part) => part === '')) throw new FlagError(flag, value, 'a non-empty value (repeat the flag, or separate values with commas); nothing was sent');
    return [...(previous ?? []), ...parts];
  };
}

/** Adds `--relay`, `--case`, `--tag` and `--thinking` (each repeatable) to `run` or `validate`. */
export function withFilterOptions(command: Command): Command {
  return command
    .option('--relay <name>', 'only this relay (repeatable, or a,b)', collector('--relay'))
    .option('--case <id|glob>', 'only cases whose id matches (repeatable; * and ? are wildcards)', collector('--case'))
    .option('--tag <tag>', 'only cases with this tag (repeatable)', collector('--tag'))
    .option('--thinking <value>', 'only this thinking setting: a budget (1024, -1), a level (high) or none (repeatable)', collector('--thinking'));
}

/** The filter from commander's parsed options. */
export function filterFromOptions(options: Record<string, unknown>): PlanFilter {
  const list = (key: string): string[] => (Array.isArray(options[key]) ? (options[key] as string[]) : []);
  return { relay: list('relay'), case: list('case'), tag: list('tag'), thinking: list('thinking') };
}
