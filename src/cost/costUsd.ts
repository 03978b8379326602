import type { TokenPrices } from './prices.js';

/**
 * Token counts of one response, as `usageMetadata` reports them (the last chunk's). Undefined
 * counts are read as 0, except `promptTokens`: without it there is no usage to price.
 */
export interface TokenUsage {
  /** `promptTokenCount`: the whole prompt, cached tokens included. */
  promptTokens: number | undefined;
  /** `cachedContentTokenCount`: the part of the prompt served from a cache. */
  cachedTokens: number | undefined;
  /** `thoughtsTokenCount`. */
  thoughtTokens: number | undefined;
  /** `candidatesTokenCount`. */
  answerTokens: number | undefined;
}

/** Per-token prices scaled by a reseller's multiplier (1 = list price). */
export interface TokenPricing {
  kind: 'tokens';
  prices: TokenPrices;
  /** A relay's `price: { multiplier }`: resellers often sell at a fraction of list. */
  multiplier: number;
}

/** A flat USD per call, whatever the tokens (`price: { perRequest }`). */
export interface RequestPricing {
  kind: 'perRequest';
  usdPerRequest: number;
}

/** How one (relay, model) is billed. */
export type Pricing = TokenPricing | RequestPricing;

const PER_MILLION = 1_000_000;

/**
 * The prices that apply to a prompt of `promptTokens`: the long-context tier when the prompt
 * exceeds its `overTokens` ("$2.50, prompts > 200k tokens", https://ai.google.dev/gemini-api/docs/pricing),
 * else the base prices. A tier without its own cache price scales the base cache price like input.
 */
export function tierFor(prices: TokenPrices, promptTokens: number): { input: number; output: number; cachedInput: number } {
  const long = prices.longContext;
  if (long === undefined || promptTokens <= long.overTokens) {
    return { input: prices.input, output: prices.output, cachedInput: prices.cachedInput };
  }
  const cachedInput = long.cachedInput ?? (prices.input === 0 ? prices.cachedInput : prices.cachedInput * (long.input / prices.input));
  return { input: long.input, output: long.output, cachedInput };
}

/**
 * USD cost of one response (docs/metrics.md#cost_usd):
 *
 *   (prompt − cached) × input + cached × cachedInput + (answer + thought) × output
 *
 * per 1M tokens, at the long-context tier when the prompt exceeds its threshold, times the
 * relay's multiplier. Thinking is billed as output (Google's price page: "Output price (including
 * thinking tokens)"); `promptTokenCount` includes the cached tokens, which are billed at the cache
 * price instead (https://ai.google.dev/gemini-api/docs/caching). A per-request price ignores tokens.
 *
 * Returns undefined when there is no usage to price (no `promptTokenCount`), except for a
 * per-request price, which needs none. Never negative: cached tokens above the prompt are capped.
 */
export function costUsd(usage: TokenUsage, pricing: Pricing): number | undefined {
  if (pricing.kind === 'perRequest') return pricing.usdPerRequest;
  if (usage.promptTokens === undefined) return undefined;
  const prompt = usage.promptTokens;
  const cached = Math.min(usage.cachedTokens ?? 0, prompt);
  const generated = (usage.answerTokens ?? 0) + (usage.thoughtTokens ?? 0);
  const tier = tierFor(pricing.prices, prompt);
  const usd = ((prompt - cached) * tier.input + cached * tier.cachedInput + generated * tier.output) / PER_MILLION;
  return usd * pricing.multiplier;
}

/** Rounds a USD amount to the nano-dollar, so CSV cells carry no float noise (1e-9 is far below any price step). */
export function roundUsd(usd: number): number {
  return Math.round(usd * 1e9) / 1e9;
}
