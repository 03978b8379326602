import { fileSystemError } from '../errors/index.js';
import { writeReport } from '../report/html/index.js';
import { checkRunFolder } from '../runfolder/checkFolder.js';
import { lockRunFolder } from '../runfolder/lock.js';
import { EXIT } from './exitCodes.js';

/**
 * `relaybench report <run folder>`: rebuilds report.html, verdicts.csv and budgets.csv from the
 * folder's requests.csv (after a resume, a merge or an upgrade) and prints their paths, and on
 * stderr what it left out (duplicate job rows, a torn last line). Refuses (exit 2) a folder that is
 * not a run, one a live run still writes, or one it cannot write.
 */
export async function reportCommand(runDir: string): Promise<number> {
  checkRunFolder(runDir, 'report');
  let lock;
  try {
    lock = lockRunFolder(runDir, 'report');
  } catch (error) {
    throw fileSystemError(error, 'write in', runDir);
  }
  try {
    const paths = await writeReport(runDir);
    for (const warning of paths.warnings) process.stderr.write(`${warning}\n`);
    process.stdout.write(`${paths.reportPath}\n${paths.verdictsPath}\n${paths.budgetsPath}\n`);
    return EXIT.ok;
  } catch (error) {
    throw fileSystemError(error, 'write the report in', runDir);
  } finally {
    lock.release();
  }
}
