import type { AuthMode, Casing, StreamFraming } from './wireSchemas.js';

/** The documented request shape of a relay we know. Any field can be overridden per relay. */
export interface RelayPreset {
  baseUrl: string;
  auth: AuthMode[];
  stream: StreamFraming;
  casing: Casing;
  modelInBody: boolean;
  /** What the relay's documentation says that matters for measuring it. */
  notes: string;
}

/**
 * The relays of the design's preset table. Shapes come from each relay's published example
 * request; when a relay documents two ways to pass the key, the preset sends both, as its
 * example does.
 */
export const PRESETS = {
  google: {
    baseUrl: 'https://generativelanguage.googleapis.com',
    auth: ['header'],
    stream: 'sse',
    casing: 'camel',
    modelInBody: false,
    notes: 'The reference API. A Bearer header carrying an API key is rejected with 401.',
  },
  gptplus5: {
    baseUrl: 'https://az.gptplus5.com',
    auth: ['bearer', 'query'],
    stream: 'sse',
    casing: 'camel',
    modelInBody: false,
    notes: '',
  },
  quickrouter: {
    baseUrl: 'https://api.quickrouter.ai',
    auth: ['bearer', 'query'],
    stream: 'sse',
    casing: 'camel',
    modelInBody: false,
    notes: '',
  },
  kkiai: {
    baseUrl: 'https://www.kkiai.com',
    auth: ['bearer', 'query'],
    stream: 'sse',
    casing: 'camel',
    modelInBody: false,
    notes: '',
  },
  gptproto: {
    baseUrl: 'https://gptproto.com',
    auth: ['query'],
    stream: 'json-array',
    casing: 'snake',
    modelInBody: true,
    notes: 'Example body is snake_case and names the model in the body; streams one JSON array (no alt=sse).',
  },
  apigo: {
    baseUrl: 'https://maas.apigo.ai',
    auth: ['header'],
    stream: 'sse',
    casing: 'camel',
    modelInBody: false,
    notes: 'Finish state and safety data may arrive only in late chunks. A query key is accepted too.',
  },
} as const satisfies Record<string, RelayPreset>;

/** The name of a known relay's preset (`preset:` in a relay entry, docs/suite.md#presets): a key of `PRESETS`. */
export type PresetName = keyof typeof PRESETS;

/** Every preset name, in table order, for "did you mean" hints and the accepted values in error messages. */
export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

/** True when `name` is a key of `PRESETS` (an own property, so `toString` or `__proto__` is not a preset). */
export function isPresetName(name: string): name is PresetName {
  return Object.hasOwn(PRESETS, name);
}
