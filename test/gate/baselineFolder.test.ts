import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBaselineFolder } from '../../src/gate/baselineFolder.js';
import { RelaybenchError } from '../../src/errors/index.js';
import { makeRun } from './rows.js';
import { temporaryFolder, writeRunFolder } from './runFolders.js';

let folder: ReturnType<typeof temporaryFolder>;
beforeEach(() => {
  folder = temporaryFolder();
});
afterEach(() => folder.remove());

const rows = makeRun({ cases: ['a', 'b'], relays: ['r'], repeats: 1 });

/** Each way a folder can fail to be a baseline, built in a fresh directory. */
const NOT_A_RUN: Array<[string, (dir: string) => void, string]> = [
  ['a folder that does not exist', () => undefined, 'no such folder'],
  ['an empty folder', (dir) => mkdirSync(dir), 'has no requests.csv'],
  ['a file, not a folder', (dir) => writeFileSync(dir, 'x'), 'is a file, not a run folder'],
  [
    'a run without run.json (it never finished)',
    (dir) => {
      writeRunFolder(dir, rows);
      rmSync(join(dir, 'run.json'));
    },
    'has no run.json',
  ],
  [
    'an empty run.json',
    (dir) => {
      writeRunFolder(dir, rows);
      writeFileSync(join(dir, 'run.json'), '');
    },
    'run.json is not valid JSON',
  ],
  [
    'a run.json of something else',
    (dir) => {
      writeRunFolder(dir, rows);
      writeFileSync(join(dir, 'run.json'), '{"name": "other"}');
    },
    'is not a relaybench run.json',
  ],
  [
    'a CSV without job ids',
    (dir) => {
      writeRunFolder(dir, rows);
      writeFileSync(join(dir, 'requests.csv'), 'a,b\n1,2\n');
    },
    "does not start with relaybench's header",
  ],
];

describe('readBaselineFolder', () => {
  it.each(NOT_A_RUN)('refuses %s with a usage error (exit 2)', (_, make, message) => {
    const dir = join(folder.dir, 'baseline');
    make(dir);
    let caught: unknown;
    try {
      readBaselineFolder(dir);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RelaybenchError);
    expect((caught as RelaybenchError).exitCode).toBe(2);
    expect((caught as RelaybenchError).message).toContain(message);
  });

  it('reads the rows and the resolved configuration of a run', () => {
    const baseline = readBaselineFolder(writeRunFolder(join(folder.dir, 'baseline'), rows));
    expect(baseline.rows.map((row) => row.case_id)).toEqual(['a', 'b']);
    expect(baseline.config.model).toBe('gemini-2.5-flash');
  });
});
