import { factsVerdict } from '../grade/judge/facts.js';

/**
 * The emulator as a judge model. A suite's judged cases list the facts a good answer contains
 * (`expect: { judge: { rubric, facts } }`); the harness passes them here as the judge key. A
 * request that asks for JSON (`responseMimeType: application/json`) and whose prompt holds a
 * known rubric is a judge request: the answer is the judged text — the prompt with the question,
 * the rubric and the template's other lines removed as far as they are known — checked for every
 * fact (grade/judge/facts.ts). Deterministic: the same answer always gets the same verdict.
 */
export interface JudgeKeyEntry {
  question: string;
  rubric: string;
  facts?: string[] | undefined;
}

/** The verdict JSON for a judge request, or undefined when the prompt holds no known rubric. */
export function emulatedJudgeAnswer(promptText: string, judgeKey: readonly JudgeKeyEntry[]): string | undefined {
  let entry: JudgeKeyEntry | undefined;
  for (const candidate of judgeKey) {
    if (promptText.includes(candidate.rubric) && (entry === undefined || candidate.rubric.length > entry.rubric.length)) entry = candidate;
  }
  if (entry === undefined) return undefined;
  // The question and rubric are in the prompt too; their words must not count as the answer's.
  let judged = promptText.split(entry.rubric).join(' ');
  if (entry.question !== '') judged = judged.split(entry.question).join(' ');
  const verdict = factsVerdict(entry.facts, judged);
  return JSON.stringify({ reason: verdict.reason, pass: verdict.pass, score: Math.round(verdict.score * 1000) / 1000 });
}
