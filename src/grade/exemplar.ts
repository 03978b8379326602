import type { Expectation } from '../suite/types.js';
import { rotate } from './candidates.js';
import { grade } from './grade.js';
import { factsVerdict } from './judge/facts.js';
import { rubricOf } from './judge/judge.js';
import { graderFor } from './registry.js';
import type { ExemplarContext, JudgeVerdicts } from './types.js';

/**
 * Answers that pass or fail an expectation, from which the local Gemini emulator builds its answer
 * key for a suite. Each grader proposes its own candidates (its registry entry in registry.ts);
 * every candidate is checked with the real grader before it is returned, so a heuristic that
 * guesses wrong can only cost an example, never produce a false one.
 */

/** Generic wrong answers, each tried in a seed-dependent order after the expectation's own. */
const WRONG_FILLERS = ["I don't know.", 'None of the above.', 'It cannot be determined.', 'It depends.', 'N/A', ''];

/** The emulator's judge: a rubric's facts decide (see judge/facts.ts); without facts nothing passes. */
const FACTS_JUDGE: JudgeVerdicts = (node, answer) => {
  const verdict = factsVerdict(rubricOf(node).facts, answer);
  return { pass: verdict.pass, score: verdict.score, reason: verdict.reason };
};

/** How combinators reach their children's candidates: through these same two functions. */
const CANDIDATE_CONTEXT: ExemplarContext = { exemplarAnswer, wrongAnswer };

/**
 * An answer that passes `expectation`, or undefined when none could be built: a `regex` whose
 * simplest match fails the whole pattern (lookaheads, `\b` between word characters, unsupported
 * syntax), an `all` whose parts contradict each other or cannot be met together by joining their
 * examples, a `json` whose paths collide (`a` and `a.b`), `containsAny: []`, `any: []`, or a
 * non-finite `number`.
 */
export function exemplarAnswer(expectation: Expectation): string | undefined {
  return graderFor(expectation)
    .passingCandidates(expectation, CANDIDATE_CONTEXT)
    .find((candidate) => grade(candidate, expectation, FACTS_JUDGE)?.pass === true);
}

/**
 * An answer that fails `expectation`, varying with `seed` (an off-by-some number, another letter,
 * a dropped keyword, a generic non-answer). For the few expectations that every answer passes
 * (`contains: ""`, `all: []`, `notContains: []`) no failing answer exists and the text returned
 * passes after all.
 */
export function wrongAnswer(expectation: Expectation, seed: number): string {
  const candidates = [...graderFor(expectation).failingCandidates(expectation, seed, CANDIDATE_CONTEXT), ...rotate(WRONG_FILLERS, seed)];
  return candidates.find((candidate) => grade(candidate, expectation, FACTS_JUDGE)?.pass === false) ?? (candidates[0] as string);
}
