import type { Expectation } from '../suite/types.js';
import { createRandom } from '../stats/random.js';
import { isLetterChoice, normalizeChoice } from './extractChoice.js';
import { grade } from './grade.js';
import { answerMissingAFact, answerWithFacts, factsVerdict } from './judge/facts.js';
import { rubricOf } from './judge/judge.js';
import type { JudgeVerdicts } from './types.js';
import { isRecord, splitPath } from './jsonPath.js';
import { exampleMatching } from './regexExample.js';

/**
 * Answers that pass or fail an expectation, from which the local Gemini emulator builds its answer
 * key for a suite. Every candidate is checked with the real grader before it is returned, so a
 * heuristic that guesses wrong can only cost an example, never produce a false one.
 */

/** Generic wrong answers, each tried in a seed-dependent order after the expectation's own. */
const WRONG_FILLERS = ["I don't know.", 'None of the above.', 'It cannot be determined.', 'It depends.', 'N/A', ''];
/** Answers that mention nothing in particular, for `notContains`. */
const NEUTRAL_ANSWERS = ['OK.', 'Done.', '-', ''];

/** The emulator's judge: a rubric's facts decide (see judge/facts.ts); without facts nothing passes. */
const FACTS_JUDGE: JudgeVerdicts = (node, answer) => {
  const verdict = factsVerdict(rubricOf(node).facts, answer);
  return { pass: verdict.pass, score: verdict.score, reason: verdict.reason };
};

/**
 * An answer that passes `expectation`, or undefined when none could be built: a `regex` whose
 * simplest match fails the whole pattern (lookaheads, `\b` between word characters, unsupported
 * syntax), an `all` whose parts contradict each other or cannot be met together by joining their
 * examples, a `json` whose paths collide (`a` and `a.b`), `containsAny: []`, `any: []`, or a
 * non-finite `number`.
 */
export function exemplarAnswer(expectation: Expectation): string | undefined {
  return passingCandidates(expectation).find((candidate) => grade(candidate, expectation, FACTS_JUDGE)?.pass === true);
}

/**
 * An answer that fails `expectation`, varying with `seed` (an off-by-some number, another letter,
 * a dropped keyword, a generic non-answer). For the few expectations that every answer passes
 * (`contains: ""`, `all: []`, `notContains: []`) no failing answer exists and the text returned
 * passes after all.
 */
export function wrongAnswer(expectation: Expectation, seed: number): string {
  const candidates = [...failingCandidates(expectation, seed), ...rotate(WRONG_FILLERS, seed)];
  return candidates.find((candidate) => grade(candidate, expectation, FACTS_JUDGE)?.pass === false) ?? (candidates[0] as string);
}

function passingCandidates(expectation: Expectation): string[] {
  if ('equals' in expectation) return [expectation.equals];
  if ('contains' in expectation) return [expectation.contains];
  if ('containsAll' in expectation) return [expectation.containsAll.join(' ')];
  if ('containsAny' in expectation) return expectation.containsAny.slice(0, 1);
  if ('notContains' in expectation) return NEUTRAL_ANSWERS;
  if ('regex' in expectation) return defined([exampleMatching(expectation.regex, expectation.flags)]);
  if ('number' in expectation) return [String(expectation.number)];
  if ('oneOf' in expectation) return expectation.oneOf.slice(0, 1);
  if ('json' in expectation) return [JSON.stringify(objectWithFields(expectation.json))];
  if ('judge' in expectation) {
    const facts = rubricOf(expectation).facts;
    return facts === undefined ? [] : [answerWithFacts(facts)];
  }
  if ('all' in expectation) {
    const parts = defined(expectation.all.map(exemplarAnswer));
    return [...parts, parts.join(' '), parts.join('\n')];
  }
  return defined(expectation.any.map(exemplarAnswer));
}

function failingCandidates(expectation: Expectation, seed: number): string[] {
  if ('containsAll' in expectation) {
    const required = expectation.containsAll;
    return rotate(required.map((_, dropped) => required.filter((__, index) => index !== dropped).join(' ')), seed);
  }
  if ('notContains' in expectation) {
    const forbidden = typeof expectation.notContains === 'string' ? [expectation.notContains] : expectation.notContains;
    return rotate(forbidden, seed).map((needle) => `It is ${needle}.`);
  }
  if ('number' in expectation) return wrongNumbers(expectation.number, expectation.tolerance ?? 0, seed);
  if ('oneOf' in expectation) return isLetterChoice(expectation.oneOf) ? rotate(otherLetters(expectation.oneOf), seed) : [];
  if ('json' in expectation) return rotate(Object.keys(expectation.json), seed).map((path) => JSON.stringify(alteredAt(expectation.json, path)));
  if ('judge' in expectation) {
    const facts = rubricOf(expectation).facts;
    return facts === undefined ? [] : [answerMissingAFact(facts, seed)];
  }
  if ('all' in expectation) return rotate(expectation.all, seed).map((child) => wrongAnswer(child, seed));
  if ('any' in expectation) return expectation.any.map((child) => wrongAnswer(child, seed));
  return [];
}

/** Numbers off by a seeded multiple of a step larger than the tolerance, on either side. */
function wrongNumbers(expected: number, tolerance: number, seed: number): string[] {
  const random = createRandom(seed);
  const offset = (Math.floor(tolerance) + 1) * (1 + Math.floor(random() * 9));
  const sign = random() < 0.5 ? -1 : 1;
  return [String(expected + sign * offset), String(expected - sign * offset)];
}

/** Letters A–E plus any beyond them in use, minus the accepted ones: plausible wrong picks. */
function otherLetters(options: readonly string[]): string[] {
  const accepted = new Set(options.map((option) => normalizeChoice(option).toUpperCase()));
  const highest = Math.max(...[...accepted].map((letter) => letter.charCodeAt(0)), 'E'.charCodeAt(0));
  const letters = Array.from({ length: highest - 'A'.charCodeAt(0) + 2 }, (_, index) => String.fromCharCode(65 + index));
  return letters.filter((letter) => letter <= 'Z' && !accepted.has(letter));
}

/** An object holding each expected field at its (dotted) path. */
function objectWithFields(fields: Record<string, unknown>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(fields)) {
    const keys = splitPath(path);
    let container = root;
    for (const key of keys.slice(0, -1)) {
      if (!isRecord(container[key])) container[key] = {};
      container = container[key] as Record<string, unknown>;
    }
    container[keys.at(-1) as string] = value;
  }
  return root;
}

function alteredAt(fields: Record<string, unknown>, path: string): Record<string, unknown> {
  return objectWithFields({ ...fields, [path]: alteredValue(fields[path]) });
}

/** A JSON value of the same kind that is not deep-equal to `value`. */
function alteredValue(value: unknown): unknown {
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'string') return `not ${value}`;
  if (typeof value === 'boolean') return !value;
  if (Array.isArray(value)) return value.length > 0 ? value.slice(1) : [0];
  return value === null ? 0 : null;
}

function rotate<T>(items: readonly T[], seed: number): T[] {
  if (items.length === 0) return [];
  const start = Math.abs(Math.trunc(seed)) % items.length;
  return [...items.slice(start), ...items.slice(0, start)];
}

function defined(values: ReadonlyArray<string | undefined>): string[] {
  return values.filter((value): value is string => value !== undefined);
}
