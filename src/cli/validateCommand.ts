import { describePlan } from '../plan/describe.js';
import { expandPlan } from '../plan/expand.js';
import { NO_FILTER, describeFilter, filterPlan, isFiltered, narrowSuite, type PlanFilter } from '../plan/filter.js';
import { EXIT } from './exitCodes.js';
import { loadSuiteOrExit } from './loadOrExit.js';

export async function validateCommand(file: string, filter: PlanFilter = NO_FILTER): Promise<number> {
  const suite = await loadSuiteOrExit(file);
  const all = expandPlan(suite);
  const jobs = filterPlan(suite, all, filter);
  // A slice shows only the relays and thinking settings it runs.
  const shown = isFiltered(filter) ? narrowSuite(suite, jobs) : suite;
  process.stdout.write(`${describePlan(shown, jobs)}\n`);
  if (isFiltered(filter)) process.stdout.write(`\nfiltered (${describeFilter(filter)}): ${jobs.length} of ${all.length} jobs\n`);
  return EXIT.ok;
}
