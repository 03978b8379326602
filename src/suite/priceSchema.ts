import { z } from 'zod';
import { closedObject, onAnyMapping } from './closedObject.js';
import { positiveInt } from './fieldSchemas.js';

/** A price in USD per 1M tokens (or per call): a finite number (zod rejects ±Infinity, YAML's .inf), zero or more. */
const usd = z.number().min(0);

/** `longContext:` the tier for prompts over `overTokens` tokens (e.g. 2.5 Pro over 200k). */
const longContextSchema = closedObject({
  overTokens: positiveInt,
  input: usd,
  output: usd,
  cachedInput: usd.exactOptional(),
});

/** One model under a suite's `prices:`, USD per 1M tokens (docs/metrics.md#cost_usd). */
export const modelPriceSchema = closedObject({
  input: usd,
  output: usd,
  cachedInput: usd.exactOptional(),
  longContext: longContextSchema.exactOptional(),
});

/** A suite's `prices:`: model name → prices. Overrides the built-in list price of that model. */
export const suitePricesSchema = z.record(z.string().min(1), modelPriceSchema);

/**
 * A relay's `price:`: `multiplier` (of the list or suite price), its own per-1M prices
 * (`input` and `output`, optionally `cachedInput`, `longContext`), or `perRequest` USD per call.
 * One kind at a time, so nobody has to guess which one wins.
 */
export const relayPriceSchema = closedObject({
  multiplier: z.number().gt(0).exactOptional(),
  input: usd.exactOptional(),
  output: usd.exactOptional(),
  cachedInput: usd.exactOptional(),
  longContext: longContextSchema.exactOptional(),
  perRequest: usd.exactOptional(),
}).superRefine((price, ctx) => {
  const own = price.input !== undefined || price.output !== undefined || price.cachedInput !== undefined || price.longContext !== undefined;
  const kinds = [price.multiplier !== undefined, own, price.perRequest !== undefined].filter(Boolean).length;
  const issue = (key: string, message: string, hint: string): void => {
    ctx.addIssue({ code: 'custom', path: [key], message, params: { atKey: true, hint } });
  };
  if (kinds === 0) {
    ctx.addIssue({ code: 'custom', path: [], message: 'price is empty', params: { hint: 'Give multiplier, input and output (USD per 1M tokens), or perRequest (USD per call)' } });
  } else if (kinds > 1) {
    const key = price.perRequest !== undefined ? 'perRequest' : 'multiplier';
    issue(key, 'give one kind of price: multiplier, own per-1M prices, or perRequest', 'A multiplier scales the list or suite price; own prices and perRequest replace it');
  } else if (own && (price.input === undefined || price.output === undefined)) {
    issue(price.input === undefined ? 'output' : 'input', 'own prices need both input and output', 'Set input and output in USD per 1M tokens');
  }
}, onAnyMapping);
