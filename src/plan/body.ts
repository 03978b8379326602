import type { Case, ResolvedRelay, Suite } from '../suite/types.js';
import { toSnakeCaseBody } from './snakeCase.js';
import { thinkingConfigOf } from './thinking.js';
import type { ThinkingSetting } from './types.js';

/**
 * The `streamGenerateContent` body of one job, in the relay's casing. A case's
 * `systemInstruction` replaces the suite's; an empty one means "no system instruction".
 * With `modelInBody` the bare model name is sent (`"model": "gemini-2.5-flash"`), as
 * gptproto's example request does.
 */
export function buildGeminiBody(
  suite: Pick<Suite, 'systemInstruction' | 'generationConfig' | 'includeThoughts'>,
  testCase: Pick<Case, 'contents' | 'systemInstruction'>,
  relay: Pick<ResolvedRelay, 'casing' | 'modelInBody'>,
  thinking: ThinkingSetting,
  model: string,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (relay.modelInBody) body['model'] = model;
  body['contents'] = testCase.contents;
  const systemText = testCase.systemInstruction ?? suite.systemInstruction;
  if (systemText !== undefined && systemText !== '') body['systemInstruction'] = { parts: [{ text: systemText }] };
  const thinkingConfig = thinkingConfigOf(thinking, suite.includeThoughts);
  const generationConfig = { ...suite.generationConfig, ...(thinkingConfig === undefined ? {} : { thinkingConfig }) };
  if (Object.keys(generationConfig).length > 0) body['generationConfig'] = generationConfig;
  return relay.casing === 'snake' ? toSnakeCaseBody(body) : body;
}
