/**
 * Streams per second, computed the same way for the harness and for the bare undici loop: the
 * number of streams over the span from the first request's start to the last stream's end. Both
 * sides are timed over their streaming phase only, so start-up, planning and the report are out.
 */

export interface StreamSpan {
  startEpochMs: number;
  endEpochMs: number;
}

/** Undefined when there are no streams or they took no measurable time. */
export function streamsPerSecond(spans: Iterable<StreamSpan>): number | undefined {
  let count = 0;
  let firstStartMs = Number.POSITIVE_INFINITY;
  let lastEndMs = Number.NEGATIVE_INFINITY;
  for (const span of spans) {
    count += 1;
    if (span.startEpochMs < firstStartMs) firstStartMs = span.startEpochMs;
    if (span.endEpochMs > lastEndMs) lastEndMs = span.endEpochMs;
  }
  const seconds = (lastEndMs - firstStartMs) / 1000;
  return count === 0 || !(seconds > 0) ? undefined : count / seconds;
}

/** Harness over ceiling; undefined when either side is unknown. */
export function throughputRatio(harnessPerS: number | undefined, baselinePerS: number | undefined): number | undefined {
  return harnessPerS === undefined || baselinePerS === undefined || baselinePerS === 0 ? undefined : harnessPerS / baselinePerS;
}
