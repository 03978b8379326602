import { createRedactor } from '../client/redact.js';
import { describeCostEstimate, estimateCosts } from '../plan/costEstimate.js';
import { describePlan } from '../plan/describe.js';
import { describeRequests } from '../plan/describeRequests.js';
import { describeLoadPlan, loadEstimateJobs } from '../plan/describeLoad.js';
import { expandPlan } from '../plan/expand.js';
import { NO_FILTER, describeFilter, filterPlan, isFiltered, narrowSuite, type PlanFilter } from '../plan/filter.js';
import { EXIT } from './exitCodes.js';
import { loadSuiteOrExit } from './loadOrExit.js';

/**
 * Options of `relaybench validate SUITE` (README.md): `showRequests` (`--show-requests`) also prints
 * each relay's first request with keys redacted. Nothing is sent either way.
 */
export interface ValidateOptions {
  /** Also print each relay's first request (method, URL, headers, body), keys redacted. */
  showRequests?: boolean;
}

/**
 * `relaybench validate`: loads the suite (exit 2 on any problem), prints the plan (narrowed to a
 * filter's slice), a cost estimate per relay and, on request, each relay's first request. Nothing
 * is sent.
 */
export async function validateCommand(file: string, filter: PlanFilter = NO_FILTER, options: ValidateOptions = {}): Promise<number> {
  const suite = await loadSuiteOrExit(file);
  const all = expandPlan(suite);
  const jobs = filterPlan(suite, all, filter);
  // A slice shows only the relays and thinking settings it runs.
  const shown = isFiltered(filter) ? narrowSuite(suite, jobs) : suite;
  process.stdout.write(`${describePlan(shown, jobs)}\n`);
  if (isFiltered(filter)) process.stdout.write(`\nfiltered (${describeFilter(filter)}): ${jobs.length} of ${all.length} jobs\n`);
  if (suite.load !== undefined) process.stdout.write(`\n${describeLoadPlan(suite.load, new Set(jobs.map((job) => job.relay)).size)}\n`);
  // In load mode every arrival is a request: the estimate prices the expected arrivals.
  process.stdout.write(`\n${describeCostEstimate(estimateCosts(shown, suite.load === undefined ? jobs : loadEstimateJobs(jobs, suite.load)))}\n`);
  // Only a suite with a judge has a judge estimate: the graders and judge prompts load only for one.
  if (suite.judge !== undefined) {
    const { describeJudgeEstimate, estimateJudgeCost } = await import('../run/judgeEstimate.js');
    const judgeEstimate = estimateJudgeCost(suite, suite.load === undefined ? jobs : loadEstimateJobs(jobs, suite.load));
    if (judgeEstimate !== undefined) process.stdout.write(`\n${describeJudgeEstimate(suite, judgeEstimate)}\n`);
  }
  if (options.showRequests === true) {
    const redact = createRedactor(suite.relays.map((relay) => relay.apiKey));
    process.stdout.write(`\nrequests (the first job of each relay; keys redacted)\n\n${describeRequests(shown, jobs, redact)}\n`);
  }
  return EXIT.ok;
}
