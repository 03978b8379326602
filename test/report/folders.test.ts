import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RelaybenchError } from '../../src/errors/index.js';
import { claimEmptyFolder, claimUniqueFolder } from '../../src/runfolder/claimFolder.js';
import { REQUEST_COLUMNS } from '../../src/runfolder/columns.js';
import { checkNotAnInput, checkWritableFile, makeFolders } from '../../src/runfolder/folders.js';
import { checkRunFolder } from '../../src/runfolder/checkFolder.js';
import { LOCK_FILE } from '../../src/runfolder/lock.js';

/**
 * Paths relaybench writes to or reads from, each kind of bad path a row: every one ends quickly
 * (Node's own recursive mkdir spins forever on /proc) as a one-line usage error, exit 2.
 */
let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'relaybench-folders-'));
  writeFileSync(join(root, 'a-file'), 'x');
  mkdirSync(join(root, 'suites'));
  writeFileSync(join(root, 'suites', 'demo.yaml'), 'name: demo\n');
  mkdirSync(join(root, 'empty'));
  symlinkSync(join(root, 'nowhere'), join(root, 'dangling'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const onLinux = process.platform === 'linux';
const at = (path: string): string => (path.startsWith('/') ? path : join(root, path));

function failure(run: () => unknown): RelaybenchError {
  const started = Date.now();
  try {
    run();
  } catch (error) {
    expect(Date.now() - started).toBeLessThan(2000);
    if (error instanceof RelaybenchError) return error;
    throw error;
  }
  throw new Error('expected a RelaybenchError');
}

/** A pid that belonged to a process that has exited: a stale lock's holder. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('makeFolders', () => {
  it.each([
    { path: '/proc/rb', code: 'ENOENT', linuxOnly: true },
    { path: '/proc/rb/deeper/still', code: 'ENOENT', linuxOnly: true },
    { path: '/proc/self/rb', code: 'ENOENT', linuxOnly: true },
    { path: '/sys/rb', code: /EPERM|EACCES|EROFS/, linuxOnly: true },
    { path: 'a-file/sub', code: 'ENOTDIR', linuxOnly: false },
    { path: 'a-file', code: 'ENOTDIR', linuxOnly: false },
    { path: 'dangling/out', code: 'ENOENT', linuxOnly: false },
    { path: '/dev/null/x', code: 'ENOTDIR', linuxOnly: true },
  ])('$path fails at once with $code, never loops', ({ path, code, linuxOnly }) => {
    if (linuxOnly && !onLinux) return;
    const started = Date.now();
    let caught: NodeJS.ErrnoException | undefined;
    try {
      makeFolders(at(path));
    } catch (error) {
      caught = error as NodeJS.ErrnoException;
    }
    expect(Date.now() - started).toBeLessThan(2000);
    expect(caught?.code).toMatch(code);
  });

  it('makes every missing parent and accepts folders that exist', () => {
    makeFolders(join(root, 'new', 'a', 'b'));
    makeFolders(join(root, 'new', 'a', 'b'));
    expect(existsSync(join(root, 'new', 'a', 'b'))).toBe(true);
  });
});

describe('claimEmptyFolder (--out)', () => {
  it.each([
    { out: '/proc/rb', says: /--out: cannot create the folder \/proc\/rb: .*ENOENT/, linuxOnly: true },
    { out: '/sys/rb', says: /--out: cannot create the folder \/sys\/rb/, linuxOnly: true },
    { out: 'a-file', says: /--out .*a-file is a file, not a folder/, linuxOnly: false },
    { out: 'a-file/run', says: /ENOTDIR/, linuxOnly: false },
    { out: 'suites', says: /--out .*suites is not empty \(it holds demo\.yaml\)/, linuxOnly: false },
    { out: 'dangling/out', says: /ENOENT/, linuxOnly: false },
  ])('refuses $out', ({ out, says, linuxOnly }) => {
    if (linuxOnly && !onLinux) return;
    const error = failure(() => claimEmptyFolder(at(out), '--out', 'run'));
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(says);
    expect(error.message).not.toContain('\n');
  });

  it.each([
    ['requests.csv', ['requests.csv']],
    ['a running run', ['plan.json', LOCK_FILE]],
  ])('refuses a folder inside a run folder (%s), new or existing, directly or through a symlink', (marker, files) => {
    const run = at(`run-with-${marker}`);
    mkdirSync(join(run, 'empty-sub'), { recursive: true });
    for (const file of files) writeFileSync(join(run, file), file === 'requests.csv' ? `${REQUEST_COLUMNS.join(',')}\n` : '{}');
    symlinkSync(run, at(`link-to-${marker}`));
    for (const out of [join(run, 'sub'), join(run, 'a', 'b'), join(run, 'empty-sub'), join(at(`link-to-${marker}`), 'sub')]) {
      const error = failure(() => claimEmptyFolder(out, '--out', 'run'));
      expect(error.exitCode).toBe(2);
      expect(error.message).toBe(`--out ${out} is inside the run folder ${run}: a run folder holds only its own files. Choose an --out outside it.`);
    }
    expect(existsSync(join(run, 'sub'))).toBe(false);
    expect(existsSync(join(run, 'a'))).toBe(false);
  });

  it("takes a folder inside a project's own requests.csv, plan.json or run.json", () => {
    const project = at('project');
    mkdirSync(project);
    writeFileSync(join(project, 'requests.csv'), 'id,url\n');
    writeFileSync(join(project, 'plan.json'), '{}');
    writeFileSync(join(project, 'run.json'), '{}');
    claimEmptyFolder(join(project, 'out'), '--out', 'run').release();
  });

  it('leaves a refused folder as it was: no lock file left in it', () => {
    failure(() => claimEmptyFolder(join(root, 'suites'), '--out', 'run'));
    expect(readdirSync(join(root, 'suites'))).toEqual(['demo.yaml']);
  });

  it('takes a new or empty folder and locks it; a second claim is refused while the first holds it', () => {
    for (const out of ['empty', 'brand/new/out']) {
      const lock = claimEmptyFolder(at(out), '--out', 'run');
      expect(existsSync(join(at(out), LOCK_FILE))).toBe(true);
      lock.release();
      expect(existsSync(join(at(out), LOCK_FILE))).toBe(false);
    }
    const held = claimEmptyFolder(at('held'), '--out', 'run');
    writeFileSync(join(at('held'), 'requests.csv'), `${REQUEST_COLUMNS.join(',')}\n`);
    expect(failure(() => claimEmptyFolder(at('held'), '--out', 'run')).message).toMatch(/held by relaybench run \(pid \d+/);
    held.release();
    expect(failure(() => claimEmptyFolder(at('held'), '--out', 'run')).message).toContain('already holds a run (requests.csv exists)');
  });

  it("reads a folder holding only a dead process's lock as empty", () => {
    mkdirSync(at('stale'));
    writeFileSync(join(at('stale'), LOCK_FILE), JSON.stringify({ pid: deadPid(), host: hostname(), since: 'then', command: 'run' }));
    claimEmptyFolder(at('stale'), '--out', 'run').release();
  });
});

describe('claimUniqueFolder (default results/<suite>/<stamp>)', () => {
  it('gives runs started in the same millisecond their own folders', () => {
    const claims = Array.from({ length: 4 }, () => claimUniqueFolder(join(root, 'results', 'suite'), '2026-01-01T00-00-00.000Z', 'run'));
    expect(new Set(claims.map((claim) => claim.dir)).size).toBe(4);
    expect(claims[0]?.dir.endsWith('2026-01-01T00-00-00.000Z')).toBe(true);
    for (const claim of claims.slice(1)) expect(claim.dir).toMatch(/2026-01-01T00-00-00\.000Z-[0-9a-f]{6}$/);
    for (const claim of claims) claim.lock.release();
  });

  it('refuses a parent it cannot make, at once', () => {
    if (!onLinux) return;
    expect(failure(() => claimUniqueFolder('/proc/results/suite', 'x', 'run')).message).toMatch(/ENOENT/);
  });
});

describe('checkWritableFile (--junit, --summary-md)', () => {
  it.each([
    { path: '/proc/x/junit.xml', says: /--junit: cannot write \/proc\/x\/junit\.xml: .*ENOENT/, linuxOnly: true },
    { path: '/sys/junit.xml', says: /--junit: cannot write/, linuxOnly: true },
    { path: 'a-file/junit.xml', says: /ENOTDIR/, linuxOnly: false },
    { path: 'suites', says: /--junit .*suites is a folder/, linuxOnly: false },
    { path: '/dev/full', says: /--junit \/dev\/full is not a regular file/, linuxOnly: true },
    { path: '/dev/null', says: /--junit \/dev\/null is not a regular file/, linuxOnly: true },
  ])('refuses $path before the run', ({ path, says, linuxOnly }) => {
    if (linuxOnly && !onLinux) return;
    const error = failure(() => checkWritableFile(at(path), '--junit'));
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(says);
  });

  it('accepts a file in a folder it makes, and leaves no probe behind', () => {
    checkWritableFile(join(root, 'reports', 'junit.xml'), '--junit');
    expect(readdirSync(join(root, 'reports'))).toEqual([]);
  });

  it('refuses a folder made read-only (chattr +i, which binds root too) when chattr is available', () => {
    const folder = at('immutable');
    mkdirSync(folder);
    if (spawnSync('chattr', ['+i', folder]).status !== 0) return;
    try {
      expect(failure(() => checkWritableFile(join(folder, 'junit.xml'), '--junit')).message).toMatch(/EPERM|EACCES|EROFS/);
      expect(failure(() => claimEmptyFolder(folder, '--out', 'run')).message).toMatch(/EPERM|EACCES|EROFS/);
    } finally {
      spawnSync('chattr', ['-i', folder]);
    }
  });

  it('refuses a folder without write permission when not root (root ignores modes)', () => {
    if (process.getuid?.() === 0) return;
    const folder = at('no-write');
    mkdirSync(folder);
    chmodSync(folder, 0o500);
    expect(failure(() => checkWritableFile(join(folder, 'junit.xml'), '--junit')).message).toMatch(/EACCES/);
  });
});

describe('checkRunFolder (--resume, --baseline, report, gate, merge)', () => {
  const runFolder = (name: string, header = REQUEST_COLUMNS.join(',')): string => {
    const dir = at(name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'requests.csv'), `${header}\n`);
    return dir;
  };

  it.each([
    { dir: 'missing', says: /--baseline .*missing: no such folder/ },
    { dir: 'a-file', says: /--baseline .*a-file is a file, not a run folder/ },
    { dir: 'suites', says: /--baseline .*suites is not a run folder: it has no requests\.csv/ },
    { dir: 'a-file/sub', says: /ENOTDIR|no such folder/ },
  ])('refuses $dir', ({ dir, says }) => {
    const error = failure(() => checkRunFolder(at(dir), '--baseline'));
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(says);
  });

  it("refuses a requests.csv that is not relaybench's", () => {
    expect(failure(() => checkRunFolder(runFolder('foreign', 'name,value'), '--resume')).message).toContain("does not start with relaybench's header");
  });

  it('refuses a folder a live process holds, accepts one whose holder is dead', () => {
    const live = runFolder('live');
    writeFileSync(join(live, LOCK_FILE), JSON.stringify({ pid: process.ppid, host: hostname(), since: '2026-01-01T00:00:00Z', command: 'run' }));
    expect(failure(() => checkRunFolder(live, '--resume')).message).toMatch(/held by relaybench run \(pid \d+/);
    const dead = runFolder('dead');
    writeFileSync(join(dead, LOCK_FILE), JSON.stringify({ pid: deadPid(), host: hostname(), since: '2026-01-01T00:00:00Z', command: 'run' }));
    checkRunFolder(dead, '--resume');
    checkRunFolder(runFolder('plain'), 'gate');
  });
});

describe("an output flag never names one of the command's own inputs (--junit RUN/requests.csv replaced the rows)", () => {
  const run = (): string => at('run-in-play');
  beforeAll(() => {
    mkdirSync(join(root, 'run-in-play', 'captures'), { recursive: true });
    writeFileSync(join(root, 'run-in-play', 'requests.csv'), 'x');
    symlinkSync(join(root, 'suites', 'demo.yaml'), join(root, 'suite-link.yaml'));
  });
  const refused: Array<[what: string, path: () => string, message: RegExp]> = [
    ['the suite file', () => at('suites/demo.yaml'), /is .*demo\.yaml, an input of this command/],
    ['the suite through ..', () => at('suites/../suites/demo.yaml'), /an input of this command/],
    ['a symlink to the suite', () => at('suite-link.yaml'), /an input of this command/],
    ["the suite's .env", () => at('suites/.env'), /an input of this command/],
    ['requests.csv of the run', () => join(run(), 'requests.csv'), /the run's own requests\.csv/],
    ['run.json (not written yet)', () => join(run(), 'run.json'), /the run's own run\.json/],
    ['summary.md', () => join(run(), 'summary.md'), /summary\.md/],
    ['a capture', () => join(run(), 'captures', 'abc.jsonl'), /the run's own captures/],
    ['the lock', () => join(run(), LOCK_FILE), /the run's own \.relaybench\.lock/],
    ['the run folder reached through ..', () => join(run(), '..', 'run-in-play', 'plan.json'), /plan\.json/],
  ];
  it.each(refused)('%s is refused with the flag named', (_what, path, message) => {
    const error = failure(() => checkNotAnInput(path(), '--junit', { files: [at('suites/demo.yaml'), at('suites/.env')], runFolders: [run()] }));
    expect(error.message).toMatch(/^--junit /);
    expect(error.message).toMatch(message);
    expect(error.exitCode).toBe(2);
  });
  const allowed: Array<[what: string, path: () => string]> = [
    ['junit.xml in the run folder', () => join(run(), 'junit.xml')],
    ['a file beside the suite', () => at('suites/junit.xml')],
    ['a file of the same name elsewhere', () => at('requests.csv')],
  ];
  it.each(allowed)('%s is accepted', (_what, path) => {
    expect(() => checkNotAnInput(path(), '--junit', { files: [at('suites/demo.yaml')], runFolders: [run()] })).not.toThrow();
  });
});
