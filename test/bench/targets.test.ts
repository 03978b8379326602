import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../src/bench/options.js';
import { checkTargets, type TargetInputs } from '../../src/bench/targets.js';
import type { FidelityResult } from '../../src/bench/types.js';

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

const inputs = (overrides: Partial<TargetInputs> = {}): TargetInputs => ({
  fidelity: [fidelity(1, 0.5), fidelity(64, 1.5), fidelity(512, 9)],
  throughput: { concurrency: 256, jobs: 5000, chunks_per_stream: 12, harness_streams_per_s: 800, baseline_streams_per_s: 1000, ratio: 0.8 },
  memory: { jobs: 100_000, peak_rss_mb: 200 },
  startup: { command: 'relaybench --help', runs: 10, mean_ms: 90, stddev_ms: 5, min_ms: 80, max_ms: 100 },
  ...overrides,
});

describe('checkTargets', () => {
  it('passes when every figure is within its target', () => {
    const checks = checkTargets(inputs());
    expect(checks).toHaveLength(5);
    expect(checks.every((check) => check.pass)).toBe(true);
  });

  it('fails each target on its own figure, the limits included', () => {
    const checks = checkTargets(
      inputs({
        fidelity: [fidelity(64, 2.01), fidelity(512, 10)],
        throughput: { concurrency: 256, jobs: 5000, chunks_per_stream: 12, harness_streams_per_s: 690, baseline_streams_per_s: 1000, ratio: 0.69 },
        memory: { jobs: 100_000, peak_rss_mb: 251 },
        startup: { command: 'relaybench --help', runs: 10, mean_ms: 300, stddev_ms: 5, min_ms: 280, max_ms: 320 },
      }),
    );
    expect(checks.map((check) => check.pass)).toEqual([false, true, false, false, false]);
    expect(checks[0]?.measured).toBe('2.01 ms');
  });

  it('fails a target that was not measured', () => {
    const checks = checkTargets(inputs({ fidelity: [fidelity(64, null)] }));
    expect(checks[0]?.pass).toBe(false);
    expect(checks[1]?.pass).toBe(false);
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
});
