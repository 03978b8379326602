/**
 * Behaviour profiles: how an emulated relay serves the simulated model. Each profile differs from
 * `honest` in one behaviour only, so a measurement that flags it can be trusted to have seen that
 * behaviour and nothing else. Latencies are compressed compared with the real API so that the
 * demo (a few hundred requests) finishes in seconds; relays can override any field.
 */

/** A log-normal latency: median and log-space spread. */
export interface LatencyMs {
  medianMs: number;
  sigma: number;
}

/** Probability per request of each failure; they are exclusive and must add up to at most 1. */
export interface FailureRates {
  /** 429 RESOURCE_EXHAUSTED with Retry-After. */
  rateLimited: number;
  /** 500 INTERNAL. */
  serverError: number;
  /** 503 UNAVAILABLE. */
  unavailable: number;
  /** Status 200, some chunks, then a bare `{"error": ...}` object and the end of the body. */
  errorAfter200: number;
  /** Status 200, some chunks, then silence for `stallMs` with the connection held open. */
  stall: number;
  /** Status 200, some chunks, then the socket is destroyed. */
  drop: number;
  /** A proxy's 502 HTML page instead of JSON. */
  html: number;
}

export interface Profile {
  /** From the request to the response status and headers. */
  headersMs: LatencyMs;
  /** From the headers to the first content chunk: queueing plus prompt processing. */
  prefillMs: LatencyMs;
  /** Thinking speed: thought tokens are produced before the first answer token. Infinity: no delay. */
  thinkingTokensPerS: number;
  /** Answer streaming speed. Infinity: no delay. */
  answerTokensPerS: number;
  /** Relative standard deviation of the token rate, drawn again for every chunk. */
  rateJitter: number;
  /** Answer tokens per streamed chunk (Google sends about 25). */
  tokensPerChunk: number;
  /** False: the relay (or the model behind it) thinks past fixed budgets. */
  honoursBudget: boolean;
  /** When the budget is not honoured: thought tokens = max(natural, budget) times this. */
  budgetOverrun: number;
  /** Drops thought parts but still bills thought tokens. */
  stripsThoughts: boolean;
  /** Generates the whole answer, then sends every chunk in one burst. */
  fakeStream: boolean;
  /** `modelVersion` to report instead of the requested model (a silent model swap). */
  reportedModel: string | null;
  /** Subtracted from the probability of a correct answer (a cheaper model answers worse); -1 makes every known prompt right, 1 every one wrong. */
  accuracyPenalty: number;
  /** Prompts this relay always gets wrong: a regression on specific cases, for CI baseline demos and tests. */
  wrongOn: readonly string[];
  /** Leaves `usageMetadata` out of every chunk. */
  omitUsage: boolean;
  failures: FailureRates;
  /** Sent in `Retry-After` and RetryInfo on 429. */
  retryAfterS: number;
  /** How long a stall lasts before the stream resumes. */
  stallMs: number;
}

export type ProfileOverrides = Partial<Omit<Profile, 'headersMs' | 'prefillMs' | 'failures'>> & {
  headersMs?: Partial<LatencyMs>;
  prefillMs?: Partial<LatencyMs>;
  failures?: Partial<FailureRates>;
};

const NO_FAILURES: FailureRates = {
  rateLimited: 0,
  serverError: 0,
  unavailable: 0,
  errorAfter200: 0,
  stall: 0,
  drop: 0,
  html: 0,
};

/** Time to first token mostly between 150 and 600 ms; answer at about 250 tokens/s. */
const honest: Profile = {
  headersMs: { medianMs: 45, sigma: 0.3 },
  prefillMs: { medianMs: 220, sigma: 0.45 },
  thinkingTokensPerS: 2500,
  answerTokensPerS: 250,
  rateJitter: 0.2,
  tokensPerChunk: 25,
  honoursBudget: true,
  budgetOverrun: 1.25,
  stripsThoughts: false,
  fakeStream: false,
  reportedModel: null,
  accuracyPenalty: 0,
  wrongOn: [],
  omitUsage: false,
  failures: NO_FAILURES,
  retryAfterS: 2,
  stallMs: 600_000,
};

export const PROFILES = {
  honest,
  /** Time to first token around 1.5 s and a slower answer stream. */
  slow: {
    ...honest,
    headersMs: { medianMs: 250, sigma: 0.3 },
    prefillMs: { medianMs: 1250, sigma: 0.3 },
    thinkingTokensPerS: 1500,
    answerTokensPerS: 120,
  },
  'fake-stream': { ...honest, fakeStream: true },
  'budget-ignorer': { ...honest, honoursBudget: false },
  'thoughts-stripped': { ...honest, stripsThoughts: true },
  'model-swap': { ...honest, reportedModel: 'gemini-2.0-flash-lite', accuracyPenalty: 0.3 },
  'no-usage': { ...honest, omitUsage: true },
  /** About one request in six fails, in every way a relay can fail. */
  flaky: {
    ...honest,
    failures: { rateLimited: 0.04, serverError: 0.02, unavailable: 0.02, errorAfter200: 0.02, stall: 0.01, drop: 0.02, html: 0.02 },
  },
  /** No latency at all, realistic chunking: the harness's own throughput is what gets measured. */
  instant: {
    ...honest,
    headersMs: { medianMs: 0, sigma: 0 },
    prefillMs: { medianMs: 0, sigma: 0 },
    thinkingTokensPerS: Number.POSITIVE_INFINITY,
    answerTokensPerS: Number.POSITIVE_INFINITY,
  },
} as const satisfies Record<string, Profile>;

export type ProfileName = keyof typeof PROFILES;

export const PROFILE_NAMES = Object.keys(PROFILES) as ProfileName[];

export function isProfileName(name: string): name is ProfileName {
  return Object.hasOwn(PROFILES, name);
}

/** A profile with a relay's overrides applied; nested objects merge field by field. */
export function applyOverrides(profile: Profile, overrides: ProfileOverrides | undefined): Profile {
  if (overrides === undefined) return profile;
  const { headersMs, prefillMs, failures, ...flat } = overrides;
  return {
    ...profile,
    ...flat,
    headersMs: { ...profile.headersMs, ...headersMs },
    prefillMs: { ...profile.prefillMs, ...prefillMs },
    failures: { ...profile.failures, ...failures },
  };
}
