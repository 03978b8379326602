import type { CaseInput } from './caseSchema.js';
import { requestFieldsOf } from './requestFieldsSchema.js';
import type { Case, Content } from './types.js';

/**
 * Turns a validated case into the pipeline's form: a prompt becomes a one-turn `contents`; the
 * request fields it sets are kept only when present, so cases without any plan unchanged bodies.
 */
export function toCase(input: CaseInput): Case {
  // caseInputSchema guarantees exactly one of contents / prompt.
  const contents: Content[] = input.contents ?? [{ role: 'user', parts: [{ text: input.prompt ?? '' }] }];
  const request = requestFieldsOf(input);
  return {
    id: input.id,
    contents,
    prompt: input.prompt ?? lastUserText(contents),
    systemInstruction: input.systemInstruction,
    expect: input.expect,
    tags: input.tags ?? [],
    ...(Object.keys(request).length > 0 ? { request } : {}),
    ...(input.generationConfig === undefined ? {} : { generationConfig: { ...input.generationConfig } }),
  };
}

/** The question a multi-turn case asks: the text of its last user turn (role omitted means user). */
function lastUserText(contents: readonly Content[]): string | undefined {
  const lastUserTurn = contents.findLast((content) => content.role === undefined || content.role === 'user');
  if (lastUserTurn === undefined) return undefined;
  const texts = lastUserTurn.parts.flatMap((part) => (typeof part.text === 'string' ? [part.text] : []));
  return texts.length === 0 ? undefined : texts.join('');
}
