import type { Pricing } from './costUsd.js';
import { listPriceOf, type LongContextPrices, type TokenPrices } from './prices.js';

/** A suite's `prices:` entry for one model, USD per 1M tokens; `cachedInput` defaults to `input`. */
export interface ModelPriceInput {
  input: number;
  output: number;
  cachedInput?: number;
  longContext?: LongContextPrices;
}

/**
 * A relay's `price:`: a `multiplier` on the list (or suite) price, its own per-1M prices, or a
 * flat `perRequest` USD per call. The suite's schema allows one kind at a time.
 */
export interface RelayPriceInput {
  multiplier?: number;
  input?: number;
  output?: number;
  cachedInput?: number;
  longContext?: LongContextPrices;
  perRequest?: number;
}

/** The pricing of one (relay, model) and a few words on where it came from. */
export interface ResolvedPricing {
  pricing: Pricing;
  /** e.g. `list price × 0.3`, `suite prices`, `relay price`, `$0.002 per request`. */
  source: string;
}

function tokenPrices(input: ModelPriceInput): TokenPrices {
  return {
    input: input.input,
    output: input.output,
    cachedInput: input.cachedInput ?? input.input,
    ...(input.longContext === undefined ? {} : { longContext: input.longContext }),
  };
}

/**
 * How requests to `model` through a relay are billed, most specific first: the relay's
 * `perRequest`, the relay's own per-1M prices, the suite's `prices:` for the model, the built-in
 * list price ({@link listPriceOf}); a relay `multiplier` scales the last two. Undefined when none
 * is known: the run leaves `cost_usd` empty and says so.
 */
export function resolvePricing(model: string, relayPrice: RelayPriceInput | undefined, suitePrices: Readonly<Record<string, ModelPriceInput>>): ResolvedPricing | undefined {
  if (relayPrice?.perRequest !== undefined) {
    return { pricing: { kind: 'perRequest', usdPerRequest: relayPrice.perRequest }, source: `$${relayPrice.perRequest} per request` };
  }
  if (relayPrice?.input !== undefined && relayPrice.output !== undefined) {
    const own = { input: relayPrice.input, output: relayPrice.output, cachedInput: relayPrice.cachedInput, longContext: relayPrice.longContext };
    return { pricing: { kind: 'tokens', prices: tokenPrices(stripUndefined(own)), multiplier: 1 }, source: 'relay price' };
  }
  const multiplier = relayPrice?.multiplier ?? 1;
  const scaled = multiplier === 1 ? '' : ` × ${multiplier}`;
  const suite = Object.hasOwn(suitePrices, model) ? suitePrices[model] : undefined;
  if (suite !== undefined) return { pricing: { kind: 'tokens', prices: tokenPrices(suite), multiplier }, source: `suite prices${scaled}` };
  const list = listPriceOf(model);
  if (list !== undefined) return { pricing: { kind: 'tokens', prices: list, multiplier }, source: `list price (${list.readOn})${scaled}` };
  return undefined;
}

function stripUndefined(input: { input: number; output: number; cachedInput: number | undefined; longContext: LongContextPrices | undefined }): ModelPriceInput {
  return {
    input: input.input,
    output: input.output,
    ...(input.cachedInput === undefined ? {} : { cachedInput: input.cachedInput }),
    ...(input.longContext === undefined ? {} : { longContext: input.longContext }),
  };
}
