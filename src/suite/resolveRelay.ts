import type { PathIssue } from './issues.js';
import { PRESETS, isPresetName } from './presets.js';
import type { RelayPreset } from './presets.js';
import type { AuthMode, ResolvedRelay, RetryPolicy, Timeouts } from './types.js';
import type { RelayInput } from './relaySchema.js';

/**
 * A relay's timeouts when it sets no `timeouts:` (docs/suite.md#relays), in ms: 10 s to connect, 60 s
 * to the status and headers (first byte), 30 s of silence between body bytes, 300 s for the whole
 * request. Exceeding one gives error_kind `timeout`.
 */
export const DEFAULT_TIMEOUTS: Readonly<Timeouts> = { connectMs: 10_000, firstByteMs: 60_000, idleMs: 30_000, totalMs: 300_000 };
/**
 * A relay's retry policy when it sets no `retry:` (docs/suite.md#relays): up to 2 retries after the
 * first attempt, on HTTP 408, 429, 500, 502, 503, 504 (the transient ones: 429/500/503/504 are the
 * retryable errors of ai.google.dev/gemini-api/docs/troubleshooting, 408/502 a timeout or bad
 * gateway per RFC 9110 §15), with exponential backoff or the server's `Retry-After`; never after content
 * arrived (`midStream: false`), since a retried stream may be billed twice.
 */
export const DEFAULT_RETRY: Readonly<RetryPolicy> = { max: 2, statuses: [408, 429, 500, 502, 503, 504], midStream: false };
/**
 * Largest response body read per request, in bytes: 16 MiB (16 × 1024 × 1024). A longer body stops
 * the request with error_kind `stream` (docs/run-folder.md#error_kind), so a runaway relay cannot exhaust memory.
 */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

/** Not a secret: emulated relays check for it so that auth handling is still exercised. */
export const EMULATOR_API_KEY = 'relaybench-emulator-key';

/** Placeholder base URL of an emulated relay; the runner swaps in the emulator's address. */
export function emulatorBaseUrl(relayName: string): string {
  return `emulator://${relayName}`;
}

/** The shape of the Gemini API itself, for relays that describe themselves without a preset. */
const GEMINI_SHAPE: Omit<RelayPreset, 'baseUrl' | 'notes'> = PRESETS.google;

/**
 * The result of `resolveRelay`: the ResolvedRelay, or the PathIssues (relative to the relay entry)
 * that prevent it, such as no `baseUrl` or no `apiKey` from the entry, its preset or `emulator:`.
 */
export type RelayResolution = { ok: true; relay: ResolvedRelay } | { ok: false; issues: PathIssue[] };

/**
 * Applies the preset (explicit fields win) and the defaults. A relay that names no preset and
 * gives no shape of its own is taken to be Google's API. Issue paths are relative to the entry.
 */
export function resolveRelay(input: RelayInput): RelayResolution {
  const presetName = input.preset ?? (describesOwnShape(input) ? undefined : 'google');
  const preset = presetName !== undefined && isPresetName(presetName) ? PRESETS[presetName] : undefined;
  const issues: PathIssue[] = [];

  const baseUrl = input.emulator !== undefined ? emulatorBaseUrl(input.name) : (input.baseUrl ?? preset?.baseUrl)?.replace(/\/+$/, '');
  if (baseUrl === undefined) {
    issues.push({
      path: [],
      message: `relay "${input.name}" has no baseUrl`,
      hint: 'Set baseUrl, a preset that has one, or emulator: <profile>',
    });
  }
  const apiKey = input.apiKey ?? (input.emulator !== undefined ? EMULATOR_API_KEY : undefined);
  if (apiKey === undefined) {
    const variable = `${input.name.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_API_KEY`;
    issues.push({
      path: [],
      message: `relay "${input.name}" has no apiKey`,
      hint: `Set apiKey: \${${variable}} and export ${variable}`,
    });
  }
  if (baseUrl === undefined || apiKey === undefined) return { ok: false, issues };

  const shape = preset ?? GEMINI_SHAPE;
  return {
    ok: true,
    relay: {
      name: input.name,
      preset: presetName,
      baseUrl,
      apiKey,
      auth: uniqueModes(input.auth ?? shape.auth),
      stream: input.stream ?? shape.stream,
      casing: input.casing ?? shape.casing,
      modelInBody: input.modelInBody ?? shape.modelInBody,
      model: input.model,
      headers: { ...input.headers },
      concurrency: input.concurrency,
      rpm: input.rpm,
      timeouts: { ...DEFAULT_TIMEOUTS, ...input.timeouts },
      retry: { ...DEFAULT_RETRY, ...input.retry },
      proxy: input.proxy,
      emulator: input.emulator,
      emulatorOverrides: input.emulatorOverrides,
      maxBodyBytes: input.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      ...(input.body === undefined ? {} : { body: input.body }),
      price: input.price,
      reference: input.reference === true,
      ...(input.warmup === undefined ? {} : { warmup: input.warmup }),
    },
  };
}

function describesOwnShape(input: RelayInput): boolean {
  return (
    input.baseUrl !== undefined ||
    input.emulator !== undefined ||
    input.auth !== undefined ||
    input.stream !== undefined ||
    input.casing !== undefined ||
    input.modelInBody !== undefined
  );
}

function uniqueModes(modes: readonly AuthMode[]): AuthMode[] {
  return [...new Set(modes)];
}
