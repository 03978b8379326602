import type { Case, RequestFields, ResolvedRelay, Suite, SystemInstruction } from '../suite/types.js';
import { mergeRelayBody } from './mergeBody.js';
import { toSnakeCaseBody } from './snakeCase.js';
import { thinkingConfigOf } from './thinking.js';
import type { ThinkingSetting } from './types.js';

/** Fields a case's value replaces whole (a case's `tools: []` sends no tools). */
const REPLACED_FIELDS = ['safetySettings', 'tools', 'toolConfig', 'cachedContent'] as const;

/**
 * The `streamGenerateContent` body of one job, in the relay's casing. Merge order, each step over
 * the previous one:
 * 1. the suite's fields;
 * 2. the case's: `systemInstruction`, `safetySettings`, `tools`, `toolConfig` and `cachedContent`
 *    replace the suite's whole (an empty `systemInstruction` means none); `labels` and
 *    `generationConfig` merge key by key over the suite's;
 * 3. the sweep's `thinkingConfig` (a suite, case or `body:` cannot set it);
 * 4. casing: snake_case relays get Gemini's field names converted, never user data;
 * 5. the relay's `body:`, as written: mappings merge key by key, anything else replaces.
 * With `modelInBody` the bare model name is sent (`"model": "gemini-2.5-flash"`), as
 * gptproto's example request does. A system instruction given as text is sent as one text part.
 */
export function buildGeminiBody(
  suite: Pick<Suite, 'systemInstruction' | 'generationConfig' | 'includeThoughts' | 'request'>,
  testCase: Pick<Case, 'contents' | 'systemInstruction' | 'request' | 'generationConfig'>,
  relay: Pick<ResolvedRelay, 'casing' | 'modelInBody' | 'body'>,
  thinking: ThinkingSetting,
  model: string,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (relay.modelInBody) body.model = model;
  body.contents = testCase.contents;
  const systemInstruction = systemContentOf(testCase.systemInstruction ?? suite.systemInstruction);
  if (systemInstruction !== undefined) body.systemInstruction = systemInstruction;
  Object.assign(body, requestFieldsOver(suite.request ?? {}, testCase.request ?? {}));
  const thinkingConfig = thinkingConfigOf(thinking, suite.includeThoughts);
  const generationConfig = {
    ...suite.generationConfig,
    ...testCase.generationConfig,
    ...(thinkingConfig === undefined ? {} : { thinkingConfig }),
  };
  if (Object.keys(generationConfig).length > 0) body.generationConfig = generationConfig;
  const cased = relay.casing === 'snake' ? toSnakeCaseBody(body) : body;
  return relay.body === undefined ? cased : mergeRelayBody(cased, relay.body);
}

/** The `Content` sent for a system instruction, or undefined for none (absent or empty text). */
function systemContentOf(instruction: SystemInstruction | undefined): unknown {
  if (instruction === undefined || instruction === '') return undefined;
  return typeof instruction === 'string' ? { parts: [{ text: instruction }] } : instruction;
}

/** The case's request fields over the suite's: replaced whole, except `labels`, merged by key. */
function requestFieldsOver(suiteFields: RequestFields, caseFields: RequestFields): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const name of REPLACED_FIELDS) {
    const value = caseFields[name] ?? suiteFields[name];
    if (value !== undefined) fields[name] = value;
  }
  if (suiteFields.labels !== undefined || caseFields.labels !== undefined) {
    fields.labels = { ...suiteFields.labels, ...caseFields.labels };
  }
  return fields;
}
