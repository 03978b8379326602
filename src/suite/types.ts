/**
 * The suite as the rest of the pipeline sees it: validated, env-expanded, presets applied.
 * Everything downstream of `suite/` depends only on these types, never on the YAML.
 *
 * Each type is derived from the zod schema that validates it (`z.output` of the schema, or a field
 * of it), so a field added to a schema is in its type with no second edit. Where the pipeline sees
 * a resolved form rather than the parsed input (defaults filled, presets applied, a prompt turned
 * into contents), the type is the schema's output with the smallest transform that says so:
 * `Required<>` for what defaults fill, `Omit<> & {…}` for fields the loader reshapes.
 */

import type { CaseInput } from './caseSchema.js';
import type { Expectation } from './expectationSchema.js';
import type { SuiteIssue } from './issues.js';
import type { JudgeInput } from './judgeSchema.js';
import type { LoadInput } from './loadSchema.js';
import type { RelayInput } from './relaySchema.js';
import type { RequestFields, RequestFieldsInput, SystemInstruction } from './requestFieldsSchema.js';
import type { SuiteInput } from './suiteSchema.js';

export type { RequestFields, SystemInstruction } from './requestFieldsSchema.js';
export type { AuthMode, Casing, StreamFraming } from './wireSchemas.js';

/**
 * One grader expectation, exactly as written under `expect:` in a suite: derived from the grader
 * table in expectationSchema.ts, so a grader or modifier added there is in this type.
 */
export type { Expectation, ExpectationOf, GraderKey } from './expectationSchema.js';

/**
 * A rubric a model grades against (`expect: { judge: … }`, README.md#judge-grader-open-ended-answers). `threshold`
 * turns the judge's score (0..1) into pass/fail instead of its own `pass`; `facts` are what the
 * emulator's judge looks for in an answer (its answer key): a real judge never sees them.
 */
export type { JudgeRubric } from './expectationSchema.js';

/**
 * The suite's `judge:` block, resolved: which relay and model grade `judge` expectations, with
 * which thinking setting, how many votes per answer (`repeats`, majority) and how many judge calls
 * at once (`concurrency`). `prompt` is an override template read from the suite's folder.
 * `repeats` and `concurrency` are the schema's (defaults filled); the rest is resolved by
 * loadJudge.ts (a relay name becomes the relay, the model falls back to the suite's, the prompt
 * file is read), so those fields are stated here.
 */
export type JudgeSettings = Pick<JudgeInput, 'repeats' | 'concurrency'> & {
  relay: ResolvedRelay;
  /** True when the relay was written inline under `judge:` rather than named from `relays`. */
  inlineRelay: boolean;
  model: string;
  thinking: { kind: 'budget'; budget: number } | { kind: 'level'; level: ThinkingLevel } | { kind: 'none' };
  /** An override of the built-in template: its path (as written, resolved) and text. */
  prompt?: { file: string; text: string };
};

/** A Gemini 3 `thinkingLevel`, as a suite's `thinkingLevels:` lists them. */
export type ThinkingLevel = NonNullable<SuiteInput['thinkingLevels']>[number];

/**
 * A relay's timeouts in ms, each filled (the relay's `timeouts:` over DEFAULT_TIMEOUTS): `connectMs`
 * TCP + TLS connect; `firstByteMs` from t0 until the status and headers arrive; `idleMs` the longest
 * silence between two body chunks mid-stream; `totalMs` the whole request, retries excluded.
 */
export type Timeouts = Required<NonNullable<RelayInput['timeouts']>>;

/**
 * A relay's retry policy, each field filled (its `retry:` over DEFAULT_RETRY): `max` extra attempts
 * after the first (0 disables retries); `statuses` the HTTP statuses worth another attempt;
 * `midStream` retries a stream that failed after content arrived (double-billing risk, off by default).
 */
export type RetryPolicy = Required<NonNullable<RelayInput['retry']>>;

/** Fields resolveRelay always fills, from the relay, its preset or a built-in default. */
type FilledRelayField = 'baseUrl' | 'auth' | 'stream' | 'casing' | 'modelInBody' | 'headers' | 'maxBodyBytes' | 'reference';
/** Fields resolveRelay always sets, to `undefined` when unset, so a copy never loses one. */
type SetRelayField = 'preset' | 'apiKey' | 'model' | 'concurrency' | 'rpm' | 'proxy' | 'emulator' | 'emulatorOverrides';

/**
 * A relay with its preset applied and every field resolved (see resolveRelay.ts). `apiKey` is a
 * secret. `baseUrl` has no trailing slash; for emulated relays it is filled in when the emulator
 * starts. `emulator` names the emulator profile the run starts for this relay, `emulatorOverrides`
 * its behaviour overrides; `maxBodyBytes` caps one response body, so an endless relay cannot
 * exhaust memory; `body` is merged as written into every request body after casing (e.g.
 * gptproto's `stream: false`); `price` is what the relay charges (undefined = list price);
 * `reference: true` marks the relay the cross-relay verdicts compare with (docs/run-folder.md#verdictscsv); `warmup` (unset: the suite's) counts warm-up requests before the measured ones.
 * The schema's output with filled fields made required, set fields made `| undefined`, and
 * `timeouts`/`retry` complete. `price` stays optional: relays built in code may leave it out.
 */
export type ResolvedRelay = Omit<RelayInput, FilledRelayField | SetRelayField | 'timeouts' | 'retry' | 'price'> &
  Required<Pick<RelayInput, FilledRelayField>> & { [Field in SetRelayField]: RelayInput[Field] | undefined } & {
    timeouts: Timeouts;
    retry: RetryPolicy;
    price?: RelayInput['price'] | undefined;
  };

/** Raw Gemini `contents` entry (multi-turn cases): `role` (`user`/`model`) and `parts`, passed through as written. */
export type Content = NonNullable<CaseInput['contents']>[number];

/**
 * One case, resolved by toCase.ts. The schema's output, reshaped: exactly one of prompt / contents
 * is written, and `prompt:` becomes a one-turn `contents`; `prompt` is the prompt text (or the last
 * user turn's), used for the emulator's answer key and the judge; `systemInstruction` replaces the
 * suite's (`''` means "no system instruction"); the request fields the case sets are grouped under
 * `request` (absent: none; see plan/body.ts for how they meet the suite's); `generationConfig` is
 * merged field by field over the suite's.
 */
export type Case = Omit<CaseInput, keyof RequestFieldsInput | 'prompt' | 'contents' | 'expect' | 'tags'> & {
  contents: Content[];
  prompt: string | undefined;
  systemInstruction: SystemInstruction | undefined;
  request?: RequestFields;
  expect: Expectation | undefined;
  tags: string[];
};

/**
 * The suite's `ci:` block: the thresholds (rates in [0, 1], latencies in ms), `allowIncomplete`
 * (let a run that lacks planned jobs pass its gates), and `failOnFlip`: with a baseline, fail on any
 * pass→fail pair (README.md#use-in-ci).
 */
export type CiSettings = SuiteInput['ci'];

/** The `ci:` thresholds a run is gated on: the `ci:` block without the baseline comparison's `failOnFlip`. */
export type CiGates = Omit<CiSettings, 'failOnFlip'>;

/** What `capture:` keeps of raw responses: nothing, error rows and samples, or everything. */
export type CapturePolicy = NonNullable<SuiteInput['capture']>;

/**
 * A suite, resolved by loadSuite.ts: the schema's output (defaults filled) with `file` (absolute
 * path of the suite file; relative paths in it resolve against its folder) and these reshaped:
 * exactly one of thinkingBudgets / thinkingLevels is non-empty (a suite with neither runs once with
 * no thinkingConfig); request fields other than `systemInstruction` are grouped under `request`
 * (absent: none); `relays` are resolved; `cases` are resolved; `prices` (USD per 1M tokens, over the
 * built-in list prices) is always an object; `load` has its defaults filled; `judge` is resolved
 * (absent: no judge expectation may appear); `warnings` are problems worth a word that stop
 * nothing. `seed` seeds anything random the harness does (emulator, jitter); `warmup` unset means
 * 0; `capture` unset means `failed`.
 */
export type Suite = Omit<SuiteInput, keyof RequestFieldsInput | 'description' | 'thinkingBudgets' | 'thinkingLevels' | 'relays' | 'cases' | 'prices' | 'load' | 'judge'> & {
  description: string | undefined;
  file: string;
  thinkingBudgets: number[];
  thinkingLevels: ThinkingLevel[];
  systemInstruction: SystemInstruction | undefined;
  request?: RequestFields;
  relays: ResolvedRelay[];
  cases: Case[];
  prices?: SuiteInput['prices'] | undefined;
  load?: LoadSettings;
  judge?: JudgeSettings;
  warnings?: SuiteWarning[] | undefined;
};

/** A warning about a suite, with where it points: the shape of a suite issue, but it stops nothing. */
export type SuiteWarning = SuiteIssue;

/**
 * The suite's `load:` block, validated (see suite/loadSchema.ts for each field). Rates in
 * requests/s, times in s, latencies in ms. The schema's output with `maxStartLagMs` filled
 * (DEFAULT_MAX_START_LAG_MS when unset), so the scheduler never guesses.
 */
export type LoadSettings = Omit<LoadInput, 'maxStartLagMs'> & { maxStartLagMs: number };
