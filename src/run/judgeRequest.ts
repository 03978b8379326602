import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JUDGE_RESPONSE_SCHEMA, renderJudgePrompt } from '../grade/index.js';
import { buildGeminiBody } from '../plan/body.js';
import type { Job } from '../plan/types.js';
import type { JudgeSettings } from '../suite/types.js';

/**
 * The built-in judge prompt, versioned as a file: `src/grade/judge/prompt-v1.txt`. Read from the
 * repository (or installed package) root, which is `../..` from both src/run and dist/run, so the
 * built CLI and the tests read the same file; package.json `files` ships it.
 */
const BUILT_IN_TEMPLATE = new URL('../../src/grade/judge/prompt-v1.txt', import.meta.url);
/** The built-in judge prompt template's name: `src/grade/judge/prompt-v1.txt`; its SHA-256 goes in run.json. */
export const BUILT_IN_TEMPLATE_NAME = 'prompt-v1';

/** The template a run grades with: where it came from, its text, and its SHA-256 (in run.json: changing it changes grades). */
export interface JudgeTemplate {
  source: string;
  text: string;
  sha256: string;
}

/** The suite's override (`judge.prompt`, already read by the loader) or the built-in file. Throws if the built-in file is missing (a broken install). */
export function judgeTemplateOf(judge: Pick<JudgeSettings, 'prompt'>): JudgeTemplate {
  const text = judge.prompt?.text ?? readFileSync(fileURLToPath(BUILT_IN_TEMPLATE), 'utf8');
  const source = judge.prompt?.file ?? `built-in ${BUILT_IN_TEMPLATE_NAME} (src/grade/judge/prompt-v1.txt)`;
  return { source, text, sha256: createHash('sha256').update(text).digest('hex') };
}

/** What one judge request grades: the question, the rubric as the judge reads it, and the answer (never the thoughts). */
export interface JudgeQuestion {
  caseId: string;
  question: string;
  rubric: string;
  answer: string;
}

/** Identity of a (question, rubric, answer): identical ones in a run are judged once. */
export function judgeKeyOf(item: Omit<JudgeQuestion, 'caseId'>): string {
  return createHash('sha256')
    .update(JSON.stringify([item.question, item.rubric, item.answer]))
    .digest('hex');
}

/**
 * One judge call as a Job, so the client's machinery (timeouts, retries, redaction, the emulator's
 * sample header) applies unchanged. The body asks for JSON through `responseMimeType` +
 * `responseSchema` (ai.google.dev "Structured output") at temperature 0, with the block's
 * thinking setting, in the judge relay's casing. Not a measured job: it never becomes a row.
 */
export function judgeJob(judge: JudgeSettings, template: JudgeTemplate, item: JudgeQuestion, vote: number): Job {
  const text = renderJudgePrompt(template.text, item);
  const key = judgeKeyOf(item);
  const body = buildGeminiBody(
    {
      systemInstruction: undefined,
      generationConfig: { temperature: 0, responseMimeType: 'application/json', responseSchema: JUDGE_RESPONSE_SCHEMA },
      includeThoughts: false,
    },
    { contents: [{ role: 'user', parts: [{ text }] }], systemInstruction: undefined },
    judge.relay,
    judge.thinking,
    judge.model,
  );
  return { jobId: `judge-${key.slice(0, 16)}-${vote}`, caseId: item.caseId, relay: judge.relay.name, model: judge.model, thinking: judge.thinking, repeat: vote, body };
}
