import { z } from 'zod';
import { closedObject, onAnyMapping, isRecord } from './closedObject.js';
import { positiveInt } from './fieldSchemas.js';
import { modelName } from './modelName.js';

/** Votes per judged answer: a majority needs an odd count to avoid ties; more than this is waste. */
const MAX_JUDGE_REPEATS = 15;

/**
 * The suite's `judge:` block as written (README.md#judge-grader-open-ended-answers). `relay` is a relay's name from
 * `relays`, or an inline relay mapping, which loadJudge.ts validates like any relay entry.
 */
export const judgeInputSchema = closedObject({
  relay: z.union([z.string().min(1), z.custom<Record<string, unknown>>(isRecord)], {
    error: 'expected the name of a relay in relays, or an inline relay mapping',
  }),
  model: modelName.exactOptional(),
  thinkingBudget: z.number().int().min(-1).exactOptional(),
  thinkingLevel: z.enum(['minimal', 'low', 'medium', 'high']).exactOptional(),
  repeats: positiveInt.max(MAX_JUDGE_REPEATS).default(1),
  concurrency: positiveInt.max(256).default(4),
  /** A template file (relative to the suite) replacing the built-in judge prompt. */
  prompt: z.string().min(1).exactOptional(),
}).superRefine((judge, ctx) => {
  if (judge.thinkingBudget !== undefined && judge.thinkingLevel !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['thinkingLevel'], message: 'give thinkingBudget or thinkingLevel, not both', params: { atKey: true } });
  }
}, onAnyMapping);

/** The suite's `judge:` block as validated (before the relay is resolved). */
export type JudgeInput = z.output<typeof judgeInputSchema>;
