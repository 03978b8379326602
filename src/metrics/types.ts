/**
 * A candidate other than 0 (`generationConfig.candidateCount > 1`): not part of the row, which
 * describes candidate 0, but counted so a reader can see the relay sent it.
 */
export interface OtherCandidate {
  /** `Candidate.index` as sent. */
  index: number;
  /** Chunks that carried this candidate. */
  chunks: number;
  /** Characters of its non-thought text. */
  answerChars: number;
  finishReason: string | undefined;
}

/**
 * The measured columns of one request, exactly as docs/metrics.md defines them. `undefined` means the
 * column is empty in the CSV (for example `first_thought_ms` when no thought was streamed).
 * Units: every `*Ms` is milliseconds from the attempt's t0, unrounded (the row writer rounds to
 * 0.001 ms); `*Tokens` are the last chunk's `usageMetadata` counts; `answerTokensPerS` is tokens
 * per second; `chunks` counts decoded chunks of candidate 0.
 */
export interface StreamMetrics {
  headersMs: number | undefined;
  ttftMs: number | undefined;
  firstThoughtMs: number | undefined;
  firstAnswerMs: number | undefined;
  thinkingMs: number | undefined;
  totalMs: number | undefined;
  answerStreamMs: number | undefined;
  chunks: number;
  thoughtChunks: number;
  answerChunks: number;
  maxGapMs: number | undefined;
  promptTokens: number | undefined;
  thoughtTokens: number | undefined;
  answerTokens: number | undefined;
  totalTokens: number | undefined;
  /** `usageMetadata.cachedContentTokenCount` of the last chunk: prompt tokens served from a context cache. */
  cachedTokens: number | undefined;
  answerTokensPerS: number | undefined;
  finishReason: string | undefined;
  blockReason: string | undefined;
  modelVersion: string | undefined;
  responseId: string | undefined;
  /** Concatenated non-thought text: what gets graded. */
  answerText: string;
  /** Concatenated thought-summary text, for the report. */
  thoughtText: string;
  /** Whether any chunk carried usageMetadata at all (the "usage adds up" verdict). */
  usagePresent: boolean;
  /** Candidates other than 0, by index (empty for the usual one-candidate request). */
  otherCandidates: OtherCandidate[];
}
