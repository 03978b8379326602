import type { ThinkingLevel } from './types.js';

/**
 * The models the emulator serves and the thinking rules Google enforces for each, as documented
 * in the Gemini thinking guide. Keeping these rules lets a harness discover, against the
 * emulator, that e.g. budget 0 on 2.5 Pro is a 400 rather than a free speed-up.
 */
export interface ModelSpec {
  /** What `modelVersion` reports. */
  version: string;
  /** `null`: the model cannot think at all (a thinkingConfig is a 400). */
  thinking: null | {
    minBudget: number;
    maxBudget: number;
    /** Whether budget 0 (thinking off) is allowed. */
    canDisable: boolean;
    /** Thinking when the request sets no budget or level: dynamic, or off (flash-lite). */
    thinksByDefault: boolean;
    /** Levels accepted in `thinkingLevel`; empty for models that only take a budget. */
    levels: readonly ThinkingLevel[];
  };
  /** Added to the probability of a correct answer: bigger models are better. */
  skill: number;
}

const GEMINI_3_FLASH: ModelSpec = {
  version: 'gemini-3-flash-preview',
  thinking: {
    minBudget: 1,
    maxBudget: 24576,
    canDisable: true,
    thinksByDefault: true,
    levels: ['minimal', 'low', 'medium', 'high'],
  },
  skill: 0.03,
};

/**
 * The served models by name, with their thinking rules (budget range in tokens, whether 0 turns
 * thinking off, default thinking, accepted levels) from Google's thinking guide
 * (https://ai.google.dev/gemini-api/docs/thinking), and a `skill` offset to the simulated accuracy.
 */
export const MODELS: Readonly<Record<string, ModelSpec>> = {
  'gemini-2.5-pro': {
    version: 'gemini-2.5-pro',
    thinking: { minBudget: 128, maxBudget: 32768, canDisable: false, thinksByDefault: true, levels: [] },
    skill: 0.05,
  },
  'gemini-2.5-flash': {
    version: 'gemini-2.5-flash',
    thinking: { minBudget: 1, maxBudget: 24576, canDisable: true, thinksByDefault: true, levels: [] },
    skill: 0,
  },
  'gemini-2.5-flash-lite': {
    version: 'gemini-2.5-flash-lite',
    thinking: { minBudget: 512, maxBudget: 24576, canDisable: true, thinksByDefault: false, levels: [] },
    skill: -0.08,
  },
  'gemini-3-pro-preview': {
    version: 'gemini-3-pro-preview',
    thinking: { minBudget: 128, maxBudget: 32768, canDisable: false, thinksByDefault: true, levels: ['low', 'high'] },
    skill: 0.08,
  },
  'gemini-3-flash-preview': GEMINI_3_FLASH,
  /** An alias Google moves to its newest Flash; today that is a Gemini 3 model. */
  'gemini-flash-latest': GEMINI_3_FLASH,
  'gemini-2.0-flash': { version: 'gemini-2.0-flash', thinking: null, skill: -0.1 },
};

/** The model served as `name`, or undefined for a name the emulator does not serve (it answers 404 NOT_FOUND). */
export function findModel(name: string): ModelSpec | undefined {
  return Object.hasOwn(MODELS, name) ? MODELS[name] : undefined;
}

/** Share of a model's natural thinking that each level allows. */
export const LEVEL_SHARE: Readonly<Record<ThinkingLevel, number>> = {
  minimal: 0.05,
  low: 0.35,
  medium: 0.7,
  high: 1,
};

/** The cap on dynamic thinking (budget -1 or unset) that Google documents: "up to 8,192 tokens". */
export const DYNAMIC_THINKING_CAP = 8192;
