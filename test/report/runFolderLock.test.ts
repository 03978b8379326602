import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RelaybenchError } from '../../src/errors/index.js';
import { LOCK_FILE, lockRunFolder, otherLiveHolder } from '../../src/runfolder/lock.js';

/** Each kind of lock a folder may already hold, and whether a new run may take it over. */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'relaybench-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const lockPath = (): string => join(dir, LOCK_FILE);
const holder = (pid: number, host = hostname()): string => JSON.stringify({ pid, host, since: '2026-01-01T00:00:00.000Z', command: 'run' });
const deadPid = (): number => Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString());
const aged = (): void => utimesSync(lockPath(), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));

describe('lockRunFolder', () => {
  it.each([
    { name: 'a live process on this host', content: () => holder(process.ppid), age: false, taken: false, says: /held by relaybench run \(pid \d+, since/ },
    {
      name: 'a process on another host (cannot be checked)',
      content: () => holder(1, 'other-host'),
      age: false,
      taken: false,
      says: /pid 1 on other-host.*delete .*\.relaybench\.lock/,
    },
    { name: 'a lock being written right now (empty, fresh)', content: () => '', age: false, taken: false, says: /held by another relaybench process/ },
    { name: 'a dead process', content: () => holder(deadPid()), age: false, taken: true, says: undefined },
    { name: 'an earlier process that had this pid', content: () => holder(process.pid), age: false, taken: true, says: undefined },
    { name: 'an empty lock left long ago', content: () => '', age: true, taken: true, says: undefined },
    { name: 'garbage left long ago', content: () => 'not json', age: true, taken: true, says: undefined },
  ])('held by $name: taken over = $taken', ({ content, age, taken, says }) => {
    const written = content();
    writeFileSync(lockPath(), written);
    if (age) aged();
    if (taken) {
      const lock = lockRunFolder(dir, 'run');
      expect(JSON.parse(readFileSync(lockPath(), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname(), command: 'run' });
      expect(otherLiveHolder(dir)).toBeUndefined();
      lock.release();
      expect(existsSync(lockPath())).toBe(false);
      return;
    }
    let caught: unknown;
    try {
      lockRunFolder(dir, 'run');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RelaybenchError);
    expect((caught as RelaybenchError).exitCode).toBe(2);
    expect((caught as RelaybenchError).message).toMatch(says as RegExp);
    // A refused lock is left exactly as its holder wrote it.
    expect(readFileSync(lockPath(), 'utf8')).toBe(written);
  });

  it('is exclusive within one process too, and release removes only its own lock', () => {
    const lock = lockRunFolder(dir, 'run');
    expect(() => lockRunFolder(dir, 'gate')).toThrow(/held by relaybench run/);
    writeFileSync(lockPath(), holder(process.ppid));
    lock.release();
    expect(existsSync(lockPath())).toBe(true);
  });

  it('leaves no stale leftovers after a takeover', () => {
    writeFileSync(lockPath(), holder(deadPid()));
    lockRunFolder(dir, 'run').release();
    expect(existsSync(dir) && spawnSync('ls', ['-A', dir]).stdout.toString().trim()).toBe('');
  });
});
