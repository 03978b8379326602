import { expandPlan } from '../plan/expand.js';
import { createPriceBook } from '../run/pricing.js';
import { planFactsOf } from '../run/planFacts.js';
import { parseShard, selectShard } from '../plan/shard.js';
import { describeFilter, filterPlan, NO_FILTER } from '../plan/filter.js';
import { loadSuiteOrExit } from './loadOrExit.js';
import { createRunFolder, resumeRunFolder } from '../runfolder/create.js';
import type { RunCommandOptions } from './runOptions.js';
import { checkPathsBeforeSending, checkPrices, checkRunFlags, readBaselineBeforeSending } from './preflight.js';
import { runInFolder, type ClaimedRun } from './runInFolder.js';

/**
 * `relaybench run <suite>`: loads and checks everything (suite, flags, paths, baseline, prices)
 * before the first request, claims a locked run folder (new, or `--resume`), runs the plan (or a
 * filter's slice, or a shard) and writes requests.csv row by row, then summary, report, verdicts
 * and the CI verdict. A suite with `load:` goes to `cli/loadCommand.ts`'s open-loop path.
 * Returns the exit code: 0, 1 (a gate failed), 3 (spending cap), 130 (interrupted); bad input
 * throws a RelaybenchError (exit 2) before anything is sent.
 */
export async function runCommand(file: string, options: RunCommandOptions): Promise<number> {
  checkRunFlags(options);
  const suite = await loadSuiteOrExit(file);
  // A suite with `load:` is an open-loop load run: its own path (cli/loadCommand.ts).
  if (suite.load !== undefined) return (await import('./loadCommand.js')).runLoadCommand(file, { ...suite, load: suite.load }, options);
  if (options.concurrency !== undefined) suite.concurrency = options.concurrency;
  if (options.repeats !== undefined) suite.repeats = options.repeats;
  const filter = options.filter ?? NO_FILTER;
  let fullPlan = expandPlan(suite);
  // A filtered run's plan is its slice: resume, shards and planned counts all refer to it.
  let planned = filterPlan(suite, fullPlan, filter);
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  let jobs = shard === undefined ? planned : selectShard(planned, shard);

  // A baseline that is not a run folder, or shares no job with this plan, is bad input: say so
  // before anything is sent, not after the whole run. Read once, streamed: compared after the run.
  const baselineFolder = await readBaselineBeforeSending(options, suite, planned);
  const prices = createPriceBook(suite);
  checkPrices(suite, jobs, prices, options.maxCost);
  checkPathsBeforeSending(file, options, shard);
  const startedAt = new Date();
  const folder =
    options.resume === undefined
      ? createRunFolder(suite.name, jobs, options.out, startedAt)
      : resumeRunFolder(options.resume, jobs, options.force === true, suite.name, describeFilter(filter));
  try {
    const claimed: ClaimedRun = {
      file,
      suite,
      options,
      plan: planFactsOf(suite, planned, jobs, prices),
      shard,
      folder,
      startedAt,
      filter,
      fullPlanJobs: fullPlan.length,
      prices,
      baselineFolder,
    };
    // From here the plan's Job objects (~230 B each) are held by folder.remaining alone, which the
    // runner takes and lets go when the run ends.
    fullPlan = planned = jobs = [];
    return await runInFolder(claimed);
  } finally {
    folder.lock.release();
  }
}
