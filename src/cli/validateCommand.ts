import { describePlan } from '../plan/describe.js';
import { expandPlan } from '../plan/expand.js';
import { NO_FILTER, describeFilter, filterPlan, isFiltered, type PlanFilter } from '../plan/filter.js';
import type { Job } from '../plan/types.js';
import type { Suite } from '../suite/types.js';
import { EXIT } from './exitCodes.js';
import { loadSuiteOrExit } from './loadOrExit.js';

export async function validateCommand(file: string, filter: PlanFilter = NO_FILTER): Promise<number> {
  const suite = await loadSuiteOrExit(file);
  const all = expandPlan(suite);
  const jobs = filterPlan(suite, all, filter);
  // A slice shows only the relays and thinking settings it runs.
  const shown = isFiltered(filter) ? narrowedTo(suite, jobs) : suite;
  process.stdout.write(`${describePlan(shown, jobs)}\n`);
  if (isFiltered(filter)) process.stdout.write(`\nfiltered (${describeFilter(filter)}): ${jobs.length} of ${all.length} jobs\n`);
  return EXIT.ok;
}

/** The suite with only the cases, relays and thinking settings that `jobs` use, for display. */
function narrowedTo(suite: Suite, jobs: readonly Job[]): Suite {
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
