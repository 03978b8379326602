import { SuiteError, formatSuiteIssues, loadSuite } from '../suite/index.js';
import type { Suite } from '../suite/types.js';
import { CliError } from './exitCodes.js';

/** Loads a suite (its warnings go to stderr); every problem is printed with file:line:col and the command ends with exit 2 before anything is sent. */
export async function loadSuiteOrExit(file: string): Promise<Suite> {
  try {
    const suite = await loadSuite(file);
    // Warnings do not stop anything: said once, on stderr, before the command's own output.
    if (suite.warnings !== undefined && suite.warnings.length > 0) process.stderr.write(suite.warnings.map((warning) => `Warning: ${formatSuiteIssues([warning])}\n`).join(''));
    return suite;
  } catch (error) {
    if (error instanceof SuiteError) {
      const count = error.issues.length;
      throw new CliError(`${file} has ${count} problem${count === 1 ? '' : 's'}; nothing was sent.\n${formatSuiteIssues(error.issues)}`);
    }
    throw error;
  }
}
