import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeReport } from '../report/html/index.js';
import { CliError, EXIT } from './exitCodes.js';

/**
 * `relaybench report <run folder>`: rebuilds report.html, verdicts.csv and budgets.csv from the
 * folder's requests.csv (after a resume, a merge or an upgrade) and prints their paths.
 */
export async function reportCommand(runDir: string): Promise<number> {
  if (!existsSync(runDir) || !statSync(runDir).isDirectory()) {
    throw new CliError(`${runDir} is not a folder; pass a run folder such as results/<suite>/<timestamp>/`);
  }
  if (!existsSync(join(runDir, 'requests.csv'))) {
    throw new CliError(`${runDir} has no requests.csv, so it is not a run folder (run \`relaybench run <suite>\` first)`);
  }
  const paths = await writeReport(runDir);
  process.stdout.write(`${paths.reportPath}\n${paths.verdictsPath}\n${paths.budgetsPath}\n`);
  return EXIT.ok;
}
