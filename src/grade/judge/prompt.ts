/**
 * The judge request's text and output schema. The template is a file (prompt-v1.txt beside this
 * module, or the suite's `judge.prompt`) with three placeholders, each replaced once, in one pass
 * (so an answer that itself contains `{{rubric}}` is not expanded): `{{question}}`, `{{rubric}}`,
 * `{{answer}}`. The thoughts are never passed: the judge grades what the user would read.
 */
export const JUDGE_PLACEHOLDERS = ['{{question}}', '{{rubric}}', '{{answer}}'] as const;

/** Fills the template; placeholders missing from it are simply not filled (the loader requires `{{answer}}`). */
export function renderJudgePrompt(template: string, fields: { question: string; rubric: string; answer: string }): string {
  return template.replace(/\{\{(question|rubric|answer)\}\}/g, (_, name: 'question' | 'rubric' | 'answer') => fields[name]);
}

/**
 * Gemini's `responseSchema` (an OpenAPI 3.0 schema subset, ai.google.dev "Structured output"):
 * the judge must answer `{"pass": boolean, "score": number 0..1, "reason": string}`. The order
 * puts the reason first, so the model writes its justification before its decision.
 */
export const JUDGE_RESPONSE_SCHEMA = {
  type: 'OBJECT',
  properties: {
    reason: { type: 'STRING', description: 'One or two sentences: what the answer gets right or wrong against the rubric.' },
    pass: { type: 'BOOLEAN', description: 'True when the answer meets the rubric.' },
    score: { type: 'NUMBER', minimum: 0, maximum: 1, description: 'How well the answer meets the rubric, from 0 to 1.' },
  },
  required: ['reason', 'pass', 'score'],
  propertyOrdering: ['reason', 'pass', 'score'],
} as const;
