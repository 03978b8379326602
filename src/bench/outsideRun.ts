import { timeCommand } from './commandTimes.js';
import type { BenchSizes } from './options.js';
import { timedRun } from './timedRun.js';
import { writeValidateSuite } from './suites.js';
import { FIRST_REQUEST_RUN } from './targets.js';
import type { CommandTimeResult, TimelineResult } from './types.js';

/**
 * Issue 18's "time outside the run": the reference case (2,000 streamed requests at concurrency
 * 64 against a local server) run `sizes.firstRequestRuns` times for its start-up to first request
 * and its post-run time, `relaybench report` of the first run's 2,000-row folder, and
 * `relaybench validate` of a 2,000-case suite. Each is spawned as a user would run it.
 */

/** Cases in the validate suite: the 2,000. */
export const VALIDATE_CASES = 2000;

/** The reference runs' timelines and the two command timings. */
export interface OutsideRunResult {
  timeline: TimelineResult[];
  validate: CommandTimeResult;
  report: CommandTimeResult;
}

/**
 * Runs the reference case, times `report` on the first run's folder (before it is deleted) and
 * `validate` on a fresh suite. `say` reports progress. Throws when any command fails.
 */
export async function measureOutsideRun(
  work: string,
  emulatedSuiteFile: string,
  sizes: Pick<BenchSizes, 'firstRequestRuns' | 'commandRuns'>,
  say: (message: string) => void,
): Promise<OutsideRunResult> {
  const { jobs, concurrency } = FIRST_REQUEST_RUN;
  say(`start-up and post-run: ${sizes.firstRequestRuns} runs of ${jobs} jobs at concurrency ${concurrency} against a local server`);
  const timeline: TimelineResult[] = [];
  let report: CommandTimeResult | undefined;
  for (let run = 0; run < sizes.firstRequestRuns; run++) {
    const timed = await timedRun(work, emulatedSuiteFile, jobs, concurrency, async (harness) => {
      if (report !== undefined) return;
      say(`report: ${sizes.commandRuns} runs of relaybench report on a ${jobs}-row run folder`);
      report = timeCommand(work, `relaybench report <${jobs}-row run folder>`, ['report', harness.outDir], sizes.commandRuns, jobs);
    });
    timeline.push(timed.timeline);
  }
  if (report === undefined) throw new Error('measureOutsideRun: no run to time `relaybench report` on (firstRequestRuns must be at least 1)');
  say(`validate: ${sizes.commandRuns} runs of relaybench validate on a ${VALIDATE_CASES}-case suite`);
  const validate = timeCommand(
    work,
    `relaybench validate <${VALIDATE_CASES}-case suite>`,
    ['validate', writeValidateSuite(work, VALIDATE_CASES)],
    sizes.commandRuns,
    VALIDATE_CASES,
  );
  return { timeline, validate, report };
}
