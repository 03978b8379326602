import type { GeminiChunk } from '../types.js';
import { normaliseKeys } from './camelCase.js';
import { errorFromEnvelope, errorFromForeignJson, errorFromText } from './errorInfo.js';
import { sampleOf } from './sample.js';
import type { DecodedItem, DecodeProblem, PayloadSink } from './types.js';

/**
 * Classifies complete JSON texts into items and problems. The framing layers only find where a
 * payload starts and ends; what a payload means is decided here, once, for every framing.
 */

const CHUNK_KEYS = ['candidates', 'usageMetadata', 'promptFeedback', 'modelVersion', 'responseId'] as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function asChunk(value: unknown): GeminiChunk | undefined {
  if (!isObject(value)) return undefined;
  const normalised = normaliseKeys(value) as Record<string, unknown>;
  return CHUNK_KEYS.some((key) => key in normalised) ? (normalised as GeminiChunk) : undefined;
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** `[DONE]` is OpenAI's end marker; OpenAI-compatible relays sometimes append it to Gemini streams. */
const DONE_MARKER = '[DONE]';

/**
 * A {@link PayloadSink} that parses each complete JSON text and calls `onItem` with a Gemini
 * chunk or a relay error (Google's shape or a foreign one), or `onProblem` with invalid JSON, a
 * non-Gemini object, or a truncated body. `[DONE]` (OpenAI's end marker) is skipped. Never throws.
 */
export function createPayloadSink(onItem: (item: DecodedItem) => void, onProblem: (problem: DecodeProblem) => void): PayloadSink {
  function streamPayload(text: string, ending: boolean): void {
    const trimmed = text.trim();
    if (trimmed === '' || trimmed === DONE_MARKER) return;
    const parsed = tryParse(trimmed);
    if (!parsed.ok) {
      onProblem({
        kind: ending ? 'truncated' : 'invalid-json',
        message: ending ? `body ended inside a payload: ${parsed.reason}` : parsed.reason,
        sample: sampleOf(trimmed),
      });
      return;
    }
    if (isObject(parsed.value) && 'error' in parsed.value) {
      onItem({ type: 'error', error: errorFromEnvelope(parsed.value) });
      return;
    }
    const chunk = asChunk(parsed.value);
    if (chunk !== undefined) {
      onItem({ type: 'chunk', chunk });
      return;
    }
    // An error in a relay's own shape sent as an event (`data: {"message": "quota exceeded"}`).
    const foreign = errorFromForeignJson(parsed.value);
    if (foreign.shape !== 'other-json') {
      onItem({ type: 'error', error: foreign });
      return;
    }
    onProblem({ kind: 'not-gemini', message: 'JSON is not a GenerateContentResponse', sample: sampleOf(trimmed) });
  }

  function barePayload(text: string): void {
    const trimmed = text.trim();
    if (trimmed === '') return;
    const parsed = tryParse(trimmed);
    if (!parsed.ok) {
      onItem({ type: 'error', error: errorFromText(trimmed) });
      return;
    }
    if (isObject(parsed.value) && 'error' in parsed.value) {
      onItem({ type: 'error', error: errorFromEnvelope(parsed.value) });
      return;
    }
    const chunk = asChunk(parsed.value);
    onItem(chunk === undefined ? { type: 'error', error: errorFromForeignJson(parsed.value) } : { type: 'chunk', chunk });
  }

  return {
    streamPayload,
    barePayload,
    relayError: (error) => onItem({ type: 'error', error }),
    problem: onProblem,
  };
}
