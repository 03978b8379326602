/**
 * The schema of an emulated relay's behaviour, as a suite's `emulator:` relays and
 * `emulatorOverrides:` write it and as the emulator's own config file takes it. It lives with the
 * suite because a suite is validated before anything runs; the emulator (src/emulator/) builds its
 * profiles against these names and fields, so neither can drift from the other.
 */
import { z } from 'zod';

/** The emulator's built-in behaviour profiles (src/emulator/profiles.ts defines each one). */
export const PROFILE_NAMES = [
  'honest',
  'slow',
  'fake-stream',
  'budget-ignorer',
  'thoughts-stripped',
  'model-swap',
  'no-usage',
  're-paced',
  'prompt-injected',
  'usage-padded',
  'config-override',
  'silent-swap',
  'hidden-retry',
  'framing-drift',
  'flaky',
  'low-capacity',
  'high-capacity',
  'instant',
] as const;
/** One built-in profile name. */
export type ProfileName = (typeof PROFILE_NAMES)[number];

/** True when `name` is a built-in emulator profile. */
export function isProfileName(name: string): name is ProfileName {
  return (PROFILE_NAMES as readonly string[]).includes(name);
}

const latencySchema = z.strictObject({
  medianMs: z.number().min(0).exactOptional(),
  sigma: z.number().min(0).exactOptional(),
});

const rate = z.number().min(0).max(1).exactOptional();

const failuresSchema = z.strictObject({
  rateLimited: rate,
  serverError: rate,
  unavailable: rate,
  errorAfter200: rate,
  stall: rate,
  drop: rate,
  html: rate,
});

/**
 * Token rates may be `.inf` in YAML (no delay; zod's number() refuses Infinity), never zero
 * (a response would never finish).
 */
const tokensPerS = z
  .custom<number>((value) => typeof value === 'number' && value > 0, {
    error: 'must be a positive number of tokens per second (.inf for no delay)',
  })
  .exactOptional();

/** Per-relay behaviour overrides; also validated where a suite names them (`emulatorOverrides`). */
export const overridesSchema = z.strictObject({
  headersMs: latencySchema.exactOptional(),
  prefillMs: latencySchema.exactOptional(),
  thinkingTokensPerS: tokensPerS,
  answerTokensPerS: tokensPerS,
  rateJitter: z.number().min(0).exactOptional(),
  tokensPerChunk: z.number().int().min(1).exactOptional(),
  honoursBudget: z.boolean().exactOptional(),
  budgetOverrun: z.number().min(1).exactOptional(),
  stripsThoughts: z.boolean().exactOptional(),
  fakeStream: z.boolean().exactOptional(),
  reportedModel: z.string().min(1).nullable().exactOptional(),
  accuracyPenalty: z.number().min(-1).max(1).exactOptional(),
  wrongOn: z.array(z.string().min(1)).exactOptional(),
  omitUsage: z.boolean().exactOptional(),
  failures: failuresSchema.exactOptional(),
  retryAfterS: z.number().int().min(0).exactOptional(),
  stallMs: z.number().min(0).exactOptional(),
  repace: z
    .strictObject({
      pieceChars: z.number().int().min(1).exactOptional(),
      shortTextChars: z.number().int().min(1).exactOptional(),
      longTextChars: z.number().int().min(1).exactOptional(),
      minDelayMs: z.number().min(0).exactOptional(),
      maxDelayMs: z.number().min(0).exactOptional(),
    })
    .nullable()
    .exactOptional(),
  injectedSystemPrompt: z.string().exactOptional(),
  usageInflation: z.number().min(0).exactOptional(),
  usageRepeated: z.boolean().exactOptional(),
  overridesGenerationConfig: z.boolean().exactOptional(),
  hiddenRetry: rate,
  doneMarker: z.boolean().exactOptional(),
  keepAlive102: z.boolean().exactOptional(),
  sseWhenArray: z.boolean().exactOptional(),
  /** Serving capacity (capacity.ts): requests served at once, then queued, then 429. */
  capacity: z
    .strictObject({
      concurrent: z.number().int().min(1).exactOptional(),
      queue: z.number().int().min(0).exactOptional(),
    })
    .nullable()
    .exactOptional(),
});
