import type { ModelPriceInput, RelayPriceInput } from '../cost/resolve.js';

/**
 * The suite as the rest of the pipeline sees it: validated, env-expanded, presets applied.
 * Everything downstream of `suite/` depends only on these types, never on the YAML.
 */

import type { SuiteIssue } from './issues.js';
import type { RequestFields, SystemInstruction } from './requestFieldsSchema.js';

export type { RequestFields, SystemInstruction } from './requestFieldsSchema.js';

/** One grader expectation, exactly as written under `expect:` in a suite. */
export type Expectation =
  | { equals: string; ignoreCase?: boolean }
  | { contains: string; ignoreCase?: boolean }
  | { containsAll: string[]; ignoreCase?: boolean }
  | { containsAny: string[]; ignoreCase?: boolean }
  | { notContains: string | string[]; ignoreCase?: boolean }
  | { regex: string; flags?: string }
  | { number: number; tolerance?: number }
  | { oneOf: string[] }
  | { json: Record<string, unknown> }
  | { all: Expectation[] }
  | { any: Expectation[] }
  | { judge: string | JudgeRubric };

/**
 * A rubric a model grades against (`expect: { judge: … }`, README.md#judge-grader-open-ended-answers). `threshold`
 * turns the judge's score (0..1) into pass/fail instead of its own `pass`; `facts` are what the
 * emulator's judge looks for in an answer (its answer key): a real judge never sees them.
 */
export interface JudgeRubric {
  rubric: string;
  threshold?: number;
  facts?: string[];
}

/**
 * The suite's `judge:` block, resolved: which relay and model grade `judge` expectations, with
 * which thinking setting, how many votes per answer (`repeats`, majority) and how many judge calls
 * at once (`concurrency`). `prompt` is an override template read from the suite's folder.
 */
export interface JudgeSettings {
  relay: ResolvedRelay;
  /** True when the relay was written inline under `judge:` rather than named from `relays`. */
  inlineRelay: boolean;
  model: string;
  thinking: { kind: 'budget'; budget: number } | { kind: 'level'; level: ThinkingLevel } | { kind: 'none' };
  repeats: number;
  concurrency: number;
  /** An override of the built-in template: its path (as written, resolved) and text. */
  prompt?: { file: string; text: string };
}

export type AuthMode = 'header' | 'bearer' | 'query';
export type StreamFraming = 'sse' | 'json-array';
export type Casing = 'camel' | 'snake';
export type ThinkingLevel = 'minimal' | 'low' | 'medium' | 'high';

export interface Timeouts {
  /** TCP + TLS connect. */
  connectMs: number;
  /** From t0 until the response status and headers arrive. */
  firstByteMs: number;
  /** Longest silence allowed between two body chunks mid-stream. */
  idleMs: number;
  /** The whole request, retries excluded. */
  totalMs: number;
}

export interface RetryPolicy {
  /** Extra attempts after the first; 0 disables retries. */
  max: number;
  /** HTTP statuses worth another attempt. */
  statuses: number[];
  /** Retry a stream that failed after content arrived (double-billing risk, so off by default). */
  midStream: boolean;
}

/** A relay with its preset applied and every field resolved. `apiKey` is a secret. */
export interface ResolvedRelay {
  name: string;
  preset: string | undefined;
  /** Without trailing slash. For emulated relays this is filled in when the emulator starts. */
  baseUrl: string;
  apiKey: string | undefined;
  auth: AuthMode[];
  stream: StreamFraming;
  casing: Casing;
  modelInBody: boolean;
  model: string | undefined;
  headers: Record<string, string>;
  concurrency: number | undefined;
  rpm: number | undefined;
  timeouts: Timeouts;
  retry: RetryPolicy;
  proxy: string | undefined;
  /** Emulator profile name: the run starts the built-in emulator and routes this relay to it. */
  emulator: string | undefined;
  /** Behaviour overrides for the emulated relay, validated against the emulator's schema. */
  emulatorOverrides: Record<string, unknown> | undefined;
  /** Cap on one response body, so an endless relay cannot exhaust memory. */
  maxBodyBytes: number;
  /**
   * Fields merged as written into every request body of this relay, after casing (`body:`), for
   * what relaybench does not model, e.g. gptproto's `stream: false`. Absent: nothing added.
   */
  body?: Record<string, unknown>;
  /** What the relay charges: a multiplier of list price, its own prices, or per request; undefined = list price. */
  price?: RelayPriceInput | undefined;
  /** `reference: true`: the relay the cross-relay verdicts compare with (docs/run-folder.md#verdictscsv). */
  reference: boolean;
  /** Warm-up requests before the measured ones (not counted); unset: the suite's `warmup`. */
  warmup?: number;
}

/** Raw Gemini `contents` entry (multi-turn cases). Passed through as written. */
export interface Content {
  role?: string;
  parts: Array<Record<string, unknown>>;
}

export interface Case {
  id: string;
  /** Exactly one of prompt / contents is set after validation; prompt is turned into contents. */
  contents: Content[];
  /** The prompt text when the case was given as `prompt:` (used for the emulator's answer key). */
  prompt: string | undefined;
  /** Replaces the suite's; `''` means "no system instruction". */
  systemInstruction: SystemInstruction | undefined;
  /** Request fields set on the case (absent: none); see plan/body.ts for how they meet the suite's. */
  request?: RequestFields;
  /** Merged field by field over the suite's generationConfig (absent: none). */
  generationConfig?: Record<string, unknown>;
  expect: Expectation | undefined;
  tags: string[];
}

export interface CiGates {
  minPassRate?: number;
  maxErrorRate?: number;
  maxTtftP90Ms?: number;
  maxFirstAnswerP90Ms?: number;
  maxTotalP90Ms?: number;
  /** Let a run that lacks planned jobs (lost shard, interrupted, relay given up) pass its gates. */
  allowIncomplete?: boolean;
}

/** The suite's `ci:` block: the thresholds, and the baseline comparison's strict mode. */
export interface CiSettings extends CiGates {
  /** With a baseline, fail on any pass→fail pair (README.md#use-in-ci). */
  failOnFlip?: boolean;
}
/** What `capture:` keeps of raw responses: nothing, error rows and samples, or everything. */
export type CapturePolicy = 'none' | 'failed' | 'all';

export interface Suite {
  name: string;
  description: string | undefined;
  /** Absolute path of the suite file; relative paths in it resolve against its folder. */
  file: string;
  model: string;
  /** Exactly one of thinkingBudgets / thinkingLevels is non-empty; a suite with neither runs once with no thinkingConfig. */
  thinkingBudgets: number[];
  thinkingLevels: ThinkingLevel[];
  includeThoughts: boolean;
  repeats: number;
  concurrency: number;
  systemInstruction: SystemInstruction | undefined;
  generationConfig: Record<string, unknown>;
  /** safetySettings, tools, toolConfig, cachedContent, labels as written (absent: none). */
  request?: RequestFields;
  relays: ResolvedRelay[];
  cases: Case[];
  ci: CiSettings;
  /** Seed for anything random the harness does (emulator, jitter), for reproducible runs. */
  seed: number;
  /** Warm-up requests per relay for relays that set none; unset means 0. */
  warmup?: number;
  /** Raw responses kept under `captures/`; unset means `failed`. */
  capture?: CapturePolicy;
  /** `prices:` per model (USD per 1M tokens), over the built-in list prices. */
  prices?: Record<string, ModelPriceInput> | undefined;
  /** `load:`: run in open-loop load mode (README.md#load-mode-how-a-relay-holds-up-at-a-request-rate); absent: the closed-loop run. */
  load?: LoadSettings;
  /** `judge:`: the model that grades `judge` expectations (absent: no such expectation may appear). */
  judge?: JudgeSettings;
  /** Problems worth a word that do not stop the run (e.g. a priced model no relay uses), file:line:col each. */
  warnings?: SuiteWarning[] | undefined;
}

/** A warning about a suite, with where it points: the shape of a suite issue, but it stops nothing. */
export type SuiteWarning = SuiteIssue;

/** The suite's `load:` block, validated (see suite/loadSchema.ts). Rates in requests/s, times in s. */
export interface LoadSettings {
  arrival: 'poisson' | 'constant';
  /** Offered requests per second, per relay, one step each, in the order given. */
  rates: number[];
  /** Seconds per step (warm-up included); exactly one of stepS / requests is set. */
  stepS?: number;
  /** Measured arrivals per step (after the warm-up). */
  requests?: number;
  /** Start of each step that is sent but not counted, s. */
  warmupS: number;
  /** Requests in flight per relay; an arrival that finds it full is dropped and counted. */
  maxInFlight: number;
  /** Bounds a request must meet to count towards SLO attainment (ms from t0). */
  slo: { ttftMs?: number; firstAnswerMs?: number; totalMs?: number };
  /** Start-lag p99 (ms) past which a step is flagged untrustworthy. */
  maxStartLagMs: number;
}
