import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { EMULATOR_API_KEY } from '../suite/index.js';
import { startLocalServer } from './localServer.js';
import type { ProcessCost } from './processStats.js';
import { readRowCount, readServerSpan } from './runFiles.js';
import { runHarness, type HarnessRun } from './spawnRuns.js';
import { LOCAL_SERVER_KEY_VARIABLE, repeatsFor, writeLocalServerSuite } from './suites.js';
import { runTimeline } from './timeline.js';
import type { TimelineResult } from './types.js';

/** What one timed run gives: the process's cost (memory, scaling) and its timeline (start-up, post-run). */
export interface TimedRun {
  cost: ProcessCost;
  timeline: TimelineResult;
}

/**
 * One `relaybench run` of `jobs` jobs on the instant profile, against a local server started just
 * before it and stopped after it (localServer.ts), so the process's start-up and exit are its
 * own: peak RSS and CPU as the process reported them at exit, and its timeline (timeline.ts) from
 * the bench's spawn and exit times and the server's log. `inspect` reads the run folder before it
 * is deleted. The relay's key is the one the emulator accepts for an emulated relay. Throws when
 * the run fails or the server logged no request.
 */
export async function timedRun(work: string, emulatedSuiteFile: string, jobs: number, concurrency: number, inspect?: (run: HarnessRun) => Promise<void>): Promise<TimedRun> {
  const name = `timed-${jobs}-c${concurrency}`;
  const truthFile = join(work, `${name}.truth.jsonl`);
  rmSync(truthFile, { force: true });
  const server = await startLocalServer(emulatedSuiteFile, truthFile);
  let run: HarnessRun;
  try {
    const suiteFile = writeLocalServerSuite(work, `bench-${name}`, server.relayBaseUrl);
    run = await runHarness({ suiteFile, outDir: join(work, name), concurrency, repeats: repeatsFor(jobs), env: { [LOCAL_SERVER_KEY_VARIABLE]: EMULATOR_API_KEY } });
  } finally {
    await server.stop();
  }
  try {
    const span = await readServerSpan(truthFile);
    if (span === undefined) throw new Error(`${truthFile}: the server logged no request`);
    const rows = readRowCount(join(run.outDir, 'run.json'));
    await inspect?.(run);
    return {
      cost: { jobs, cpuMs: run.cpuMs, peakRssMb: run.peakRssMb, wallS: run.wallS },
      timeline: runTimeline({ jobs, concurrency, rows }, run, span),
    };
  } finally {
    rmSync(run.outDir, { recursive: true, force: true });
    rmSync(truthFile, { force: true });
  }
}
