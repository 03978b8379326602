import { describe, expect, it } from 'vitest';
import { assessHarness, HARNESS_DELAY_BOUND_MS, harnessWarning, startSelfMonitor, type HarnessSample } from '../../src/run/selfMonitor.js';

function sample(p99: number, loadAverage1m = 0.5, cores = 2): HarnessSample {
  return {
    eventLoopDelayMs: { p50: 0.1, p99, max: p99 * 3, samples: 1000, resolutionMs: 2 },
    cpu: { userMs: 900, systemMs: 100, wallMs: 2000, coreShare: 0.5 },
    machine: { loadAverage1m, cores },
  };
}

describe('assessHarness', () => {
  it('states its bound: 5 ms', () => {
    expect(HARNESS_DELAY_BOUND_MS).toBe(5);
  });

  // [p99 ms, concurrency, exceeded, suggested concurrency]
  const cases: Array<[number, number, boolean, number | undefined]> = [
    [0, 64, false, undefined],
    [0.6, 64, false, undefined],
    [5, 64, false, undefined], // at the bound: held
    [5.01, 64, true, 32], // 64 × 5 / 5.01 = 63.9 → 32 (power of two, below 64)
    [40, 512, true, 64], // the example: 512 × 5 / 40 = 64
    [17.3, 512, true, 128], // 147.9 → 128
    [12, 32, true, 8], // 13.3 → 8
    [1000, 8, true, 1], // never below 1
    [30, 2, true, 1],
    [30, 1, true, undefined], // nothing lower to suggest
    [Number.NaN, 64, false, undefined], // no samples: no claim
  ];
  it.each(cases)('p99 %s ms at concurrency %s → exceeded %s, suggest %s', (p99, concurrency, exceeded, suggested) => {
    const assessment = assessHarness(sample(p99), concurrency);
    expect(assessment.exceeded).toBe(exceeded);
    if (assessment.exceeded) {
      expect(assessment.errorMs).toBe(p99);
      expect(assessment.suggestedConcurrency).toBe(suggested);
    }
  });

  it('takes another bound', () => {
    expect(assessHarness(sample(3), 64, 2).exceeded).toBe(true);
    expect(assessHarness(sample(3), 64, 4).exceeded).toBe(false);
  });

  it('says the machine was busy when its load average was above its cores', () => {
    const busy = assessHarness(sample(20, 4.5, 2), 64);
    const quiet = assessHarness(sample(20, 1.2, 2), 64);
    expect(busy.exceeded && busy.machineBusy).toBe(true);
    expect(quiet.exceeded && quiet.machineBusy).toBe(false);
  });
});

describe('harnessWarning', () => {
  it('is silent when the bound held', () => {
    expect(harnessWarning(assessHarness(sample(1), 64))).toBeUndefined();
  });

  it('names the error, the concurrency, the bound and a lower concurrency', () => {
    expect(harnessWarning(assessHarness(sample(40), 512))).toBe(
      "Timings at concurrency 512 may be off by up to ~40 ms: relaybench's own event loop ran 40 ms late at p99 (bound 5 ms), and every timestamp waits for it. Try --concurrency 64.",
    );
  });

  it('at concurrency 1 suggests a quieter machine, and says when the machine was busy', () => {
    const text = harnessWarning(assessHarness(sample(7.25, 6, 2), 1)) ?? '';
    expect(text).toContain('may be off by up to ~7.3 ms:');
    expect(text).toContain('Run it where fewer processes compete for the CPU.');
    expect(text).toContain('The machine was busy too (load average above its cores)');
    expect(text).not.toContain('--concurrency');
    // A warning, not a failure: tests and users grep stderr for "error".
    expect(text).not.toMatch(/error/i);
  });
});

describe('startSelfMonitor', () => {
  it('sees a blocked event loop and the CPU it used', async () => {
    const monitor = startSelfMonitor();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const until = performance.now() + 60;
    while (performance.now() < until) {
      // Busy: the loop cannot run the monitor's timer for 60 ms.
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    const result = monitor.stop();
    expect(result.eventLoopDelayMs.max).toBeGreaterThanOrEqual(50);
    expect(result.eventLoopDelayMs.samples).toBeGreaterThan(0);
    expect(result.cpu.userMs + result.cpu.systemMs).toBeGreaterThan(0);
    expect(result.cpu.wallMs).toBeGreaterThanOrEqual(90);
    expect(result.machine.cores).toBeGreaterThanOrEqual(1);
  });
});
