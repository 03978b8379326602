import type { GeminiChunk } from '../client/types.js';
import { partText } from './partText.js';

/**
 * What one chunk contributes to the measurements. Only candidate 0 is read: it is the answer
 * that gets graded, and benchmark requests never ask for more than one candidate.
 */
export interface ChunkContent {
  /** Some part has `thought: true`. */
  hasThought: boolean;
  /** Some thought part has non-empty text. */
  hasThoughtText: boolean;
  /** Some non-thought part has non-empty text. */
  hasAnswerText: boolean;
  thoughtText: string;
  answerText: string;
}

export function readChunkContent(chunk: GeminiChunk): ChunkContent {
  const content: ChunkContent = {
    hasThought: false,
    hasThoughtText: false,
    hasAnswerText: false,
    thoughtText: '',
    answerText: '',
  };
  const parts = chunk.candidates?.[0]?.content?.parts;
  if (!Array.isArray(parts)) return content;
  for (const part of parts) {
    if (part === null || typeof part !== 'object') continue;
    const text = partText(part);
    if (part.thought === true) {
      content.hasThought = true;
      if (text !== '') {
        content.hasThoughtText = true;
        content.thoughtText += text;
      }
    } else if (text !== '') {
      content.hasAnswerText = true;
      content.answerText += text;
    }
  }
  return content;
}
