import { SuiteError, formatSuiteIssues, loadSuite } from '../suite/index.js';
import type { Suite } from '../suite/types.js';
import { CliError } from './exitCodes.js';

/** Loads a suite; every problem is printed with file:line:col and the command ends with exit 2 before anything is sent. */
export async function loadSuiteOrExit(file: string): Promise<Suite> {
  try {
    return await loadSuite(file);
  } catch (error) {
    if (error instanceof SuiteError) {
      const count = error.issues.length;
      throw new CliError(`${file} has ${count} problem${count === 1 ? '' : 's'}; nothing was sent.\n${formatSuiteIssues(error.issues)}`);
    }
    throw error;
  }
}
