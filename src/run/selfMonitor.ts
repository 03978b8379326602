import { availableParallelism, loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * The harness watches itself (issue #16): how late its own event loop ran, and how much CPU it
 * used, while requests were measured. Every timestamp relaybench takes (headers, each chunk, the
 * end) is taken by a callback on the event loop, so a callback that runs late stamps late: the
 * event-loop delay is a direct estimate of the harness's own timing error, whatever its cause
 * (the harness's own load at a high concurrency, or other processes taking the CPU).
 */

/** What `run.json` records under `harness`. Times in milliseconds. */
export interface HarnessSample {
  /**
   * Event-loop delay from Node's `monitorEventLoopDelay` (perf_hooks): how late a timer due every
   * `resolutionMs` actually ran. Node records the whole interval between two timer runs, so the
   * resolution is subtracted (an idle loop reads ~0, not ~`resolutionMs`).
   */
  eventLoopDelayMs: { p50: number; p99: number; max: number; samples: number; resolutionMs: number };
  /** `process.cpuUsage()` over the same period; `coreShare` = (user + system) / wall: 1 is one core busy. */
  cpu: { userMs: number; systemMs: number; wallMs: number; coreShare: number };
  /**
   * The machine at the end: `os.loadavg()[0]` (runnable processes, 1-minute average; 0 on Windows,
   * which has none) and `os.availableParallelism()`. A load above the cores means processes queued
   * for the CPU, relaybench's own timestamps among them (an emulator child counts too).
   */
  machine: { loadAverage1m: number; cores: number };
}

/** The verdict on a sample: whether the harness's timings carry more error than `boundMs`. */
export type HarnessAssessment =
  | { exceeded: false; boundMs: number }
  | {
      exceeded: true;
      boundMs: number;
      /** The p99 event-loop delay: how much error the timings at this concurrency can carry. */
      errorMs: number;
      concurrency: number;
      /** A lower concurrency to try; undefined at concurrency 1, where only a quieter machine helps. */
      suggestedConcurrency: number | undefined;
      /** The machine's load average was above its cores: processes queued for the CPU. */
      machineBusy: boolean;
    };

/**
 * 5 ms: the README ("How accurate are the numbers?") measures the harness's time-to-first-token
 * error at p99 under 4 ms even at concurrency 512 on a quiet 2-core machine, and the end-to-end
 * tests hold `headers_ms` to 5 ms of the server's own log. An event-loop delay p99 above 5 ms
 * means one stamp in a hundred can be later than everything the README promises.
 */
export const HARNESS_DELAY_BOUND_MS = 5;

/** Timer period of the delay monitor: fine enough to catch a few-ms stall, ~500 wake-ups/s. */
const RESOLUTION_MS = 2;

/**
 * Judges a sample (pure). Exceeded when the p99 event-loop delay is above `boundMs`. The suggested
 * concurrency scales the current one by `boundMs / p99` (the harness's delay grows with the
 * streams it serves; a first guess to try, not a prediction) and rounds down to a power of two,
 * always below the current one and at least 1.
 */
export function assessHarness(sample: HarnessSample, concurrency: number, boundMs: number = HARNESS_DELAY_BOUND_MS): HarnessAssessment {
  const errorMs = sample.eventLoopDelayMs.p99;
  if (!(errorMs > boundMs)) return { exceeded: false, boundMs };
  const scaled = Math.max(1, (concurrency * boundMs) / errorMs);
  const powerOfTwo = 2 ** Math.floor(Math.log2(scaled));
  return {
    exceeded: true,
    boundMs,
    errorMs,
    concurrency,
    suggestedConcurrency: concurrency <= 1 ? undefined : Math.min(concurrency - 1, powerOfTwo),
    machineBusy: sample.machine.loadAverage1m > sample.machine.cores,
  };
}

/** The warning for the console and report.html (pure), or undefined when the bound held. */
export function harnessWarning(assessment: HarnessAssessment): string | undefined {
  if (!assessment.exceeded) return undefined;
  const { errorMs, boundMs, concurrency, suggestedConcurrency, machineBusy } = assessment;
  const what = `Timings at concurrency ${concurrency} may be off by up to ~${formatMs(errorMs)} ms: relaybench's own event loop ran ${formatMs(errorMs)} ms late at p99 (bound ${boundMs} ms), and every timestamp waits for it.`;
  const busy = machineBusy ? ' The machine was busy too (load average above its cores): fewer other processes help as much.' : '';
  const fix = suggestedConcurrency === undefined ? ' Run it where fewer processes compete for the CPU.' : ` Try --concurrency ${suggestedConcurrency}.`;
  return `${what}${fix}${busy}`;
}

/**
 * Starts watching: returns `stop()`, which ends the watch and returns the sample. Call it once; the
 * monitor holds a timer until then (unref'd: it never keeps the process alive).
 */
export function startSelfMonitor(): { stop: () => HarnessSample } {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  return {
    stop: () => {
      histogram.disable();
      const cpu = process.cpuUsage(cpuStart);
      const wallMs = performance.now() - wallStart;
      const delay = (nanoseconds: number): number => round(Math.max(0, nanoseconds / 1e6 - RESOLUTION_MS));
      const samples = histogram.count;
      return {
        eventLoopDelayMs: {
          p50: samples === 0 ? 0 : delay(histogram.percentile(50)),
          p99: samples === 0 ? 0 : delay(histogram.percentile(99)),
          max: samples === 0 ? 0 : delay(histogram.max),
          samples,
          resolutionMs: RESOLUTION_MS,
        },
        machine: { loadAverage1m: round(loadavg()[0] ?? 0), cores: availableParallelism() },
        cpu: {
          userMs: Math.round(cpu.user / 1000),
          systemMs: Math.round(cpu.system / 1000),
          wallMs: Math.round(wallMs),
          coreShare: wallMs <= 0 ? 0 : round((cpu.user + cpu.system) / 1000 / wallMs),
        },
      };
    },
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function formatMs(value: number): string {
  return value >= 10 ? String(Math.round(value)) : value.toFixed(1);
}
