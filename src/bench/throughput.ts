/**
 * Streams per second, computed the same way for the harness and for the bare undici loop: the
 * steady rate at which streams complete. Only completions between the 10th and the 90th percentile
 * of end times count, over the time between them, so neither side's start (JIT warm-up, connection
 * set-up, the first wave of requests) nor its tail (the last streams draining) weighs on the
 * figure; short quick-mode runs and long full runs then measure the same thing.
 */

/** When one stream started and ended, epoch ms. */
export interface StreamSpan {
  startEpochMs: number;
  endEpochMs: number;
}

/** Share of completions left out at each end. */
const TRIMMED_SHARE = 0.1;

/** Undefined when there are too few streams, or they ended at one instant. */
export function streamsPerSecond(spans: Iterable<StreamSpan>): number | undefined {
  const ends = [...spans].map((span) => span.endEpochMs).sort((left, right) => left - right);
  const first = Math.floor(ends.length * TRIMMED_SHARE);
  const last = Math.ceil(ends.length * (1 - TRIMMED_SHARE)) - 1;
  const firstEndMs = ends[first];
  const lastEndMs = ends[last];
  if (firstEndMs === undefined || lastEndMs === undefined || !(lastEndMs > firstEndMs)) return undefined;
  return (last - first) / ((lastEndMs - firstEndMs) / 1000);
}

/** Harness over ceiling; undefined when either side is unknown. */
export function throughputRatio(harnessPerS: number | undefined, baselinePerS: number | undefined): number | undefined {
  return harnessPerS === undefined || baselinePerS === undefined || baselinePerS === 0 ? undefined : harnessPerS / baselinePerS;
}
