import type { JudgeVerdict } from './verdict.js';

/**
 * The emulator's judge: an answer passes a rubric when it mentions every fact the rubric lists
 * (`facts:`), compared case-insensitively with whitespace collapsed; the score is the share of
 * facts mentioned. Deterministic, so demos and tests need no model. Without facts it cannot
 * judge and says so (score 0, fail).
 */
export function factsVerdict(facts: readonly string[] | undefined, answer: string): JudgeVerdict {
  if (facts === undefined || facts.length === 0) return { pass: false, score: 0, reason: 'the emulated judge has no facts for this rubric' };
  const haystack = fold(answer);
  const missing = facts.filter((fact) => !haystack.includes(fold(fact)));
  const found = facts.length - missing.length;
  const reason =
    missing.length === 0 ? `mentions all ${facts.length} facts` : `mentions ${found} of ${facts.length} facts; missing ${missing.map((fact) => JSON.stringify(fact)).join(', ')}`;
  return { pass: missing.length === 0, score: found / facts.length, reason };
}

/** An answer that mentions every fact: what the emulator answers when it is right. */
export function answerWithFacts(facts: readonly string[]): string {
  return `${facts.map((fact) => fact.trim()).join('; ')}.`;
}

/** An answer that leaves out one fact (which one varies with `seed`): what the emulator answers when it is wrong. */
export function answerMissingAFact(facts: readonly string[], seed: number): string {
  if (facts.length <= 1) return 'I am not sure; it depends on the details.';
  const dropped = Math.abs(Math.trunc(seed)) % facts.length;
  return answerWithFacts(facts.filter((_, index) => index !== dropped));
}

function fold(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ');
}
