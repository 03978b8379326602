/**
 * `npm run bench -- [--quick] [--out DIR]` and the sizes each mode runs. Quick sizes are chosen so
 * the whole bench takes under five minutes on a 2-core machine; full sizes are the issue's.
 */

/** The parsed `npm run bench` arguments. */
export interface BenchOptions {
  quick: boolean;
  /** Where bench.json goes; default results/bench/<UTC stamp>/. */
  outDir: string | undefined;
  /** `--only start-lag`: measure load mode's start lag alone (a few seconds' run). */
  only?: 'start-lag';
  /** `--start-lag-s N`: length of the start-lag step, s (default: the size's). */
  startLagS?: number;
}

/** How much work each bench section does: requests per fidelity concurrency, throughput and memory job counts, scaling steps, start-up runs, start-lag step length (s). */
export interface BenchSizes {
  /** Requests per fidelity run, by concurrency: enough waves for a p99 to mean something. */
  fidelity: ReadonlyArray<{ concurrency: number; requests: number }>;
  throughput: { concurrency: number; jobs: number };
  memoryJobs: number;
  scalingJobs: readonly number[];
  startupRuns: number;
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
  memoryJobs: 20_000,
  scalingJobs: [1000, 5000, 20_000],
  startupRuns: 10,
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
  memoryJobs: 100_000,
  scalingJobs: [1000, 10_000, 100_000],
  startupRuns: 30,
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
  let only: 'start-lag' | undefined;
  let startLagS: number | undefined;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === '--quick') quick = true;
    else if (arg === '--out') {
      outDir = args[index + 1];
      if (outDir === undefined || outDir.startsWith('--')) throw new BenchUsageError('--out needs a directory');
      index += 1;
    } else if (arg?.startsWith('--out=') === true) outDir = arg.slice('--out='.length);
    else if (arg === '--only') {
      if (args[index + 1] !== 'start-lag') throw new BenchUsageError(`--only: got ${args[index + 1] ?? 'nothing'}; accepts start-lag`);
      only = 'start-lag';
      index += 1;
    } else if (arg === '--start-lag-s') {
      startLagS = Number(args[index + 1]);
      if (!(startLagS >= 2 && startLagS <= 600)) throw new BenchUsageError(`--start-lag-s: got ${args[index + 1] ?? 'nothing'}; accepts seconds from 2 to 600`);
      index += 1;
    }
    else throw new BenchUsageError(`unknown argument ${arg}; usage: npm run bench -- [--quick] [--out DIR] [--only start-lag] [--start-lag-s N]`);
  }
  return { quick, outDir, ...(only === undefined ? {} : { only }), ...(startLagS === undefined ? {} : { startLagS }) };
}
