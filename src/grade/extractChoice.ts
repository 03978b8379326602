import { escapeRegExp } from './text.js';

/**
 * Finds which choice a free-text answer settled on, for `oneOf` expectations ("B", "Paris").
 *
 * Order of preference, most explicit first:
 * 1. an explicit final-answer marker ("answer is", "Answer:", "Final answer:", "correct option
 *    is", `\boxed{`, "答案是"): the first choice on the line after the LAST such marker whose line
 *    names one — the last, because models restate ("The answer is not obvious… Final answer: B");
 * 2. the whole trimmed answer, stripped of markdown and punctuation (`**B**`, `(B)`, `Paris.`);
 * 3. the last choice mentioned anywhere, since reasoning precedes the conclusion.
 *
 * What counts as "a choice mentioned" depends on the options. When every option is a single letter
 * (multiple choice) any standalone letter is a candidate, so that "C" in "Answer: C" is seen as a
 * wrong pick rather than skipped; but the English words "A" and "I" followed by a lowercase word
 * ("A good approach…", "I think…") are prose, and a lowercase letter counts only when marked up as
 * a choice (`(b)`, `b)`, `**b**`, "option b") or standing first after a marker. Otherwise only the
 * accepted options themselves are searched for (as whole words, case-insensitively): the grader
 * cannot know the wrong answers, so "not Paris but Lyon" still finds Paris.
 */
export interface ExtractedChoice {
  /** The accepted option the answer picked, or undefined when it picked another or none. */
  option: string | undefined;
  /** What the answer said, as evidence. */
  said: string;
  /** How it was found, for the grader's reason. */
  via: string;
}

const MARKER = /\b(?:final\s+)?answer\s*(?:is\s*:?|:|=|-)|\bcorrect\s+(?:answer|option|choice)\s*(?:is\s*:?|:|=)|\\boxed\{|答案\s*(?:是|为|:|：)/giu;
const DECORATION = /^[\s*_`"'“”‘’()[\]{}.,:;!?]+|[\s*_`"'“”‘’()[\]{}.,:;!?]+$/gu;
const STANDALONE_LETTER = /(?<![\p{L}\p{N}'’])[A-Za-z](?![\p{L}\p{N}'’])(?!\.\p{L})/gu;
/** Words after "A"/"I" that still make them a choice: "A is correct", "A or B". */
const CHOICE_VERBS = new Set(['is', 'seems', 'looks', 'appears', 'and', 'or']);

/** The comparison form of a choice: lowercase, markdown and punctuation trimmed, spaces collapsed. */
export function normalizeChoice(text: string): string {
  return stripDecoration(text).toLowerCase();
}

function stripDecoration(text: string): string {
  return text.replace(DECORATION, '').replace(/\s+/g, ' ');
}

interface Mention {
  text: string;
  index: number;
}

/* The helpers below look at a few characters around a letter, never at the whole prefix or
 * suffix, so that scanning a long answer stays linear. */

function isProseLetter(text: string, letterIndex: number): boolean {
  const letter = text[letterIndex]?.toLowerCase();
  if (letter !== 'a' && letter !== 'i') return false;
  const followingWord = /\s+([a-z]+)/y;
  followingWord.lastIndex = letterIndex + 1;
  const nextWord = followingWord.exec(text)?.[1];
  return nextWord !== undefined && !CHOICE_VERBS.has(nextWord);
}

function isMarkedUpLetter(text: string, letterIndex: number): boolean {
  const atStart = (/^[\s*_`"'([]*/.exec(text)?.[0].length ?? 0) === letterIndex;
  const before = text.slice(Math.max(0, letterIndex - 12), letterIndex);
  const after = text.charAt(letterIndex + 1);
  return atStart || /[([*_]$/.test(before) || /[)\]*_]/.test(after) || /\b(?:option|choice)\s+$/i.test(before);
}

function letterMentions(text: string): Mention[] {
  return [...text.matchAll(STANDALONE_LETTER)]
    .filter((match) => !isProseLetter(text, match.index))
    .filter((match) => /[A-Z]/.test(match[0]) || isMarkedUpLetter(text, match.index))
    .map((match) => ({ text: match[0], index: match.index }));
}

function optionMentions(text: string, options: readonly string[]): Mention[] {
  const mentions = options.flatMap((option) => {
    const literal = option.trim();
    if (literal === '') return [];
    const wordStart = /^[\p{L}\p{N}]/u.test(literal) ? '(?<![\\p{L}\\p{N}])' : '';
    const wordEnd = /[\p{L}\p{N}]$/u.test(literal) ? '(?![\\p{L}\\p{N}])' : '';
    const source = wordStart + escapeRegExp(literal).replace(/\s+/g, '\\s+') + wordEnd;
    return [...text.matchAll(new RegExp(source, 'giu'))].map((match) => ({ text: match[0], index: match.index }));
  });
  return mentions.sort((left, right) => left.index - right.index);
}

/** The text after a marker up to the end of its first non-empty line ("Answer:\n\n**B**" → "**B**"). */
function firstLineAfter(text: string, from: number): string {
  const rest = text.slice(from).replace(/^\s+/, '');
  const lineEnd = rest.indexOf('\n');
  return lineEnd < 0 ? rest : rest.slice(0, lineEnd);
}

/** Multiple choice by letter: every option is a single letter once markup is stripped (`B`, `(c)`). */
export function isLetterChoice(options: readonly string[]): boolean {
  return options.length > 0 && options.every((option) => /^[a-z]$/.test(normalizeChoice(option)));
}

/** @returns undefined when the answer names nothing resembling a choice. */
export function extractChoice(answer: string, options: readonly string[]): ExtractedChoice | undefined {
  const normalizedOptions = options.map(normalizeChoice);
  const letterMode = isLetterChoice(options);
  const mentionsIn = (text: string): Mention[] => (letterMode ? letterMentions(text) : optionMentions(text, options));
  const accepted = (said: string): string | undefined => options[normalizedOptions.indexOf(normalizeChoice(said))];

  const markersLastFirst = [...answer.matchAll(MARKER)].reverse();
  for (const marker of markersLastFirst) {
    const line = firstLineAfter(answer, marker.index + marker[0].length);
    const first = mentionsIn(line)[0];
    if (first !== undefined) return { option: accepted(first.text), said: first.text, via: `after ${JSON.stringify(marker[0].trim())}` };
  }

  const whole = answer.trim();
  const wholeOption = accepted(whole);
  if (wholeOption !== undefined) return { option: wholeOption, said: whole, via: 'whole answer' };

  const last = mentionsIn(answer).at(-1);
  if (last !== undefined) return { option: accepted(last.text), said: last.text, via: 'last choice in answer' };

  const lastMarker = markersLastFirst[0];
  if (lastMarker === undefined) return undefined;
  const saidAfterMarker = stripDecoration(firstLineAfter(answer, lastMarker.index + lastMarker[0].length));
  return saidAfterMarker === '' ? undefined : { option: undefined, said: saidAfterMarker, via: `after ${JSON.stringify(lastMarker[0].trim())}` };
}
