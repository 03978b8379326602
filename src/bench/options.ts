/**
 * `npm run bench -- [--quick] [--out DIR] [--only start-lag|memory] [--start-lag-s N]
 * [--memory-jobs A,B]` and the sizes each mode runs. Quick sizes are chosen so
 * the whole bench takes under five minutes on a 2-core machine; full sizes are the issue's.
 */

/** The parsed `npm run bench` arguments. */
export interface BenchOptions {
  quick: boolean;
  /** Where bench.json goes; default results/bench/<UTC stamp>/. */
  outDir: string | undefined;
  /**
   * `--only start-lag`: measure load mode's start lag alone (a few seconds' run). `--only memory`:
   * only the instant-profile runs at two sizes (default {@link MEMORY_ONLY_JOBS}), their peak RSS
   * and the growth between them (and, free with them, their start-up and post-run times).
   */
  only?: 'start-lag' | 'memory';
  /** `--start-lag-s N`: length of the start-lag step, s (default: the size's). */
  startLagS?: number;
  /** `--memory-jobs A,B`: the two sizes of the memory runs, smaller first (default: the mode's). */
  memoryJobs?: readonly [number, number];
}

/** The sizes `--only memory` runs: issue 18's memory targets are stated at these. */
export const MEMORY_ONLY_JOBS: readonly [number, number] = [20_000, 100_000];

/** How much work each bench section does: requests per fidelity concurrency, throughput and memory job counts, scaling steps, start-up runs, start-lag step length (s). */
export interface BenchSizes {
  /** Requests per fidelity run, by concurrency: enough waves for a p99 to mean something. */
  fidelity: ReadonlyArray<{ concurrency: number; requests: number }>;
  throughput: { concurrency: number; jobs: number };
  /** The memory runs, smaller and larger: peak RSS at the larger, growth between them. */
  memoryJobs: readonly [number, number];
  scalingJobs: readonly number[];
  startupRuns: number;
  /** Runs of the reference case (2,000 jobs at concurrency 64, local server) for start-up to first request. */
  firstRequestRuns: number;
  /** Timed runs each of `validate` (2,000 cases) and `report` (2,000 rows). */
  commandRuns: number;
  /** Length of the load-mode start-lag step at 200 req/s, s. */
  startLagS: number;
}

/** `--quick`: sizes for a whole bench under five minutes on a 2-core machine (memory at 20,000 jobs). */
export const QUICK_SIZES: BenchSizes = {
  fidelity: [
    { concurrency: 1, requests: 48 },
    { concurrency: 64, requests: 640 },
    { concurrency: 512, requests: 2048 },
  ],
  throughput: { concurrency: 256, jobs: 5000 },
  memoryJobs: [5000, 20_000],
  scalingJobs: [1000, 5000, 20_000],
  startupRuns: 10,
  firstRequestRuns: 3,
  commandRuns: 5,
  startLagS: 10,
};

/** The default sizes, those the targets are stated for (memory at 100,000 jobs, throughput at 20,000). */
export const FULL_SIZES: BenchSizes = {
  fidelity: [
    { concurrency: 1, requests: 300 },
    { concurrency: 64, requests: 6400 },
    { concurrency: 512, requests: 10_240 },
  ],
  throughput: { concurrency: 256, jobs: 20_000 },
  memoryJobs: MEMORY_ONLY_JOBS,
  scalingJobs: [1000, 10_000, 100_000],
  startupRuns: 30,
  firstRequestRuns: 5,
  commandRuns: 10,
  startLagS: 30,
};

/** A bad `npm run bench` argument; `main` prints its message and exits 2. */
export class BenchUsageError extends Error {
  override name = 'BenchUsageError';
}

/**
 * Parses `npm run bench -- [--quick] [--out DIR] [--only start-lag] [--start-lag-s N]`.
 * @throws BenchUsageError for an unknown flag or a missing or bad value.
 */
export function parseBenchArgs(args: readonly string[]): BenchOptions {
  let quick = false;
  let outDir: string | undefined;
  let only: 'start-lag' | 'memory' | undefined;
  let startLagS: number | undefined;
  let memoryJobs: [number, number] | undefined;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === '--quick') quick = true;
    else if (arg === '--out') {
      outDir = args[index + 1];
      if (outDir === undefined || outDir.startsWith('--')) throw new BenchUsageError('--out needs a directory');
      index += 1;
    } else if (arg?.startsWith('--out=') === true) outDir = arg.slice('--out='.length);
    else if (arg === '--only') {
      const value = args[index + 1];
      if (value !== 'start-lag' && value !== 'memory') throw new BenchUsageError(`--only: got ${value ?? 'nothing'}; accepts start-lag or memory`);
      only = value;
      index += 1;
    } else if (arg === '--start-lag-s') {
      startLagS = Number(args[index + 1]);
      if (!(startLagS >= 2 && startLagS <= 600)) throw new BenchUsageError(`--start-lag-s: got ${args[index + 1] ?? 'nothing'}; accepts seconds from 2 to 600`);
      index += 1;
    } else if (arg === '--memory-jobs') {
      memoryJobs = parseMemoryJobs(args[index + 1]);
      index += 1;
    } else throw new BenchUsageError(`unknown argument ${arg}; usage: npm run bench -- [--quick] [--out DIR] [--only start-lag|memory] [--start-lag-s N] [--memory-jobs A,B]`);
  }
  return { quick, outDir, ...(only === undefined ? {} : { only }), ...(startLagS === undefined ? {} : { startLagS }), ...(memoryJobs === undefined ? {} : { memoryJobs }) };
}

/** Jobs per run: a multiple of the bench suite's 4 cases (suites.ts), so a size is run exactly. */
const JOBS_STEP = 4;

/**
 * `--memory-jobs A,B`: two whole numbers of jobs, multiples of 4, 4 ≤ A < B ≤ 1,000,000.
 * Throws BenchUsageError naming the flag, what it got and what it accepts.
 */
export function parseMemoryJobs(value: string | undefined): [number, number] {
  const accepts = `accepts two job counts A,B with A < B, multiples of ${JOBS_STEP} up to 1000000, e.g. 20000,100000`;
  const parts = value?.split(',') ?? [];
  const sizes = parts.map((part) => (/^\d+$/.test(part.trim()) ? Number(part) : Number.NaN));
  const [small, large] = sizes;
  const valid =
    sizes.length === 2 && small !== undefined && large !== undefined && sizes.every((size) => size >= JOBS_STEP && size <= 1_000_000 && size % JOBS_STEP === 0) && small < large;
  if (!valid) throw new BenchUsageError(`--memory-jobs: got ${value ?? 'nothing'}; ${accepts}`);
  return [small, large];
}
