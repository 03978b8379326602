/**
 * `npm run bench [-- --quick] [-- --out DIR] [-- --only memory|start-lag]`: measures how accurate and how cheap the harness is,
 * by running the built CLI as a user would against the emulator in its own process, and writes
 * DIR/bench.json (default results/bench/<UTC stamp>/) plus a readable table.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileSystemError } from '../errors/index.js';
import { makeFolders } from '../runfolder/folders.js';
import { mean } from '../stats/descriptive.js';
import { commitOf, machineInfo, timeStartup } from './environment.js';
import { errorStats, joinWithTruth } from './fidelity.js';
import { memoryGrowth } from './memoryGrowth.js';
import { BenchUsageError, FULL_SIZES, MEMORY_ONLY_JOBS, parseBenchArgs, QUICK_SIZES, type BenchSizes } from './options.js';
import { measureOutsideRun } from './outsideRun.js';
import { scalingPoints, startupSummary, type ProcessCost } from './processStats.js';
import { readHarnessTimings, readTruth } from './runFiles.js';
import { detailsOf, requestsCsvOf, runBareLoop, runHarness, type HarnessRun } from './spawnRuns.js';
import { FIRST_TEXT_CHUNK, repeatsFor, writeBenchSuite } from './suites.js';
import { formatBenchReport, formatMemoryOnly, startLagSection } from './table.js';
import { measureStartLag } from './startLag.js';
import { checkTargets, memoryChecks, postRunCheck, startLagCheck } from './targets.js';
import { timedRun, type TimedRun } from './timedRun.js';
import { streamsPerSecond, throughputRatio } from './throughput.js';
import type { BenchResult, FidelityResult, MemoryOnlyResult, ThroughputResult } from './types.js';

const round = (value: number | undefined, digits = 3): number | null => (value === undefined ? null : Number(value.toFixed(digits)));

function say(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

async function measureFidelity(work: string, suiteFile: string, concurrency: number, requests: number): Promise<FidelityResult> {
  say(`fidelity: ${requests} requests on the honest profile at concurrency ${concurrency}`);
  const truthFile = join(work, `truth-${concurrency}.jsonl`);
  const run = await runHarness({ suiteFile, outDir: join(work, `fidelity-${concurrency}`), concurrency, repeats: repeatsFor(requests), emulatorLog: truthFile });
  const errors = joinWithTruth(await readHarnessTimings(requestsCsvOf(run), detailsOf(run)), await readTruth(truthFile), FIRST_TEXT_CHUNK);
  rmSync(run.outDir, { recursive: true, force: true });
  const ttft = errorStats(errors.ttftErrMs);
  const total = errorStats(errors.totalErrMs);
  return {
    concurrency,
    requests: ttft?.count ?? 0,
    ttft_err_ms_p50: round(ttft?.p50Ms),
    ttft_err_ms_p99: round(ttft?.p99Ms),
    ttft_err_ms_min: round(ttft?.minMs),
    ttft_err_ms_max: round(ttft?.maxMs),
    total_err_ms_p50: round(total?.p50Ms),
    total_err_ms_p99: round(total?.p99Ms),
    total_err_ms_max: round(total?.maxMs),
    unmatched: errors.unmatched + errors.chunkMismatches,
  };
}

/** One `relaybench run` on the instant profile; `inspect` reads its folder before it is deleted. */
async function instantRun(work: string, suiteFile: string, concurrency: number, jobs: number, inspect?: (run: HarnessRun) => Promise<void>): Promise<ProcessCost> {
  say(`relaybench run: ${jobs} jobs on the instant profile at concurrency ${concurrency}`);
  const run = await runHarness({ suiteFile, outDir: join(work, `instant-${jobs}`), concurrency, repeats: repeatsFor(jobs) });
  await inspect?.(run);
  rmSync(run.outDir, { recursive: true, force: true });
  return { jobs, cpuMs: run.cpuMs, peakRssMb: run.peakRssMb, wallS: run.wallS };
}

/**
 * The scaling and memory runs: each size once on the instant profile against a local server
 * (timedRun.ts), so each also gives a start-up and post-run time. Sizes in `skip` already ran.
 */
async function sizedRuns(work: string, suiteFile: string, concurrency: number, sizes: Iterable<number>, skip: readonly number[] = []): Promise<TimedRun[]> {
  const runs: TimedRun[] = [];
  for (const jobs of new Set(sizes)) {
    if (skip.includes(jobs)) continue;
    say(`relaybench run: ${jobs} jobs on the instant profile at concurrency ${concurrency}, local server`);
    runs.push(await timedRun(work, suiteFile, jobs, concurrency));
  }
  return runs;
}

/** The bare loop, then the harness on the same suite and size; the harness run also counts as a cost point. */
async function measureThroughput(work: string, suiteFile: string, concurrency: number, jobs: number): Promise<{ result: ThroughputResult; cost: ProcessCost }> {
  say(`throughput: bare undici loop, ${jobs} streams at concurrency ${concurrency}`);
  const baseline = await runBareLoop(suiteFile, repeatsFor(jobs), concurrency);
  if (baseline.failures > 0) throw new Error(`the bare loop got ${baseline.failures} non-200 responses from the instant profile`);
  let harnessPerS: number | undefined;
  let chunksPerStream: number | undefined;
  const cost = await instantRun(work, suiteFile, concurrency, jobs, async (run) => {
    const timings = await readHarnessTimings(requestsCsvOf(run), detailsOf(run));
    harnessPerS = streamsPerSecond(timings.map((timing) => ({ startEpochMs: timing.t0EpochMs, endEpochMs: timing.t0EpochMs + (timing.totalMs ?? 0) })));
    chunksPerStream = mean(timings.map((timing) => timing.chunks ?? 0));
  });
  const baselinePerS = baseline.streams_per_s ?? undefined;
  return {
    result: {
      concurrency,
      jobs,
      chunks_per_stream: round(chunksPerStream, 1),
      harness_streams_per_s: round(harnessPerS, 1),
      baseline_streams_per_s: round(baselinePerS, 1),
      ratio: round(throughputRatio(harnessPerS, baselinePerS)),
    },
    cost,
  };
}

async function bench(sizes: BenchSizes, quick: boolean, work: string): Promise<BenchResult> {
  say(`load start lag: Poisson arrivals at 200 req/s for ${sizes.startLagS} s on the instant profile`);
  const startLag = await measureStartLag(work, sizes.startLagS);
  const startedAt = new Date().toISOString();
  say(`start-up: ${sizes.startupRuns} runs of relaybench --help`);
  const startupTimes = timeStartup(sizes.startupRuns);
  const startup = startupSummary(startupTimes.command, startupTimes.durationsMs);

  const instantSuite = writeBenchSuite(work, 'bench-instant', 'instant');
  const { concurrency } = sizes.throughput;
  const throughput = await measureThroughput(work, instantSuite, concurrency, sizes.throughput.jobs);

  const honestSuite = writeBenchSuite(work, 'bench-honest', 'honest');
  const fidelity: FidelityResult[] = [];
  for (const { concurrency: level, requests } of sizes.fidelity) fidelity.push(await measureFidelity(work, honestSuite, level, requests));

  const sized = await sizedRuns(work, instantSuite, concurrency, [...sizes.scalingJobs, ...sizes.memoryJobs], [throughput.cost.jobs]);
  const costs = [throughput.cost, ...sized.map((run) => run.cost)];
  const memory = memoryGrowth(sizes.memoryJobs.map((jobs) => costs.find((cost) => cost.jobs === jobs) as ProcessCost));
  const scaling = scalingPoints(costs.filter((cost) => sizes.scalingJobs.includes(cost.jobs)));
  const outside = await measureOutsideRun(work, instantSuite, sizes, say);
  const timeline = [...outside.timeline, ...sized.map((run) => run.timeline)];

  const targets = checkTargets({ fidelity, throughput: throughput.result, memory, startup, timeline, validate: outside.validate, report: outside.report, startLag });
  return {
    quick,
    started_at: startedAt,
    machine: machineInfo(),
    node: process.version,
    commit: commitOf(),
    fidelity,
    throughput: throughput.result,
    memory,
    scaling,
    startup,
    timeline,
    validate: outside.validate,
    report: outside.report,
    start_lag: startLag,
    targets,
  };
}

/**
 * `--only memory`: the instant-profile runs at two sizes alone (a few minutes), their peak RSS,
 * the growth between them and, free with them, their start-up and post-run times.
 */
async function memoryOnly(work: string, jobs: readonly [number, number], concurrency: number): Promise<MemoryOnlyResult> {
  const instantSuite = writeBenchSuite(work, 'bench-instant', 'instant');
  const runs = await sizedRuns(work, instantSuite, concurrency, jobs);
  const memory = memoryGrowth(runs.map((run) => run.cost));
  const timeline = runs.map((run) => run.timeline);
  return { memory, scaling: scalingPoints(runs.map((run) => run.cost)), timeline, targets: [...memoryChecks(memory), postRunCheck(timeline)] };
}

/** `2026-11-22T00-07-20Z`, as run folders are named. */
function utcStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
}

async function main(args: readonly string[]): Promise<number> {
  let options;
  try {
    options = parseBenchArgs(args);
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  const outDir = resolve(options.outDir ?? join('results', 'bench', utcStamp(new Date())));
  try {
    // Before the bench, not after minutes of it; and never Node's recursive mkdir, which spins on /proc.
    makeFolders(outDir);
  } catch (error) {
    process.stderr.write(`relaybench bench: ${(fileSystemError(error, 'create the folder', outDir) as Error).message}\n`);
    return 2;
  }
  const work = mkdtempSync(join(tmpdir(), 'relaybench-bench-'));
  try {
    const sizes = { ...(options.quick ? QUICK_SIZES : FULL_SIZES), ...(options.startLagS === undefined ? {} : { startLagS: options.startLagS }) };
    if (options.only === 'memory') {
      const jobs = options.memoryJobs ?? MEMORY_ONLY_JOBS;
      say(`memory only: ${jobs.join(' and ')} jobs on the instant profile at concurrency ${sizes.throughput.concurrency}`);
      const only = await memoryOnly(work, jobs, sizes.throughput.concurrency);
      writeFileSync(
        join(outDir, 'bench.json'),
        `${JSON.stringify({ quick: options.quick, started_at: new Date().toISOString(), machine: machineInfo(), node: process.version, commit: commitOf(), ...only }, null, 2)}\n`,
      );
      process.stdout.write(`\n${formatMemoryOnly(only)}\n\nWrote ${join(outDir, 'bench.json')}\n`);
      return 0;
    }
    if (options.only === 'start-lag') {
      say(`load start lag only: Poisson arrivals at 200 req/s for ${sizes.startLagS} s on the instant profile`);
      const startLag = await measureStartLag(work, sizes.startLagS);
      const only = { start_lag: startLag, targets: [startLagCheck(startLag)] };
      writeFileSync(
        join(outDir, 'bench.json'),
        `${JSON.stringify({ quick: options.quick, started_at: new Date().toISOString(), machine: machineInfo(), node: process.version, commit: commitOf(), ...only }, null, 2)}\n`,
      );
      process.stdout.write(`\n${startLagSection(only)}\n\nWrote ${join(outDir, 'bench.json')}\n`);
      return 0;
    }
    const result = await bench(sizes, options.quick, work);
    writeFileSync(join(outDir, 'bench.json'), `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`\n${formatBenchReport(result)}\n\nWrote ${join(outDir, 'bench.json')}\n`);
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

process.exitCode = await main(process.argv.slice(2));
