import { describeCostEstimate, estimateCosts } from '../plan/costEstimate.js';
import { describePlan } from '../plan/describe.js';
import { expandPlan } from '../plan/expand.js';
import { EXIT } from './exitCodes.js';
import { loadSuiteOrExit } from './loadOrExit.js';

export async function validateCommand(file: string): Promise<number> {
  const suite = await loadSuiteOrExit(file);
  const jobs = expandPlan(suite);
  process.stdout.write(`${describePlan(suite, jobs)}\n\n${describeCostEstimate(estimateCosts(suite, jobs))}\n`);
  return EXIT.ok;
}
