import { costUsd, type Pricing } from './costUsd.js';
import { DEFAULT_OUTPUT_CAP_TOKENS, listPriceOf } from './prices.js';

/**
 * Characters per token for an estimate before anything is sent: Google's token guide says "a
 * token is equivalent to about 4 characters" for Gemini models
 * (https://ai.google.dev/gemini-api/docs/tokens). Real counts vary with language and content.
 */
export const CHARS_PER_TOKEN = 4;

/** Text of every `text` part in a Gemini request body (contents and system instruction, either casing). */
export function requestText(body: Readonly<Record<string, unknown>>): string {
  const texts: string[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'text' && typeof inner === 'string') texts.push(inner);
        else collect(inner);
      }
    }
  };
  collect(body.contents);
  collect(body.systemInstruction ?? body.system_instruction);
  return texts.join('');
}

/** Prompt tokens estimated from text length, at least 1 ({@link CHARS_PER_TOKEN}). */
export function estimatePromptTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / CHARS_PER_TOKEN));
}

/**
 * A prompt-token count the real one cannot exceed: the UTF-8 byte length. Gemini's tokenizer
 * (SentencePiece with byte fallback) never makes a token of less than one byte, so it is a
 * ceiling, used where a low estimate would let a spending cap overshoot.
 */
export function promptTokensCeiling(text: string): number {
  return Math.max(1, Buffer.byteLength(text, 'utf8'));
}

/** `maxOutputTokens` of a request body (either casing), or undefined. */
export function maxOutputTokensOf(body: Readonly<Record<string, unknown>>): number | undefined {
  const config = body.generationConfig ?? body.generation_config;
  if (config === null || typeof config !== 'object') return undefined;
  const record = config as Record<string, unknown>;
  const value = record.maxOutputTokens ?? record.max_output_tokens;
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

/** Output tokens one response may reach: the request's `maxOutputTokens`, else the model's output cap. */
export function outputCeilingTokens(body: Readonly<Record<string, unknown>>, model: string): number {
  return maxOutputTokensOf(body) ?? listPriceOf(model)?.outputCapTokens ?? DEFAULT_OUTPUT_CAP_TOKENS;
}

/** Low and high USD for one request (README.md#cost: low = prompt only, high = prompt + output ceiling). */
export interface CostRange {
  lowUsd: number;
  highUsd: number;
}

/**
 * The cost range of one request before it is sent: low prices the estimated prompt alone
 * ({@link estimatePromptTokens}); high adds {@link outputCeilingTokens} output tokens.
 */
export function estimateRequestCost(body: Readonly<Record<string, unknown>>, model: string, pricing: Pricing): CostRange {
  const promptTokens = estimatePromptTokens(requestText(body));
  const low = costUsd({ promptTokens, cachedTokens: 0, thoughtTokens: 0, answerTokens: 0 }, pricing) ?? 0;
  const high = costUsd({ promptTokens, cachedTokens: 0, thoughtTokens: 0, answerTokens: outputCeilingTokens(body, model) }, pricing) ?? 0;
  return { lowUsd: low, highUsd: high };
}

/**
 * The most one request can cost, for the spending cap: the prompt at its byte-length ceiling
 * ({@link promptTokensCeiling}), nothing cached, plus the output ceiling. A relay that ignores
 * `maxOutputTokens` can still exceed it; the cap says so.
 */
export function worstCaseCostUsd(body: Readonly<Record<string, unknown>>, model: string, pricing: Pricing): number {
  const promptTokens = promptTokensCeiling(requestText(body));
  return costUsd({ promptTokens, cachedTokens: 0, thoughtTokens: 0, answerTokens: outputCeilingTokens(body, model) }, pricing) ?? 0;
}
