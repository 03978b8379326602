import { z } from 'zod';
import { closedObject, onAnyMapping } from './closedObject.js';
import { expectationSchema } from './expectationSchema.js';
import { generationConfigSchema } from './generationConfigSchema.js';
import { requestFieldsShape } from './requestFieldsSchema.js';

const contentSchema = closedObject({
  role: z.enum(['user', 'model']).exactOptional(),
  parts: z.array(z.record(z.string(), z.unknown())).min(1),
});

/**
 * One `cases:` entry as written: a prompt or raw multi-turn `contents`, never both, plus the
 * request fields a case may set over the suite's (see plan/body.ts for the merge rules).
 */
export const caseInputSchema = closedObject({
  id: z.string().min(1),
  prompt: z.string().min(1).exactOptional(),
  contents: z.array(contentSchema).min(1).exactOptional(),
  ...requestFieldsShape,
  /** Merged field by field over the suite's generationConfig. */
  generationConfig: generationConfigSchema.exactOptional(),
  expect: expectationSchema.exactOptional(),
  tags: z.array(z.string()).exactOptional(),
}).superRefine((input, ctx) => {
  if (input.prompt === undefined && input.contents === undefined) {
    ctx.addIssue({ code: 'custom', message: 'needs prompt: or contents:', params: { wantsOneOf: ['prompt', 'contents'] } });
  }
  if (input.prompt !== undefined && input.contents !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['contents'],
      message: 'give prompt or contents, not both',
      params: { atKey: true },
    });
  }
}, onAnyMapping);

/**
 * One validated `cases:` entry (docs/suite.md#cases): `id`, `prompt` xor `contents`, optional
 * request fields, `generationConfig`, `expect` and `tags`, with zod defaults applied (z.output of
 * `caseInputSchema`). Plan turns it into jobs; validation problems are SuiteIssues, never thrown here.
 */
export type CaseInput = z.output<typeof caseInputSchema>;
