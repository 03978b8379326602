import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileSystemError, RelaybenchError } from '../errors/index.js';
import { REQUEST_COLUMNS } from './columns.js';
import { assertNotHeld } from './lock.js';
import { RUN_FILES } from './names.js';

/** The start of every requests.csv relaybench writes: how a run folder is told from any folder. */
const HEADER_START = `${REQUEST_COLUMNS[0]},${REQUEST_COLUMNS[1]},`;

function firstBytes(path: string, length: number): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    return buffer.subarray(0, readSync(fd, buffer, 0, length, 0)).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * The one check that a folder named on the command line is a relaybench run folder, shared by
 * `--resume`, `--baseline`, and the folder arguments of `report`, `gate` and `merge`: it exists,
 * is a folder, holds a `requests.csv` that starts with relaybench's header, and no other live
 * process is still writing it (its lock, see `lock.ts`). Called before anything is sent.
 *
 * `label` names where the path came from (`--baseline`, `gate`, …). Throws a one-line usage error
 * (exit 2): `--baseline /tmp/x is not a run folder: it has no requests.csv. …`; OS errors on the
 * way (EACCES, ENOTDIR, …) become one line too.
 */
export function checkRunFolder(dir: string, label: string): void {
  const hint = 'Give the folder of an earlier run, such as results/<suite>/<timestamp>/.';
  try {
    const stat = statSync(dir, { throwIfNoEntry: false });
    if (stat === undefined) throw new RelaybenchError(`${label} ${dir}: no such folder. ${hint}`, 'run-folder');
    if (!stat.isDirectory()) throw new RelaybenchError(`${label} ${dir} is a file, not a run folder. ${hint}`, 'run-folder');
    const requests = join(dir, RUN_FILES.requests);
    const requestsStat = statSync(requests, { throwIfNoEntry: false });
    if (requestsStat === undefined || !requestsStat.isFile()) throw new RelaybenchError(`${label} ${dir} is not a run folder: it has no requests.csv. ${hint}`, 'run-folder');
    if (!firstBytes(requests, HEADER_START.length).startsWith(HEADER_START)) {
      throw new RelaybenchError(`${label} ${dir} is not a run folder: its requests.csv does not start with relaybench's header (${HEADER_START}…).`, 'run-folder');
    }
    assertNotHeld(dir);
  } catch (error) {
    throw fileSystemError(error, 'read', dir);
  }
}
