import { z } from 'zod';
import { authModeSchema, casingSchema, streamFramingSchema } from './wireSchemas.js';
import { closedObject, onAnyMapping } from './closedObject.js';
import { didYouMean } from './didYouMean.js';
import { folderSafeName, headersSchema, httpUrl, positiveInt } from './fieldSchemas.js';
import { modelName } from './modelName.js';
import { PRESET_NAMES, isPresetName } from './presets.js';
import { relayBodySchema } from './relayBodySchema.js';
import { relayPriceSchema } from './priceSchema.js';
import { isProfileName, overridesSchema, PROFILE_NAMES } from './emulatorSchema.js';

const presetName = z.string().superRefine((name, ctx) => {
  if (isPresetName(name)) return;
  ctx.addIssue({
    code: 'custom',
    message: `unknown preset "${name}"`,
    params: { hint: didYouMean(name, PRESET_NAMES) ?? `Known presets: ${PRESET_NAMES.join(', ')}` },
  });
});

const profileName = z.string().superRefine((name, ctx) => {
  if (isProfileName(name)) return;
  ctx.addIssue({
    code: 'custom',
    message: `unknown emulator profile "${name}"`,
    params: { hint: didYouMean(name, PROFILE_NAMES) ?? `Known profiles: ${PROFILE_NAMES.join(', ')}` },
  });
});

const timeoutsSchema = closedObject({
  connectMs: positiveInt.exactOptional(),
  firstByteMs: positiveInt.exactOptional(),
  idleMs: positiveInt.exactOptional(),
  totalMs: positiveInt.exactOptional(),
});

const retrySchema = closedObject({
  max: z.number().int().min(0).exactOptional(),
  statuses: z.array(z.number().int().min(100).max(599)).exactOptional(),
  midStream: z.boolean().exactOptional(),
});

/** One relay entry as written (inline in a suite or in a relays file), before presets apply. */
export const relayInputSchema = closedObject({
  name: folderSafeName,
  preset: presetName.exactOptional(),
  baseUrl: httpUrl.refine((url) => !url.includes('#'), { error: 'a baseUrl cannot hold a #fragment: it is never sent to the server' }).exactOptional(),
  apiKey: z.string().min(1).exactOptional(),
  // A single mode may be written bare (`auth: bearer`); it means a list of one.
  auth: z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(authModeSchema).min(1)).exactOptional(),
  stream: streamFramingSchema.exactOptional(),
  casing: casingSchema.exactOptional(),
  modelInBody: z.boolean().exactOptional(),
  model: modelName.exactOptional(),
  headers: headersSchema.exactOptional(),
  concurrency: positiveInt.exactOptional(),
  rpm: positiveInt.exactOptional(),
  timeouts: timeoutsSchema.exactOptional(),
  retry: retrySchema.exactOptional(),
  proxy: httpUrl.exactOptional(),
  emulator: profileName.exactOptional(),
  /** Behaviour overrides for the emulated relay (see src/emulator/README.md). */
  emulatorOverrides: closedObject(overridesSchema.shape).exactOptional(),
  maxBodyBytes: positiveInt.exactOptional(),
  /** Extra request-body fields, merged as written (unchecked); see relayBodySchema. */
  body: relayBodySchema.exactOptional(),
  /** What this relay charges (docs/metrics.md#cost_usd). */
  price: relayPriceSchema.exactOptional(),
  /** The relay the cross-relay verdicts compare with (typically Google's own API); at most one. */
  reference: z.boolean().exactOptional(),
  /** Requests sent before the measured ones and not counted (README.md#around-a-run). */
  warmup: z.number().int().min(0).max(1000).exactOptional(),
}).superRefine((relay, ctx) => {
  if (relay.emulatorOverrides !== undefined && relay.emulator === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['emulatorOverrides'],
      message: 'emulatorOverrides only applies to an emulated relay',
      params: { atKey: true, hint: 'Add emulator: <profile>, or remove emulatorOverrides' },
    });
  }
  if (relay.baseUrl !== undefined && relay.emulator !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['emulator'],
      message: 'a relay is either emulated or has a baseUrl, not both',
      params: { atKey: true, hint: 'Remove baseUrl: the run routes emulated relays to the emulator it starts' },
    });
  }
}, onAnyMapping);

/**
 * One validated relay entry as written (docs/suite.md#relays), after `${NAME}` expansion and zod
 * defaults but before the preset and DEFAULT_* values apply; `resolveRelay` turns it into a ResolvedRelay.
 */
export type RelayInput = z.output<typeof relayInputSchema>;
