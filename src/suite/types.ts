/**
 * The suite as the rest of the pipeline sees it: validated, env-expanded, presets applied.
 * Everything downstream of `suite/` depends only on these types, never on the YAML.
 */

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
  | { any: Expectation[] };

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
  systemInstruction: string | undefined;
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
  systemInstruction: string | undefined;
  generationConfig: Record<string, unknown>;
  relays: ResolvedRelay[];
  cases: Case[];
  ci: CiGates;
  /** Seed for anything random the harness does (emulator, jitter), for reproducible runs. */
  seed: number;
}
