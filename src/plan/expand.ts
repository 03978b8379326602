import { RelaybenchError } from '../errors/index.js';
import { planSizeOf, planSizeProblem } from '../suite/planChecks.js';
import type { Suite } from '../suite/types.js';
import { buildGeminiBody } from './body.js';
import { jobIdsOf } from './jobId.js';
import { thinkingSettingsOf } from './thinking.js';
import type { Job } from './types.js';

/**
 * Every job of a suite, in a fixed order: case-major, then relay, then thinking setting (as
 * listed), then repeat (1-based). The order is deterministic so shards (`--shard k/n`) agree;
 * the scheduler is free to interleave. Repeats share one body object: treat bodies as read-only.
 * Throws a RelaybenchError (exit 2) before building anything when the plan has more than
 * MAX_PLANNED_JOBS jobs (loadSuite reports the same with file:line:col; this guards other callers).
 */
export function expandPlan(suite: Suite): Job[] {
  const settings = thinkingSettingsOf(suite);
  const tooLarge = planSizeProblem(planSizeOf(suite.cases.length, suite.relays.length, settings.length, suite.repeats));
  if (tooLarge !== undefined) throw new RelaybenchError(`${tooLarge.message}. ${tooLarge.hint}`, 'suite');
  const jobs: Job[] = [];
  for (const testCase of suite.cases) {
    for (const relay of suite.relays) {
      const model = relay.model ?? suite.model;
      for (const thinking of settings) {
        const body = buildGeminiBody(suite, testCase, relay, thinking, model);
        const idOf = jobIdsOf({ caseId: testCase.id, relay: relay.name, model, thinking, body });
        for (let repeat = 1; repeat <= suite.repeats; repeat++) {
          const identity = { caseId: testCase.id, relay: relay.name, model, thinking, repeat, body };
          jobs.push({ jobId: idOf(repeat), ...identity });
        }
      }
    }
  }
  return jobs;
}
