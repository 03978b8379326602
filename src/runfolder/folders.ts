import { closeSync, mkdirSync, openSync, realpathSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, parse, relative, resolve, sep } from 'node:path';
import { fileSystemError, RelaybenchError } from '../errors/index.js';
import { RUN_FILES } from './names.js';

/**
 * `mkdir -p` that always ends. Node's own `mkdirSync(path, { recursive: true })` (20, 22) walks
 * back to the parent on ENOENT and forward again on EEXIST with no limit, so a path whose parent
 * exists but cannot hold children spins at 100% CPU forever: `/proc/rb` (procfs answers ENOENT,
 * not EPERM), `/proc/self/x`. This walks forward once, one component at a time, from the root:
 * at most one `mkdir` per component, and an ENOENT after the parent exists is final. The same
 * failure is documented for Node's recursive mkdir on procfs (CommandMate #1774) and fixed the
 * same way in Bun (oven-sh/bun#40600).
 *
 * Throws the OS error (`NodeJS.ErrnoException`: ENOENT, ENOTDIR, EACCES, EROFS, ENOSPC, …) of
 * the first component that cannot be made; a component that exists as a file is ENOTDIR.
 */
export function makeFolders(path: string): void {
  const target = resolve(path);
  const { root } = parse(target);
  let current = root;
  for (const part of target.slice(root.length).split(sep)) {
    if (part === '') continue;
    current = join(current, part);
    try {
      mkdirSync(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!statSync(current).isDirectory()) {
        throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${current}'`), { code: 'ENOTDIR', syscall: 'mkdir', path: current });
      }
    }
  }
}

/**
 * Checks, before anything is sent, that the output file `path` (written later through a
 * temporary file and a rename in its folder, as `writeFileAtomic` does) can be written: its
 * folder is made if missing, a probe file is created there exclusively and removed, and `path`
 * itself must be a regular file if it exists (not a folder, device or pipe). Root ignores file modes, so this is what finds a read-only file
 * system, a full disk, a path under /proc or /sys, or a parent that is a file.
 *
 * Throws a usage error (exit 2) naming `flag`: `--junit /proc/x/j.xml: cannot write … (ENOENT)`.
 */
export function checkWritableFile(path: string, flag: string): void {
  const target = resolve(path);
  try {
    const existing = statSync(target, { throwIfNoEntry: false });
    if (existing?.isDirectory() === true) {
      throw new RelaybenchError(`${flag} ${path} is a folder; give a file path such as ${join(path, 'out.xml')}`, 'file-system');
    }
    // The file is replaced by a rename: over a device or a pipe (/dev/full, /dev/stdout) that would
    // put a plain file in its place.
    if (existing !== undefined && !existing.isFile()) {
      throw new RelaybenchError(`${flag} ${path} is not a regular file (a device, pipe or socket); give a file path`, 'file-system');
    }
    makeFolders(dirname(target));
    const probe = `${target}.probe-${process.pid}`;
    closeSync(openSync(probe, 'wx'));
    unlinkSync(probe);
  } catch (error) {
    throw withFlag(fileSystemError(error, 'write', path), flag);
  }
}

/** What an output flag must never overwrite: the suite file (and its `.env`) and the run folders in play. */
export interface GuardedInputs {
  /** Files read by this command (the suite, its `.env`). */
  files?: readonly string[];
  /** Run folders this command reads or writes (its own, `--resume`, `--baseline`, `gate`'s folder). */
  runFolders?: readonly string[];
}

/**
 * Refuses an output path (`--junit`, `--emulator-log`) that names one of relaybench's own inputs:
 * the suite file or its `.env`, or one of relaybench's own files in a run folder in play
 * (`requests.csv`, `run.json`, `captures/`, the lock, …). Written at the end of a run, such a file would be replaced
 * after the rows were saved: `--junit RUN/requests.csv` turned a finished run into XML. Paths are
 * compared after `resolve` and, where the file exists, `realpath` (a symlink to the suite counts).
 *
 * Throws a usage error (exit 2) naming `flag`.
 */
export function checkNotAnInput(path: string, flag: string, guarded: GuardedInputs): void {
  const target = realOrResolved(path);
  for (const file of guarded.files ?? []) {
    if (realOrResolved(file) === target) {
      throw new RelaybenchError(`${flag} ${path} is ${file}, an input of this command: it would be overwritten. Give another file, such as junit.xml`, 'flag');
    }
  }
  for (const folder of guarded.runFolders ?? []) {
    const inside = relative(realOrResolved(folder), target);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) continue;
    const [first = ''] = inside.split(sep);
    if (RUN_FOLDER_FILES.includes(first)) {
      throw new RelaybenchError(`${flag} ${path} is the run's own ${first} in ${folder}: it would be overwritten. Give another file, such as ${join(folder, 'junit.xml')}`, 'flag');
    }
  }
}

/** What relaybench itself keeps in a run folder (docs/run-folder.md), its lock included. */
const RUN_FOLDER_FILES: readonly string[] = Object.values(RUN_FILES);

function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    // Missing: resolve its folder's real path, so /tmp/x/../run/f compares as the folder does.
    try {
      return join(realpathSync(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/**
 * Checks that `path` can be appended to (GITHUB_STEP_SUMMARY, an emulator log): opens it for
 * appending, which creates it when missing, as the later append would. Throws a usage error.
 */
export function checkAppendableFile(path: string, flag: string): void {
  try {
    makeFolders(dirname(resolve(path)));
    closeSync(openSync(path, 'a'));
  } catch (error) {
    throw withFlag(fileSystemError(error, 'write', path), flag);
  }
}

/** Prefixes a usage error's message with the flag or variable it came from; other errors pass through. */
export function withFlag(error: unknown, flag: string): unknown {
  if (!(error instanceof RelaybenchError) || error.message.startsWith(flag)) return error;
  return new RelaybenchError(`${flag}: ${error.message}`, error.errorCause, error.exitCode);
}
