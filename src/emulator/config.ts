import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { PRESET_NAMES, type PresetName } from '../suite/presets.js';
import type { AuthMode } from '../suite/types.js';
import { overridesSchema, PROFILE_NAMES, type ProfileName } from '../suite/emulatorSchema.js';
import type { ProfileOverrides } from './profiles.js';
import { RelaybenchError } from '../errors/index.js';

/**
 * The emulator's configuration: which relays it hosts, with which behaviour, and the answer key
 * of the suite it serves. Also accepted in-process, so it is validated the same way either way.
 */

/** One relay an emulator hosts at `/<name>/`: its profile, request shape (preset, auth), accepted key and behaviour overrides. */
export interface EmulatedRelay {
  /** URL path prefix: the relay is served at `/<name>/v1beta/...`. */
  name: string;
  profile: ProfileName;
  /** Request shape the relay expects, from the preset table; default `google`. */
  preset?: PresetName;
  /** Overrides the preset's key channels, for relays whose `auth` differs from their preset. */
  auth?: AuthMode[];
  /** When set only this key is accepted; when unset any non-empty key is. */
  apiKey?: string;
  overrides?: ProfileOverrides;
}

/** One answer-key entry: for `prompt` (trimmed), the `correct` answer and the `wrong` one the simulated model gives when it errs. */
export interface AnswerKeyInput {
  prompt: string;
  correct: string;
  wrong: string;
}

/**
 * The emulator's configuration file (`emulate --config FILE`, YAML or JSON) or in-process config:
 * the PRNG seed, the relays it hosts (name, profile, auth, key, overrides), the answer key of the
 * suite it serves, and the judge key. Validated by {@link emulatorConfigSchema}.
 */
export interface EmulatorConfig {
  seed?: number;
  relays?: EmulatedRelay[];
  answerKey?: AnswerKeyInput[];
  /** Judged cases' rubrics with the facts a passing answer holds: the emulator acts as judge from them (judge.ts). */
  judgeKey?: Array<{ question: string; rubric: string; facts?: string[] }>;
}

const relaySchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
    error: 'must be letters, digits, ".", "_" or "-" (it becomes a URL path segment)',
  }),
  profile: z.enum(PROFILE_NAMES),
  preset: z.enum(PRESET_NAMES).exactOptional(),
  auth: z
    .array(z.enum(['header', 'bearer', 'query']))
    .min(1)
    .exactOptional(),
  apiKey: z.string().min(1).exactOptional(),
  overrides: overridesSchema.exactOptional(),
});

/** The zod schema of {@link EmulatorConfig}: strict objects (unknown keys rejected), unique relay names, rates in [0, 1]. */
export const emulatorConfigSchema = z.strictObject({
  seed: z.number().int().exactOptional(),
  relays: z
    .array(relaySchema)
    .exactOptional()
    .refine((relays) => relays === undefined || new Set(relays.map((relay) => relay.name)).size === relays.length, {
      error: 'relay names must be unique',
    }),
  answerKey: z.array(z.strictObject({ prompt: z.string().min(1), correct: z.string(), wrong: z.string() })).exactOptional(),
  judgeKey: z.array(z.strictObject({ question: z.string(), rubric: z.string().min(1), facts: z.array(z.string().min(1)).exactOptional() })).exactOptional(),
});

/** An emulator configuration that cannot be used: a usage error (exit 2), printed without a stack. */
export class EmulatorConfigError extends RelaybenchError {
  constructor(message: string) {
    super(message, 'flag');
    this.name = 'EmulatorConfigError';
  }
}

/** Validates a configuration given in-process; `source` names it in error messages. */
export function parseEmulatorConfig(value: unknown, source = 'emulator config'): EmulatorConfig {
  const result = emulatorConfigSchema.safeParse(value ?? {});
  if (!result.success) {
    throw new EmulatorConfigError(`${source} is invalid:\n${z.prettifyError(result.error)}`);
  }
  return result.data;
}

/** Reads a YAML or JSON file (JSON is YAML, so one parser serves both). */
export async function loadEmulatorConfig(file: string): Promise<EmulatorConfig> {
  const text = await readFile(file, 'utf8');
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    throw new EmulatorConfigError(`${file}: not valid YAML or JSON: ${(error as Error).message}`);
  }
  return parseEmulatorConfig(value, file);
}
