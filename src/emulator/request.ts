import { THINKING_LEVELS } from '../plan/thinking.js';
import type { ThinkingLevel } from '../suite/types.js';
import { invalidArgument, type GoogleError } from './errors.js';
import { declaredFunctionOf, type DeclaredFunction } from './functionCall.js';
import { hashString } from './random.js';

/**
 * Reading a GenerateContentRequest body the way Google's proto-JSON parser does: field names are
 * accepted in camelCase and in snake_case, numbers may come as strings, enum values are matched
 * without regard to case. Unknown fields are ignored (relays add their own, e.g. `model`).
 */

/** `generationConfig.thinkingConfig` as sent: budget (tokens; -1 dynamic), level, and `includeThoughts`. */
export interface RequestedThinking {
  budget: number | undefined;
  level: ThinkingLevel | undefined;
  includeThoughts: boolean;
}

/** The parts of a `generateContent` request body the simulated model uses; token counts are estimated at 4 characters a token. */
export interface GenerateRequest {
  /** Text of the last user turn: what the simulated model answers (and the answer-key lookup). */
  promptText: string;
  promptTokens: number;
  /** Hash of the whole prompt text (system instruction and contents): the implicit cache's key. */
  promptKey?: string;
  thinking: RequestedThinking;
  maxOutputTokens: number | undefined;
  /** The function the model will call instead of answering in text (the request declares tools). */
  declaredFunction?: DeclaredFunction;
  /** `generationConfig.stopSequences`: the answer ends before the first one (Google allows up to 5). */
  stopSequences?: string[];
  /** `generationConfig.responseMimeType` is `application/json` (a judge request, when its prompt holds a known rubric). */
  jsonAnswer?: boolean;
}

/** A parsed request, or the Google error (400 INVALID_ARGUMENT) the emulator answers for it. */
export type ParseResult = { ok: true; request: GenerateRequest } | { ok: false; error: GoogleError };

type Json = Record<string, unknown>;

const CHARS_PER_TOKEN = 4;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function snakeCase(camel: string): string {
  return camel.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** A field by its camelCase name or its snake_case twin. */
function field(object: Json, camelName: string): unknown {
  return object[camelName] ?? object[snakeCase(camelName)];
}

function objectField(object: Json, camelName: string): Json {
  const value = field(object, camelName);
  return isObject(value) ? value : {};
}

/** Proto int32 fields accept JSON numbers and decimal strings. */
function readInt(value: unknown, path: string): number | undefined | GoogleError {
  if (value === undefined || value === null) return undefined;
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number === 'number' && Number.isInteger(number)) return number;
  return invalidArgument(`Invalid value at '${path}' (TYPE_INT32), ${JSON.stringify(value)}`);
}

function readLevel(value: unknown): ThinkingLevel | undefined | GoogleError {
  if (value === undefined || value === null) return undefined;
  const name = typeof value === 'string' ? value.toLowerCase() : '';
  if (name === 'thinking_level_unspecified') return undefined;
  const level = THINKING_LEVELS.find((candidate) => candidate === name);
  if (level !== undefined) return level;
  return invalidArgument(
    "Invalid value at 'generation_config.thinking_config.thinking_level' " +
      `(type.googleapis.com/google.ai.generativelanguage.v1beta.ThinkingConfig.ThinkingLevel), ${JSON.stringify(value)}`,
  );
}

function partsText(content: unknown): string {
  if (!isObject(content) || !Array.isArray(content.parts)) return '';
  return content.parts.map((part) => (isObject(part) && typeof part.text === 'string' ? part.text : '')).join('');
}

function readStopSequences(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string' && entry !== '') : [];
}

const isError = (value: unknown): value is GoogleError => isObject(value) && 'status' in value;

/**
 * Parses a request body (camelCase or snake_case) as Google's API would: invalid JSON, missing
 * `contents`, or a bad thinking config become a 400 error result, never a throw.
 */
export function parseGenerateRequest(bodyText: string): ParseResult {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return { ok: false, error: invalidArgument('Invalid JSON payload received. Unexpected token.') };
  }
  if (!isObject(body)) {
    return { ok: false, error: invalidArgument('Invalid JSON payload received. Expected an object at root.') };
  }
  const contents = body.contents;
  if (!Array.isArray(contents) || contents.length === 0) {
    return { ok: false, error: invalidArgument('* GenerateContentRequest.contents: contents is not specified\n') };
  }

  const generationConfig = objectField(body, 'generationConfig');
  const thinkingConfig = objectField(generationConfig, 'thinkingConfig');
  const budget = readInt(field(thinkingConfig, 'thinkingBudget'), 'generation_config.thinking_config.thinking_budget');
  const level = readLevel(field(thinkingConfig, 'thinkingLevel'));
  const maxOutputTokens = readInt(field(generationConfig, 'maxOutputTokens'), 'generation_config.max_output_tokens');
  if (isError(budget)) return { ok: false, error: budget };
  if (isError(level)) return { ok: false, error: level };
  if (isError(maxOutputTokens)) return { ok: false, error: maxOutputTokens };

  const lastUserTurn = contents.findLast((content) => {
    const role = isObject(content) ? content.role : undefined;
    return role === undefined || role === 'user';
  });
  const systemText = partsText(field(body, 'systemInstruction'));
  const allText = systemText + contents.map(partsText).join('');
  return {
    ok: true,
    request: {
      promptText: partsText(lastUserTurn),
      promptTokens: Math.max(1, Math.ceil(allText.length / CHARS_PER_TOKEN)),
      promptKey: `${hashString(allText)}:${hashString(allText, 1)}:${allText.length}`,
      thinking: { budget, level, includeThoughts: field(thinkingConfig, 'includeThoughts') === true },
      maxOutputTokens,
      ...withDeclaredFunction(declaredFunctionOf(body)),
      stopSequences: readStopSequences(field(generationConfig, 'stopSequences')),
      jsonAnswer: field(generationConfig, 'responseMimeType') === 'application/json',
    },
  };
}

function withDeclaredFunction(declared: DeclaredFunction | undefined): { declaredFunction?: DeclaredFunction } {
  return declared === undefined ? {} : { declaredFunction: declared };
}
