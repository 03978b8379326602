import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The layer rule (.dependency-cruiser.cjs) on the real tree, and on scratch copies of it with one
 * backwards import or one cycle added: the rule must fail there and name itself and the file.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const DEPCRUISE = join(ROOT, 'node_modules', '.bin', 'depcruise');

/** Runs dependency-cruiser in `cwd` (asynchronously: a blocked worker would stall vitest). */
function cruise(cwd: string): Promise<{ status: number; output: string }> {
  return new Promise((done) => {
    execFile(DEPCRUISE, ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], { cwd, encoding: 'utf8' }, (error, stdout, stderr) => {
      done({ status: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, output: `${stdout}${stderr}` });
    });
  });
}

const scratches: string[] = [];
/** A copy of src/, the rule and tsconfig.json in a fresh temporary folder. */
function scratchCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'relaybench-layers-'));
  scratches.push(dir);
  cpSync(join(ROOT, 'src'), join(dir, 'src'), { recursive: true });
  cpSync(join(ROOT, '.dependency-cruiser.cjs'), join(dir, '.dependency-cruiser.cjs'));
  cpSync(join(ROOT, 'tsconfig.json'), join(dir, 'tsconfig.json'));
  return dir;
}

afterAll(() => {
  for (const dir of scratches) rmSync(dir, { recursive: true, force: true });
});

describe('the layer rule', () => {
  it('holds on the source tree', async () => {
    const { status, output } = await cruise(ROOT);
    expect(output).toContain('no dependency violations found');
    expect(status).toBe(0);
  });

  // One scratch copy with every kind of break, cruised once (each run takes seconds on 2 cores).
  const breaks = [
    {
      name: 'suite importing a later stage',
      file: 'src/suite/backwards.ts',
      source: "import { evaluateGates } from '../analysis/gates.js';\nexport const gates = evaluateGates;\n",
      rule: 'layer-suite',
    },
    {
      name: 'analysis importing report',
      file: 'src/analysis/backwards.ts',
      source: "import { formatTable } from '../report/table.js';\nexport const table = formatTable;\n",
      rule: 'layer-analysis',
    },
    {
      name: 'the run-folder contract importing run',
      file: 'src/runfolder/backwards.ts',
      source: "import { runJobs } from '../run/runner.js';\nexport const run = runJobs;\n",
      rule: 'layer-runfolder',
    },
    {
      name: 'gate importing cli',
      file: 'src/gate/backwards.ts',
      source: "import { CliError } from '../cli/exitCodes.js';\nexport const error = CliError;\n",
      rule: 'no-cli-below-top',
    },
    { name: 'a cycle inside one folder', file: 'src/stats/cycleA.ts', source: "import { b } from './cycleB.js';\nexport const a = (): number => b() + 1;\n", rule: 'no-circular' },
    { name: 'its other half', file: 'src/stats/cycleB.ts', source: "import { a } from './cycleA.js';\nexport const b = (): number => a() - 1;\n", rule: 'no-circular' },
  ];
  let broken: Promise<{ status: number; output: string }> | undefined;
  const cruiseBroken = (): Promise<{ status: number; output: string }> => {
    broken ??= (() => {
      const dir = scratchCopy();
      for (const { file, source } of breaks) writeFileSync(join(dir, file), source);
      return cruise(dir);
    })();
    return broken;
  };

  it.each(breaks)('fails on $name, naming the rule ($rule) and the file', async ({ file, rule }) => {
    const { status, output } = await cruiseBroken();
    expect(status).not.toBe(0);
    expect(output).toContain(rule);
    expect(output).toContain(file);
  });
});
