import { describePlan } from '../plan/describe.js';
import { expandPlan } from '../plan/expand.js';
import { EXIT } from './exitCodes.js';
import { loadSuiteOrExit } from './loadOrExit.js';

export async function validateCommand(file: string): Promise<number> {
  const suite = await loadSuiteOrExit(file);
  process.stdout.write(`${describePlan(suite, expandPlan(suite))}\n`);
  return EXIT.ok;
}
