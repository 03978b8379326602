import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileSystemError, RelaybenchError } from '../errors/index.js';
import { REQUEST_COLUMNS } from './columns.js';
import { makeFolders, withFlag } from './folders.js';
import { LOCK_FILE, lockRunFolder, type RunFolderLock } from './lock.js';
import { RUN_FILES } from './names.js';

/** Names tried for a default run folder before giving up: the stamp, then the stamp with a random suffix. */
const MAX_NAMES = 8;

/** Entries of a folder other than relaybench's lock (and its stale leftovers). */
function entriesOf(dir: string): string[] {
  return readdirSync(dir).filter((name) => !name.startsWith(LOCK_FILE));
}

function listed(names: string[]): string {
  const shown = names.sort().slice(0, 3).join(', ');
  return names.length > 3 ? `${shown} and ${names.length - 3} more` : shown;
}

/** The start of the requests.csv relaybench writes (as runFolderCheck tells a run folder from any folder). */
const HEADER_START = `${REQUEST_COLUMNS[0]},${REQUEST_COLUMNS[1]},`;

/**
 * A run folder, finished or being written: its requests.csv starts with relaybench's header, or it
 * holds the plan and the lock of a run that has not written a row yet. Any other `plan.json`,
 * `run.json` or `requests.csv` (a project's own) does not count.
 */
function isRunFolder(dir: string): boolean {
  const isFile = (name: string): boolean => statSync(join(dir, name), { throwIfNoEntry: false })?.isFile() === true;
  if (isFile(RUN_FILES.plan) && isFile(LOCK_FILE)) return true;
  if (!isFile(RUN_FILES.requests)) return false;
  const fd = openSync(join(dir, RUN_FILES.requests), 'r');
  try {
    const buffer = Buffer.alloc(HEADER_START.length);
    return buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString('utf8') === HEADER_START;
  } finally {
    closeSync(fd);
  }
}

/**
 * The run folder `target` would sit inside, if any: the nearest existing ancestor is resolved
 * through symlinks (a link into a run folder counts), then each folder above it is looked at.
 */
function enclosingRunFolder(target: string): string | undefined {
  let existing = target;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  let current = existing === target ? dirname(realpathSync(target)) : realpathSync(existing);
  for (;;) {
    if (isRunFolder(current)) return current;
    if (dirname(current) === current) return undefined;
    current = dirname(current);
  }
}

/**
 * Claims `dir` for a new run or merge (`--out`): it may be new (made, with its parents) or an empty
 * folder, never a file nor a folder holding anything else — `--out suites` must not overwrite the
 * suites — nor a folder inside a run folder (`--out RUN/sub`). The folder's lock is taken first and the folder checked under it, so two processes
 * given the same `--out` cannot both write there. `resumeHint` is added when the folder holds a
 * run. Throws a one-line usage error (exit 2); OS errors become one line too.
 */
export function claimEmptyFolder(dir: string, flag: string, command: string, resumeHint = ''): RunFolderLock {
  const target = resolve(dir);
  let lock: RunFolderLock | undefined;
  try {
    const stat = statSync(target, { throwIfNoEntry: false });
    if (stat !== undefined && !stat.isDirectory()) throw new RelaybenchError(`${flag} ${dir} is a file, not a folder: give a new or empty folder.`, 'run-folder');
    // A folder inside a run would be read as part of it (merge, report) or lost when it is deleted.
    const enclosing = enclosingRunFolder(target);
    if (enclosing !== undefined)
      throw new RelaybenchError(`${flag} ${dir} is inside the run folder ${enclosing}: a run folder holds only its own files. Choose an ${flag} outside it.`, 'run-folder');
    if (stat === undefined) makeFolders(target);
    lock = lockRunFolder(target, command);
    const entries = entriesOf(target);
    if (entries.includes(RUN_FILES.requests))
      throw new RelaybenchError(`${flag} ${dir} already holds a run (requests.csv exists). Choose another ${flag}${resumeHint}.`, 'run-folder');
    if (entries.length > 0) {
      throw new RelaybenchError(
        `${flag} ${dir} is not empty (it holds ${listed(entries)}): relaybench writes only into a new or empty folder. Choose another ${flag}.`,
        'run-folder',
      );
    }
    return lock;
  } catch (error) {
    lock?.release();
    throw withFlag(fileSystemError(error, 'create the folder', dir), flag);
  }
}

/**
 * Makes a new, unique folder `parent/<stamp>` and takes its lock, for a run with no `--out`. The
 * final `mkdir` is not recursive, so it is exclusive: of runs started in the same millisecond
 * (four shards launched together in CI) one gets `<stamp>` and the others `<stamp>-<6 hex>`.
 * Returns the folder's path and its lock. Throws a one-line usage error on OS errors.
 */
export function claimUniqueFolder(parent: string, stamp: string, command: string): { dir: string; lock: RunFolderLock } {
  const base = resolve(parent);
  try {
    makeFolders(base);
    for (let attempt = 0; attempt < MAX_NAMES; attempt++) {
      const dir = join(base, attempt === 0 ? stamp : `${stamp}-${randomBytes(3).toString('hex')}`);
      try {
        mkdirSync(dir);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw error;
      }
      return { dir, lock: lockRunFolder(dir, command) };
    }
  } catch (error) {
    throw fileSystemError(error, 'create a run folder in', parent);
  }
  throw new RelaybenchError(`could not find a free folder name in ${parent} after ${MAX_NAMES} tries; pass --out.`, 'file-system');
}
