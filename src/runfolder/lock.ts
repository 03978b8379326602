import { closeSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { RelaybenchError } from '../errors/index.js';
import { RUN_FILES } from './names.js';

/** The lock file in a run folder that a live run, merge, report or gate holds while it writes (its name: runfolder/names.ts). */
export const LOCK_FILE = RUN_FILES.lock;

/** What a lock file holds: who took it, so another process can tell a live holder from a dead one. */
export interface LockHolder {
  pid: number;
  host: string;
  /** ISO time the lock was taken. */
  since: string;
  /** The command that holds it (`run`, `merge`, …), for the message. */
  command: string;
}

/** A taken lock; `release` removes it if it is still ours (idempotent). */
export interface RunFolderLock {
  dir: string;
  release(): void;
}

/** A lock file with no readable holder younger than this is being written now, not abandoned. */
const UNREADABLE_GRACE_MS = 5_000;

/** `since` of the locks this process holds: tells our own lock from a dead one that had our pid. */
const heldHere = new Set<string>();

/** Takeover attempts before giving up: each is one exclusive create and at most one rename. */
const MAX_ATTEMPTS = 3;

function readHolder(path: string): LockHolder | 'unreadable' | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid === 'number' && typeof value.host === 'string') {
      return { pid: value.pid, host: value.host, since: String(value.since ?? ''), command: String(value.command ?? 'relaybench') };
    }
  } catch {
    // fall through: a lock being written right now, or garbage
  }
  return 'unreadable';
}

/**
 * Whether the holder's process still runs. `kill(pid, 0)` sends nothing: it succeeds (or fails
 * with EPERM) for a live process and fails with ESRCH for a dead one (POSIX kill(2)). A lock taken
 * on another host cannot be checked from here, so it counts as live.
 */
export function isLiveHolder(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  // This pid on this host: live only if this process took it; else an earlier process had our pid.
  if (holder.pid === process.pid) return heldHere.has(holder.since);
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isFresh(path: string): boolean {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat !== undefined && Date.now() - stat.mtimeMs < UNREADABLE_GRACE_MS;
}

function heldError(dir: string, holder: LockHolder | undefined): RelaybenchError {
  const who =
    holder === undefined
      ? 'another relaybench process'
      : `relaybench ${holder.command} (pid ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host}`}, since ${holder.since})`;
  const remedy =
    holder !== undefined && holder.host !== hostname() ? ` If no run is writing there, delete ${join(dir, LOCK_FILE)}.` : ' Wait for it to finish, or choose another folder.';
  return new RelaybenchError(`${dir} is held by ${who}: it is still being written.${remedy}`, 'run-folder');
}

/**
 * The live process that holds `dir`, if any other than this one. Readers (report, gate, merge,
 * baseline) refuse a folder a live run is still writing: its files are not final.
 */
export function otherLiveHolder(dir: string): LockHolder | undefined {
  const holder = readHolder(join(dir, LOCK_FILE));
  if (holder === undefined) return undefined;
  if (holder === 'unreadable') return isFresh(join(dir, LOCK_FILE)) ? { pid: 0, host: hostname(), since: 'just now', command: 'process' } : undefined;
  if (holder.pid === process.pid && holder.host === hostname()) return undefined;
  return isLiveHolder(holder) ? holder : undefined;
}

/** Throws a usage error (exit 2) when another live process holds `dir`. */
export function assertNotHeld(dir: string): void {
  const holder = otherLiveHolder(dir);
  if (holder !== undefined) throw heldError(dir, holder.pid === 0 ? undefined : holder);
}

/**
 * Takes the folder's lock: creates `dir/.relaybench.lock` with `open(…, 'wx')` (O_CREAT|O_EXCL,
 * atomic: of two processes exactly one succeeds) holding this process's pid. A lock whose holder
 * is dead is stale: it is moved aside with one atomic rename (so of two processes taking it over,
 * one wins) and taken again. A lock held by a live process is refused with a usage error (exit 2)
 * naming it. The lock is released by `release()` and, as a last resort, when the process exits.
 * Never loops: at most {@link MAX_ATTEMPTS} creates. OS errors other than EEXIST are thrown as is.
 */
export function lockRunFolder(dir: string, command: string): RunFolderLock {
  const path = join(dir, LOCK_FILE);
  const mine: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), command };
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(path);
      if (holder === undefined) continue;
      if (holder === 'unreadable' ? isFresh(path) : isLiveHolder(holder)) throw heldError(dir, holder === 'unreadable' ? undefined : holder);
      const aside = `${path}.stale-${process.pid}`;
      try {
        renameSync(path, aside);
      } catch (renameError) {
        if ((renameError as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw renameError;
      }
      // Between reading and renaming, another process may have taken the stale lock over: if what
      // was moved is a live lock, put it back and refuse.
      const moved = readHolder(aside);
      if (moved !== undefined && moved !== 'unreadable' && isLiveHolder(moved)) {
        try {
          writeFileSync(path, JSON.stringify(moved), { flag: 'wx' });
        } catch {
          // someone holds it again: either way, it is not ours
        }
        unlinkSync(aside);
        throw heldError(dir, moved);
      }
      unlinkSync(aside);
      continue;
    }
    try {
      writeSync(fd, JSON.stringify(mine));
    } finally {
      closeSync(fd);
    }
    heldHere.add(mine.since);
    return holdLock(dir, path, mine);
  }
  throw heldError(dir, undefined);
}

function holdLock(dir: string, path: string, mine: LockHolder): RunFolderLock {
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    heldHere.delete(mine.since);
    process.off('exit', release);
    const holder = readHolder(path);
    if (holder !== undefined && holder !== 'unreadable' && holder.pid === mine.pid && holder.host === mine.host) {
      try {
        unlinkSync(path);
      } catch {
        // a read-only folder or one removed under us: nothing left to release
      }
    }
  };
  process.on('exit', release);
  return { dir, release };
}
