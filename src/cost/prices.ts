/**
 * Google's list prices for the Gemini models relaybench knows, in USD per 1M tokens, Standard
 * (paid, synchronous) tier, text input. One table, one row per model; each row says where its
 * numbers come from and when they were read. List prices change: a suite overrides any model with
 * `prices:` and a relay sets its own `price:` (see README, "Cost"), and this table is refreshed by
 * re-reading the page below and updating `readOn`.
 *
 * This module sits below every stage: anything may import it, it imports nothing of ours.
 */

/** Google's Gemini Developer API price page: the one source of every built-in price. */
export const GEMINI_PRICING_URL = 'https://ai.google.dev/gemini-api/docs/pricing';

/**
 * Prices of one model, USD per 1M tokens. `output` covers thinking tokens too: Google bills
 * thoughts as output ("Output price (including thinking tokens)", {@link GEMINI_PRICING_URL}).
 */
export interface TokenPrices {
  /** Prompt tokens not served from a cache. */
  input: number;
  /** Answer and thought tokens. */
  output: number;
  /** Prompt tokens served from a context cache (implicit or explicit); `input` when the model has no cache price. */
  cachedInput: number;
  /** Higher prices for prompts over `overTokens` (e.g. 2.5 Pro over 200k prompt tokens); the whole request is billed at them. */
  longContext?: LongContextPrices;
}

/** The tier a request falls into when its prompt exceeds `overTokens` prompt tokens. */
export interface LongContextPrices {
  /** Prompt size (tokens, cached ones included) above which this tier applies. */
  overTokens: number;
  input: number;
  output: number;
  /** Cache price in this tier; the short tier's `cachedInput` scaled like `input` when absent. */
  cachedInput?: number;
}

/** A built-in list price with its provenance. */
export interface ListPrice extends TokenPrices {
  model: string;
  /** Where the numbers were read. */
  source: string;
  /** ISO date the source was read (from a stored copy or a quotation of it; see `readVia`). */
  readOn: string;
  /** How the page was read when not directly: the quotation that carried it. */
  readVia?: string;
  /** Most output tokens (thoughts included) one response may have: the worst case when a request sets no `maxOutputTokens`. Google's model pages. */
  outputCapTokens: number;
}

/**
 * The table. Read on 2026-11-30 from stored copies of {@link GEMINI_PRICING_URL} as quoted by
 * the pages named in `readVia` (this build machine has no live web); check the page before
 * trusting a figure for a bill. Output caps: https://ai.google.dev/gemini-api/docs/models ("Output token limit").
 */
export const LIST_PRICES: readonly ListPrice[] = [
  {
    model: 'gemini-2.5-pro',
    input: 1.25,
    output: 10,
    cachedInput: 0.125,
    longContext: { overTokens: 200_000, input: 2.5, output: 15, cachedInput: 0.25 },
    outputCapTokens: 65_536,
    source: GEMINI_PRICING_URL,
    readOn: '2026-11-30',
    readVia: 'https://discuss.ai.google.dev/t/question-about-gemini-api-caching-pricing/107349 (quotes the page: $0.125 / $0.25 cache, $1.25 input ≤ 200k)',
  },
  {
    model: 'gemini-2.5-flash',
    input: 0.3,
    output: 2.5,
    cachedInput: 0.03,
    outputCapTokens: 65_536,
    source: GEMINI_PRICING_URL,
    readOn: '2026-11-30',
  },
  {
    model: 'gemini-2.5-flash-lite',
    input: 0.1,
    output: 0.4,
    cachedInput: 0.01,
    outputCapTokens: 65_536,
    source: GEMINI_PRICING_URL,
    readOn: '2026-11-30',
  },
  {
    model: 'gemini-2.0-flash',
    input: 0.1,
    output: 0.4,
    cachedInput: 0.025,
    outputCapTokens: 8_192,
    source: GEMINI_PRICING_URL,
    readOn: '2026-11-30',
  },
  {
    // No context caching for 2.0 Flash-Lite (https://discuss.ai.google.dev/t/83445): cached = input.
    model: 'gemini-2.0-flash-lite',
    input: 0.075,
    output: 0.3,
    cachedInput: 0.075,
    outputCapTokens: 8_192,
    source: GEMINI_PRICING_URL,
    readOn: '2026-11-30',
  },
  {
    model: 'gemini-3-pro-preview',
    input: 2,
    output: 12,
    cachedInput: 0.2,
    longContext: { overTokens: 200_000, input: 4, output: 18, cachedInput: 0.4 },
    outputCapTokens: 65_536,
    source: GEMINI_PRICING_URL,
    readOn: '2026-11-30',
  },
  {
    model: 'gemini-3-flash-preview',
    input: 0.5,
    output: 3,
    cachedInput: 0.05,
    outputCapTokens: 65_536,
    source: GEMINI_PRICING_URL,
    readOn: '2026-11-30',
    readVia: 'https://factquire.com/models/google/gemini-3-flash-preview.json (quotes the page, accessed 2026-07-04)',
  },
];

/** The output cap used when a model is not in the table: the largest any Gemini 2.5/3 model has. */
export const DEFAULT_OUTPUT_CAP_TOKENS = 65_536;

/**
 * The built-in list price of `model`, or undefined. Accepts `models/…` and pinned versions
 * (`gemini-2.0-flash-001` → `gemini-2.0-flash`). Aliases that Google moves (`gemini-flash-latest`)
 * are deliberately not priced: their price changes with what they point to.
 */
export function listPriceOf(model: string): ListPrice | undefined {
  const bare = model.replace(/^models\//, '');
  return LIST_PRICES.find((row) => row.model === bare) ?? LIST_PRICES.find((row) => row.model === bare.replace(/-\d{3}$/, ''));
}
