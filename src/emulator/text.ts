import type { Random } from './random.js';

/**
 * Plausible text for the simulated model: thought summaries shaped like Gemini's
 * (`**Title**\n\nI'm ...\n\n\n`) and filler prose for prompts outside the answer key. Only the
 * shape matters to a harness (lengths, markdown, multi-chunk streaming), so a handful of
 * templates drawn with the request's PRNG is enough.
 */

/** Characters per token for estimated counts (Google: "a token is equivalent to about 4 characters", https://ai.google.dev/gemini-api/docs/tokens). */
export const CHARS_PER_TOKEN = 4;

const GERUNDS = [
  'Breaking down',
  'Considering',
  'Analyzing',
  'Verifying',
  'Calculating',
  'Formulating',
  'Refining',
  'Clarifying',
  'Checking',
  'Structuring',
  'Evaluating',
  'Reviewing',
] as const;

const SUBJECTS = [
  'the problem',
  'the sum',
  'the constraints',
  'the approach',
  'the answer',
  'the result',
  'the key steps',
  'the question',
  'the formula',
  'the edge cases',
  'the user intent',
] as const;

const THOUGHT_SENTENCES: ReadonlyArray<(subject: string, gerund: string) => string> = [
  (s) => `I'm focusing on ${s} and working through it one step at a time.`,
  (s) => `I've identified ${s} as the core of the request.`,
  (s, g) => `Now, I'm ${g.toLowerCase()} ${s} to make sure nothing is missed.`,
  (s) => `My current thinking is that ${s} can be handled directly.`,
  (s) => `I'm double-checking ${s} once more before moving on.`,
  (s) => `I'm weighing whether ${s} needs any further explanation.`,
  (s) => `I've confirmed that ${s} is consistent with what was asked.`,
  (s) => `I'm now structuring ${s} so the final response stays concise.`,
];

const PROSE_SENTENCES: ReadonlyArray<(subject: string) => string> = [
  (s) => `The short answer depends on ${s}, so it helps to look at it from a few angles.`,
  (s) => `In practice, ${s} is usually the part that deserves the most attention.`,
  (s) => `A common mistake is to treat ${s} as an afterthought rather than a starting point.`,
  (s) => `It is worth noting that ${s} can change once more context is available.`,
  (s) => `With that in mind, ${s} becomes much easier to reason about.`,
  (s) => `Most guides recommend revisiting ${s} after the first draft is complete.`,
  (s) => `If you are unsure, begin with ${s} and adjust as you go.`,
  (s) => `This is why ${s} tends to matter more than it first appears.`,
];

const PROSE_SUBJECTS = [
  'the overall goal',
  'the underlying assumptions',
  'the available evidence',
  'the trade-offs involved',
  'the surrounding context',
  'the simplest explanation',
  'the intended audience',
  'the long-term effects',
] as const;

/**
 * One thought-summary paragraph, at most `maxChars` long (Gemini's summaries are much shorter
 * than the thinking they summarise, and billing stays on the thought tokens, not on this text).
 */
export function thoughtSummary(random: Random, maxChars: number): string {
  const gerund = random.pick(GERUNDS);
  const subject = random.pick(SUBJECTS);
  let text = `**${gerund} ${subject}**\n\n`;
  for (let attempt = 0; attempt < 8; attempt++) {
    const sentence = random.pick(THOUGHT_SENTENCES)(random.pick(SUBJECTS), gerund);
    const separator = text.endsWith('\n\n') ? '' : ' ';
    if (text.length + separator.length + sentence.length + 3 > maxChars) break;
    text += separator + sentence;
  }
  return `${text}\n\n\n`;
}

/** A few paragraphs of neutral prose, about `tokens` tokens long. */
export function fillerProse(random: Random, tokens: number): string {
  const targetChars = tokens * CHARS_PER_TOKEN;
  const paragraphs: string[] = [];
  let length = 0;
  while (length < targetChars) {
    const sentences: string[] = [];
    const count = random.int(3, 5);
    for (let i = 0; i < count && length < targetChars; i++) {
      const sentence = random.pick(PROSE_SENTENCES)(random.pick(PROSE_SUBJECTS));
      sentences.push(sentence);
      length += sentence.length + 1;
    }
    paragraphs.push(sentences.join(' '));
  }
  return paragraphs.join('\n\n');
}

/** Estimated tokens of `text`: ⌈characters / 4⌉ (Google's rule of thumb of about 4 characters per token, https://ai.google.dev/gemini-api/docs/tokens). */
export function tokensIn(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}
