import { DYNAMIC_THINKING_CAP, LEVEL_SHARE } from '../suite/modelCatalog.js';
import { unitFromText, type Random } from './random.js';
import { CHARS_PER_TOKEN, fillerProse, thoughtSummary, tokensIn } from './text.js';
import type { ThinkingMode } from './thinking.js';
import { emulatedJudgeAnswer, type JudgeKeyEntry } from './judge.js';

/**
 * The simulated model: pure, given the request's PRNG. It decides how long it thinks, whether it
 * answers a known prompt correctly, and what text it returns. Accuracy grows with the thinking it
 * was allowed, so a budget sweep against the emulator shows the trade-off a real model shows.
 */

/** The answer the simulated model gives to a known prompt when right (`correct`) and when wrong (`wrong`). */
export interface AnswerKeyEntry {
  correct: string;
  wrong: string;
}

/** Keyed by the prompt with surrounding whitespace trimmed. */
export type AnswerKey = ReadonlyMap<string, AnswerKeyEntry>;

/**
 * What the simulated model is asked: the prompt, the thinking mode and output limit, the answer
 * key, and the relay's behaviour (skill offset, whether it honours the budget, by how much it
 * overruns it, prompts it always gets wrong).
 */
export interface ModelInput {
  promptText: string;
  thinking: ThinkingMode;
  maxOutputTokens: number | undefined;
  /** The answer ends just before the first of these (Google's GenerationConfig.stopSequences). */
  stopSequences?: readonly string[];
  answerKey: AnswerKey;
  /** Model quality offset (catalog) minus any relay penalty (a swapped, cheaper model). */
  skill: number;
  honoursBudget: boolean;
  budgetOverrun: number;
  /** Prompts answered wrongly whatever the thinking (a relay that regressed on them). */
  wrongOn: readonly string[];
  /** Whether thought summaries will be shown; they are only written when they are. */
  withSummaries: boolean;
  /** Present for requests asking for JSON: rubrics the model judges from their facts (judge.ts). */
  judgeKey?: readonly JudgeKeyEntry[];
}

/** One thought-summary paragraph, with the cumulative thought tokens billed by the time it is sent. */
export interface ThoughtSummary {
  text: string;
  /** Thought tokens billed by the time this summary is sent (cumulative). */
  thoughtTokensSoFar: number;
}

/** What the simulated model produced: thought tokens and summaries, the answer text and its tokens, the finish reason, and whether it was right. */
export interface ModelOutput {
  thoughtTokens: number;
  summaries: ThoughtSummary[];
  answerText: string;
  answerTokens: number;
  finishReason: 'STOP' | 'MAX_TOKENS';
  /** Whether the answer is the answer key's correct one; null for prompts outside the key. */
  correct: boolean | null;
}

/** Billed thought tokens per summary paragraph, as in Google's recorded streams (about 240). */
const THOUGHT_TOKENS_PER_SUMMARY = 240;
/** A summary is at most this share of the characters its thinking would take. */
const SUMMARY_SHARE = 0.45;
const MAX_SUMMARY_CHARS = 440;

/**
 * Traits of a prompt that must not vary between samples: its difficulty sets how much the model
 * naturally thinks and how accurate it is without thinking.
 */
function promptTraits(promptText: string) {
  const difficulty = unitFromText(promptText.trim());
  return {
    /** Thought tokens over which accuracy closes most of its gap (e-folding scale). */
    thoughtScale: 120 + 1000 * difficulty,
    floor: 0.6 - 0.45 * difficulty,
    ceiling: 0.97 - 0.07 * difficulty,
  };
}

function thoughtTokensFor(input: ModelInput, natural: number): number {
  const { thinking } = input;
  switch (thinking.kind) {
    case 'dynamic':
      return Math.min(natural, DYNAMIC_THINKING_CAP);
    case 'level':
      return Math.max(1, Math.round(natural * LEVEL_SHARE[thinking.level]));
    case 'off':
    case 'budget': {
      const budget = thinking.kind === 'budget' ? thinking.budget : 0;
      if (input.honoursBudget) return Math.min(natural, budget);
      return Math.ceil(Math.max(natural, budget) * input.budgetOverrun);
    }
  }
}

function summariesFor(random: Random, thoughtTokens: number): ThoughtSummary[] {
  if (thoughtTokens === 0) return [];
  const count = Math.max(1, Math.round(thoughtTokens / THOUGHT_TOKENS_PER_SUMMARY));
  const summaries: ThoughtSummary[] = [];
  let billedBefore = 0;
  for (let i = 1; i <= count; i++) {
    const billed = Math.round((thoughtTokens * i) / count);
    const maxChars = Math.min(MAX_SUMMARY_CHARS, (billed - billedBefore) * CHARS_PER_TOKEN * SUMMARY_SHARE);
    summaries.push({ text: thoughtSummary(random, maxChars), thoughtTokensSoFar: billed });
    billedBefore = billed;
  }
  return summaries;
}

/** Google stops generation at a stop sequence and leaves the sequence itself out of the text. */
function cutAtStopSequence(text: string, stopSequences: readonly string[]): string {
  let end = text.length;
  for (const stop of stopSequences) {
    const at = text.indexOf(stop);
    if (at !== -1 && at < end) end = at;
  }
  return text.slice(0, end);
}

/**
 * Runs the simulated model on one request: how long it thinks (within the budget unless the relay
 * ignores it; thinking counts against `maxOutputTokens`), whether a known prompt is answered
 * correctly (more likely with more thinking), and the answer text, cut at the first stop sequence.
 * Pure given `random`.
 */
export function runModel(input: ModelInput, random: Random): ModelOutput {
  const traits = promptTraits(input.promptText);
  const natural = Math.round(traits.thoughtScale * (2 + random.next()));
  let thoughtTokens = thoughtTokensFor(input, natural);
  // Thinking counts against maxOutputTokens, which is how real requests end with MAX_TOKENS and
  // an empty answer.
  if (input.maxOutputTokens !== undefined) thoughtTokens = Math.min(thoughtTokens, input.maxOutputTokens);

  const entry = input.answerKey.get(input.promptText.trim());
  const judgeAnswer = input.judgeKey === undefined ? undefined : emulatedJudgeAnswer(input.promptText, input.judgeKey);
  let answerText: string;
  let correct: boolean | null = null;
  if (judgeAnswer !== undefined) {
    answerText = judgeAnswer;
  } else if (entry === undefined) {
    answerText = fillerProse(random, random.int(150, 400));
  } else {
    const gain = 1 - Math.exp(-thoughtTokens / traits.thoughtScale);
    const probability = traits.floor + (traits.ceiling - traits.floor) * gain + input.skill;
    correct = random.chance(Math.min(1, Math.max(0, probability))) && !input.wrongOn.includes(input.promptText.trim());
    answerText = correct ? entry.correct : entry.wrong;
  }

  answerText = cutAtStopSequence(answerText, input.stopSequences ?? []);
  let finishReason: ModelOutput['finishReason'] = 'STOP';
  if (input.maxOutputTokens !== undefined && thoughtTokens + tokensIn(answerText) > input.maxOutputTokens) {
    const answerRoom = input.maxOutputTokens - thoughtTokens;
    answerText = answerText.slice(0, answerRoom * CHARS_PER_TOKEN);
    finishReason = 'MAX_TOKENS';
    if (correct === true) correct = false;
  }

  return {
    thoughtTokens,
    summaries: input.withSummaries ? summariesFor(random, thoughtTokens) : [],
    answerText,
    answerTokens: tokensIn(answerText),
    finishReason,
    correct,
  };
}
