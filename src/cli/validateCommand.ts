import { createRedactor } from '../client/redact.js';
import { describeCostEstimate, estimateCosts } from '../plan/costEstimate.js';
import { describePlan } from '../plan/describe.js';
import { describeRequests } from '../plan/describeRequests.js';
import { expandPlan } from '../plan/expand.js';
import { EXIT } from './exitCodes.js';
import { loadSuiteOrExit } from './loadOrExit.js';

export interface ValidateOptions {
  /** Also print each relay's first request (method, URL, headers, body), keys redacted. */
  showRequests?: boolean;
}

/** `relaybench validate`: loads the suite (exit 2 on any problem), prints the plan; nothing is sent. */
export async function validateCommand(file: string, options: ValidateOptions = {}): Promise<number> {
  const suite = await loadSuiteOrExit(file);
  const jobs = expandPlan(suite);
  process.stdout.write(`${describePlan(suite, jobs)}\n\n${describeCostEstimate(estimateCosts(suite, jobs))}\n`);
  if (options.showRequests === true) {
    const redact = createRedactor(suite.relays.map((relay) => relay.apiKey));
    process.stdout.write(`\nrequests (the first job of each relay; keys redacted)\n\n${describeRequests(suite, jobs, redact)}\n`);
  }
  return EXIT.ok;
}
