import { describe, expect, it } from 'vitest';
import { parseBenchArgs, parseMemoryJobs } from '../../src/bench/options.js';
import { checkTargets, firstRequestCheck, memoryChecks, postRunCheck, type TargetInputs } from '../../src/bench/targets.js';
import type { CommandTimeResult, FidelityResult, MemoryResult, TimelineResult } from '../../src/bench/types.js';

const fidelity = (concurrency: number, p99: number | null): FidelityResult => ({
  concurrency,
  requests: 100,
  ttft_err_ms_p50: 0.2,
  ttft_err_ms_p99: p99,
  ttft_err_ms_min: 0.1,
  ttft_err_ms_max: 3,
  total_err_ms_p50: 0.3,
  total_err_ms_p99: 1,
  total_err_ms_max: 2,
  unmatched: 0,
});

const memory = (peakMb: number, growthMb: number | null = 40): MemoryResult => ({
  jobs: 100_000,
  peak_rss_mb: peakMb,
  base_jobs: growthMb === null ? null : 20_000,
  base_peak_rss_mb: growthMb === null ? null : peakMb - growthMb,
  growth_mb: growthMb,
});

const timed = (jobs: number, concurrency: number, startupMs: number, postRunPer10kS: number): TimelineResult => ({
  jobs,
  concurrency,
  requests: jobs,
  startup_ms: startupMs,
  run_s: 3,
  post_run_s: (postRunPer10kS * jobs) / 10_000,
  post_run_s_per_10k_rows: postRunPer10kS,
  wall_s: 4,
});

const command = (name: string, meanMs: number): CommandTimeResult => ({
  command: name,
  runs: 5,
  mean_ms: meanMs,
  stddev_ms: 10,
  min_ms: meanMs - 10,
  max_ms: meanMs + 10,
  size: 2000,
  cpu_ms_mean: meanMs / 2,
});

const inputs = (overrides: Partial<TargetInputs> = {}): TargetInputs => ({
  fidelity: [fidelity(1, 0.5), fidelity(64, 1.5), fidelity(512, 9)],
  throughput: { concurrency: 256, jobs: 5000, chunks_per_stream: 12, harness_streams_per_s: 800, baseline_streams_per_s: 1000, ratio: 0.8 },
  memory: memory(200),
  startup: { command: 'relaybench --help', runs: 10, mean_ms: 90, stddev_ms: 5, min_ms: 80, max_ms: 100 },
  timeline: [timed(2000, 64, 250, 2), timed(2000, 64, 280, 2), timed(100_000, 256, 900, 0.9)],
  validate: command('relaybench validate', 500),
  report: command('relaybench report', 600),
  ...overrides,
});

describe('checkTargets', () => {
  it('passes when every figure is within its target', () => {
    const checks = checkTargets(inputs());
    expect(checks).toHaveLength(10);
    expect(checks.every((check) => check.pass)).toBe(true);
  });

  it('fails each target on its own figure, the limits included', () => {
    const checks = checkTargets(
      inputs({
        fidelity: [fidelity(64, 2.01), fidelity(512, 10)],
        throughput: { concurrency: 256, jobs: 5000, chunks_per_stream: 12, harness_streams_per_s: 690, baseline_streams_per_s: 1000, ratio: 0.69 },
        memory: memory(251, 61),
        startup: { command: 'relaybench --help', runs: 10, mean_ms: 300, stddev_ms: 5, min_ms: 280, max_ms: 320 },
        timeline: [timed(2000, 64, 301, 0.5), timed(20_000, 256, 100, 1.01)],
        validate: command('relaybench validate', 720),
        report: command('relaybench report', 900),
      }),
    );
    expect(checks.map((check) => check.pass)).toEqual([false, true, false, false, false, false, false, false, false, false]);
    expect(checks[0]?.measured).toBe('2.01 ms');
  });

  it('fails a target that was not measured', () => {
    const checks = checkTargets(inputs({ fidelity: [fidelity(64, null)] }));
    expect(checks[0]?.pass).toBe(false);
    expect(checks[1]?.pass).toBe(false);
  });
});

describe('memoryChecks', () => {
  it('passes at the limits: 250 MB peak and 60 MB growth from 20,000 to 100,000 jobs', () => {
    expect(memoryChecks(memory(250, 60)).map((check) => check.pass)).toEqual([true, true]);
    expect(memoryChecks(memory(250, 60))[1]?.name).toBe('peak RSS growth, 20,000 → 100,000 jobs');
  });

  it('scales the growth limit to other sizes and fails a growth that was not measured', () => {
    const quick: MemoryResult = { jobs: 20_000, peak_rss_mb: 180, base_jobs: 5000, base_peak_rss_mb: 168, growth_mb: 12 };
    expect(memoryChecks(quick)[1]).toMatchObject({ target: '≤ 11.3 MB', pass: false });
    expect(memoryChecks(memory(200, null))[1]).toMatchObject({ measured: 'n/a', pass: false });
  });
});

describe('firstRequestCheck and postRunCheck', () => {
  it('takes the median start-up of the 2,000-job, concurrency-64 runs only', () => {
    const check = firstRequestCheck([timed(2000, 64, 400, 1), timed(2000, 64, 250, 1), timed(2000, 64, 290, 1), timed(2000, 256, 900, 1), timed(20_000, 64, 900, 1)]);
    expect(check).toMatchObject({ measured: '290 ms', pass: true });
    expect(check.name).toContain('median of 3');
  });

  it('fails start-up when no reference run was timed', () => {
    expect(firstRequestCheck([timed(20_000, 256, 100, 1)])).toMatchObject({ measured: 'n/a', pass: false });
  });

  it('checks post-run per 10,000 rows on the largest run', () => {
    expect(postRunCheck([timed(2000, 64, 250, 4), timed(100_000, 256, 900, 1)])).toMatchObject({ name: 'post-run per 10,000 rows, 100,000 jobs', measured: '1.00 s', pass: true });
    expect(postRunCheck([timed(100_000, 256, 900, 3.5), timed(2000, 64, 250, 0.5)]).pass).toBe(false);
    expect(postRunCheck([]).pass).toBe(false);
  });
});

describe('parseBenchArgs', () => {
  it('reads --quick and --out in either form', () => {
    expect(parseBenchArgs(['--quick', '--out', 'x'])).toEqual({ quick: true, outDir: 'x' });
    expect(parseBenchArgs(['--out=y'])).toEqual({ quick: false, outDir: 'y' });
  });

  it('refuses unknown arguments and a missing directory', () => {
    expect(() => parseBenchArgs(['--fast'])).toThrow(/unknown argument/);
    expect(() => parseBenchArgs(['--out'])).toThrow(/needs a directory/);
  });

  it('reads --only memory and --memory-jobs', () => {
    expect(parseBenchArgs(['--only', 'memory'])).toEqual({ quick: false, outDir: undefined, only: 'memory' });
    expect(parseBenchArgs(['--only', 'memory', '--memory-jobs', '5000,20000'])).toEqual({ quick: false, outDir: undefined, only: 'memory', memoryJobs: [5000, 20_000] });
    expect(() => parseBenchArgs(['--only', 'heap'])).toThrow('--only: got heap; accepts start-lag or memory');
  });
});

describe('parseMemoryJobs', () => {
  it.each([
    ['20000,100000', [20_000, 100_000]],
    ['4,8', [4, 8]],
    [' 400 , 2000', [400, 2000]],
  ])('reads %j', (value, sizes) => {
    expect(parseMemoryJobs(value)).toEqual(sizes);
  });

  it.each([undefined, '', '20000', '100000,20000', '20000,20000', '20000,100001', '2,8', '20000,100000,200000', '2e4,1e5', '-4,8', '20000,2000000', 'a,b'])(
    'refuses %j naming the flag',
    (value) => {
      expect(() => parseMemoryJobs(value)).toThrow(/^--memory-jobs: got .*; accepts two job counts/);
    },
  );
});
