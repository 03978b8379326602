import { z } from 'zod';
import { closedObject, onAnyMapping } from './closedObject.js';
import { positiveInt } from './fieldSchemas.js';

const positiveMs = z.number().gt(0);

/** Latency bounds a request must meet to count towards SLO attainment and goodput (ms from t0). */
const sloSchema = closedObject({
  ttftMs: positiveMs.exactOptional(),
  firstAnswerMs: positiveMs.exactOptional(),
  totalMs: positiveMs.exactOptional(),
});

/**
 * The suite's `load:` block (README.md#load-mode-how-a-relay-holds-up-at-a-request-rate): an open-loop arrival process per relay at
 * each offered rate in turn. Exactly one of `stepS` (seconds per step) or `requests` (measured
 * arrivals per step) sizes a step; `warmupS` of each step is sent but not counted.
 * `maxStartLagMs` is the bound on the start-lag p99 past which a step's numbers are flagged as
 * untrustworthy (the harness itself fell behind its schedule); default {@link DEFAULT_MAX_START_LAG_MS}.
 */
export const loadSchema = closedObject({
  arrival: z.enum(['poisson', 'constant']).default('poisson'),
  rates: z.array(z.number().gt(0).max(10_000)).min(1),
  stepS: z.number().gt(0).max(86_400).exactOptional(),
  requests: positiveInt.max(1_000_000).exactOptional(),
  warmupS: z.number().min(0).max(86_400).default(0),
  maxInFlight: positiveInt.max(100_000).default(64),
  slo: sloSchema.default({}),
  maxStartLagMs: positiveMs.exactOptional(),
}).superRefine((load, ctx) => {
  if ((load.stepS === undefined) === (load.requests === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['stepS'], message: 'give stepS (seconds per step) or requests (per step), exactly one', params: { atKey: true } });
  }
  if (load.stepS !== undefined && load.warmupS >= load.stepS) {
    ctx.addIssue({
      code: 'custom',
      path: ['warmupS'],
      message: `warmupS (${load.warmupS}) must be shorter than stepS (${load.stepS}): nothing would be counted`,
      params: { atKey: true },
    });
  }
}, onAnyMapping);

/** The start-lag p99 (ms) past which a load step is reported as untrustworthy, unless the suite sets one. */
export const DEFAULT_MAX_START_LAG_MS = 10;

/** The suite's `load:` block as validated. */
export type LoadInput = z.output<typeof loadSchema>;
