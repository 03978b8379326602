import type { GeminiCandidate, GeminiChunk } from '../client/types.js';
import { partText } from './partText.js';

/**
 * What one candidate of one chunk contributes to the measurements. With `candidateCount > 1` a
 * chunk carries candidates told apart by `index` (absent means 0, as proto3 JSON omits zero
 * values: Gemini API reference, `Candidate.index`), in any order and not necessarily all of them.
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

/** Candidate `index` of a chunk's candidate: absent (or not a whole number) means 0. */
export function candidateIndex(candidate: GeminiCandidate): number {
  const index = candidate.index;
  return typeof index === 'number' && Number.isInteger(index) && index >= 0 ? index : 0;
}

/** The chunk's candidates by index; a chunk whose `candidates` is not an array has none. */
export function candidatesByIndex(chunk: GeminiChunk): Map<number, GeminiCandidate> {
  const byIndex = new Map<number, GeminiCandidate>();
  if (!Array.isArray(chunk.candidates)) return byIndex;
  for (const candidate of chunk.candidates) {
    if (candidate === null || typeof candidate !== 'object') continue;
    const index = candidateIndex(candidate);
    if (!byIndex.has(index)) byIndex.set(index, candidate);
  }
  return byIndex;
}

/** The parts of one candidate, read as thought and answer text. */
export function readCandidateContent(candidate: GeminiCandidate | undefined): ChunkContent {
  const content: ChunkContent = {
    hasThought: false,
    hasThoughtText: false,
    hasAnswerText: false,
    thoughtText: '',
    answerText: '',
  };
  const parts = candidate?.content?.parts;
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

/** What candidate 0 (the graded answer) contributes of one chunk. */
export function readChunkContent(chunk: GeminiChunk): ChunkContent {
  return readCandidateContent(candidatesByIndex(chunk).get(0));
}
