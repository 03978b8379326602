import { z } from 'zod';
import { caseInputSchema } from './caseSchema.js';
import { closedObject, onAnyMapping } from './closedObject.js';
import { folderSafeName, positiveInt, uniqueList } from './fieldSchemas.js';
import { generationConfigSchema } from './generationConfigSchema.js';
import { modelName } from './modelName.js';
import { requestFieldsShape } from './requestFieldsSchema.js';
import { suitePricesSchema } from './priceSchema.js';
import { loadSchema } from './loadSchema.js';
import { judgeInputSchema } from './judgeSchema.js';

const rate = z.number().min(0).max(1);
const positiveMs = z.number().gt(0);

const ciSchema = closedObject({
  minPassRate: rate.exactOptional(),
  maxErrorRate: rate.exactOptional(),
  maxTtftP90Ms: positiveMs.exactOptional(),
  maxFirstAnswerP90Ms: positiveMs.exactOptional(),
  maxTotalP90Ms: positiveMs.exactOptional(),
  failOnFlip: z.boolean().exactOptional(),
  allowIncomplete: z.boolean().exactOptional(),
});

/**
 * The suite file's top level. `relays:` is only checked for its kind here: its entries may live
 * in another file, whose issues need that file's positions (see loadRelays).
 */
export const suiteInputSchema = closedObject({
  name: folderSafeName,
  description: z.string().exactOptional(),
  model: modelName,
  thinkingBudgets: uniqueList(z.number().int().min(-1)).exactOptional(),
  thinkingLevels: uniqueList(z.enum(['minimal', 'low', 'medium', 'high'])).exactOptional(),
  includeThoughts: z.boolean().default(true),
  repeats: positiveInt.default(1),
  concurrency: positiveInt.default(8),
  ...requestFieldsShape,
  generationConfig: generationConfigSchema.default({}),
  relays: z.union([z.string().min(1), z.array(z.unknown())], {
    error: 'expected a path to a relays file or a list of relays',
  }),
  cases: z.array(caseInputSchema).min(1),
  ci: ciSchema.default({}),
  seed: z.number().int().default(1),
  /** Per-model prices in USD per 1M tokens, over the built-in list prices (docs/metrics.md#cost_usd). */
  prices: suitePricesSchema.exactOptional(),
  /** Warm-up requests per relay, for relays that set none (README.md#around-a-run). */
  warmup: z.number().int().min(0).max(1000).exactOptional(),
  /** Raw responses kept under captures/ (README.md#around-a-run). */
  capture: z.enum(['none', 'failed', 'all']).exactOptional(),
  /** Open-loop load mode (README.md#load-mode-how-a-relay-holds-up-at-a-request-rate). */
  load: loadSchema.exactOptional(),
  /** The model that grades `judge` expectations (README.md#judge-grader-open-ended-answers); see loadJudge.ts. */
  judge: judgeInputSchema.exactOptional(),
}).superRefine((suite, ctx) => {
  if (suite.thinkingBudgets !== undefined && suite.thinkingLevels !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['thinkingLevels'],
      message: 'give thinkingBudgets or thinkingLevels, not both',
      params: { atKey: true, hint: 'A request carries a thinkingBudget or a thinkingLevel, never both' },
    });
  }
}, onAnyMapping);

/**
 * The suite file's top level after validation and zod defaults (docs/suite.md#top-level:
 * `includeThoughts` true, `repeats` 1, `concurrency` 8, …), relays not yet resolved. Issues are
 * SuiteIssues collected by loadSuite, never thrown here.
 */
export type SuiteInput = z.output<typeof suiteInputSchema>;
