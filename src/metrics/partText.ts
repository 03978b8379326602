import type { GeminiPart } from '../client/types.js';

/**
 * Parts that carry an answer without `text`: a tool call the model makes (`functionCall`) and
 * the code-execution tool's output (`executableCode`, `codeExecutionResult`). Field names from
 * the Gemini API's `Part` (https://ai.google.dev/api/caching#Part).
 */
const TOOL_PART_FIELDS = ['functionCall', 'executableCode', 'codeExecutionResult'] as const;

/**
 * The content of one part as text: its `text`, or, for a tool part, that part's field as compact
 * JSON (`{"functionCall":{"name":"add","args":{"n":999}}}`), so a tool call counts as answer
 * content for timing (`ttft_ms`, `first_answer_ms`) and shows in the `answer` column. Empty when
 * the part has neither.
 */
export function partText(part: GeminiPart): string {
  if (typeof part.text === 'string' && part.text !== '') return part.text;
  for (const field of TOOL_PART_FIELDS) {
    const value = part[field];
    if (value !== undefined && value !== null) return JSON.stringify({ [field]: value });
  }
  return '';
}
