/**
 * Open-loop arrival schedules (pure): when each request of a load step is due, decided in advance
 * from a seeded generator, never from when earlier requests finished (no coordinated omission:
 * Gil Tene, "How NOT to Measure Latency", 2013; k6's constant-arrival-rate executor).
 */

/** `poisson`: exponential gaps (a Poisson process); `constant`: gaps of exactly 1/rate. */
export type ArrivalProcess = 'poisson' | 'constant';

/** One planned arrival of a step: due `atMs` after the step starts; warm-up ones are not counted. */
export interface Arrival {
  /** 0-based within the step, warm-up included. */
  index: number;
  atMs: number;
  warmup: boolean;
}

/** A step's schedule: its arrivals and where its measured window starts and ends (ms from step start). */
export interface StepSchedule {
  arrivals: Arrival[];
  /** Start of the measured window, ms: the warm-up's end, or with `measured` the first measured arrival. */
  windowStartMs: number;
  /** End of the step's schedule, ms: no arrival is at or after it. */
  endMs: number;
}

/** One step's arrival schedule: process, offered rate (req/s), duration or count, warm-up, seed. */
export interface ScheduleInput {
  process: ArrivalProcess;
  /** Offered requests per second (> 0). */
  ratePerS: number;
  warmupS: number;
  /** Step length in s, warm-up included; or give `measured`. */
  stepS?: number;
  /** Measured arrivals after the warm-up; the step ends where the next one would be due. */
  measured?: number;
  /** Uniform draws in [0, 1): the project's seeded generator (stats/random.ts). */
  random: () => number;
}

/**
 * The gap before the next arrival, ms. Poisson: inverse-CDF sampling of the exponential,
 * −ln(1−U)/λ (1−U is in (0, 1], so the log is finite). Constant: 1000/λ.
 */
export function nextGapMs(process: ArrivalProcess, ratePerS: number, random: () => number): number {
  const meanMs = 1000 / ratePerS;
  return process === 'constant' ? meanMs : -Math.log(1 - random()) * meanMs;
}

/**
 * Plans one step. With `stepS`, arrivals fall in [0, stepS) and those before `warmupS` are warm-up.
 * With `measured`, arrivals continue past the warm-up until `measured` are counted, and the step
 * ends where the next would be due (so the window holds exactly that many at the offered rate).
 * Constant arrivals start at 0 and are exactly 1000/rate ms apart. Throws on a non-positive rate
 * or when neither size is given.
 */
export function scheduleStep(input: ScheduleInput): StepSchedule {
  if (!(input.ratePerS > 0)) throw new Error(`arrival rate must be positive, got ${input.ratePerS}`);
  if (input.stepS === undefined && input.measured === undefined) throw new Error('a step needs stepS or measured');
  const windowStartMs = input.warmupS * 1000;
  const stepEndMs = input.stepS === undefined ? Number.POSITIVE_INFINITY : input.stepS * 1000;
  const arrivals: Arrival[] = [];
  let counted = 0;
  // Constant arrivals start at 0; Poisson ones one exponential gap in, like any renewal process.
  let atMs = input.process === 'constant' ? 0 : nextGapMs(input.process, input.ratePerS, input.random);
  for (;;) {
    if (atMs >= stepEndMs) return { arrivals, windowStartMs, endMs: stepEndMs };
    const warmup = atMs < windowStartMs;
    // With a count, the window runs from the first measured arrival to where the next would be
    // due: N whole gaps, so N / window is an unbiased rate (constant arrivals give the rate exactly).
    if (!warmup && input.measured !== undefined && counted === input.measured)
      return { arrivals, windowStartMs: arrivals.find((arrival) => !arrival.warmup)?.atMs ?? windowStartMs, endMs: atMs };
    arrivals.push({ index: arrivals.length, atMs, warmup });
    if (!warmup) counted += 1;
    // Constant times are k·1000/rate, not a running sum, so they never drift by rounding.
    atMs = input.process === 'constant' ? (arrivals.length * 1000) / input.ratePerS : atMs + nextGapMs(input.process, input.ratePerS, input.random);
  }
}

/**
 * A seeded shuffle (Fisher–Yates, Knuth's Algorithm P) of `items`, repeated end to end until
 * `count` picks: every item is used once before any is used twice. Pure given `random`.
 */
export function shuffledPicks<T>(items: readonly T[], count: number, random: () => number): T[] {
  if (items.length === 0) return [];
  const picks: T[] = [];
  while (picks.length < count) {
    const deck = [...items];
    for (let i = deck.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [deck[i], deck[j]] = [deck[j] as T, deck[i] as T];
    }
    picks.push(...deck.slice(0, count - picks.length));
  }
  return picks;
}

/**
 * A seed for one (suite seed, step) pair: every relay gets the same arrival times at a rate, and
 * each rate its own. A 32-bit integer mix (the multiplier is Knuth's golden-ratio constant).
 */
export function stepSeed(suiteSeed: number, stepIndex: number, purpose: 'arrivals' | 'cases'): number {
  const salt = purpose === 'arrivals' ? 0x51ed27 : 0x1b873593;
  return (Math.imul((suiteSeed ^ salt) >>> 0, 0x9e3779b1) + Math.imul(stepIndex + 1, 0x85ebca6b)) >>> 0;
}
