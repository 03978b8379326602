import { z } from 'zod';
import { closedObject, isRecord, onAnyMapping } from './closedObject.js';
import { WITH_INPUTS, fromZodIssues } from './zodIssues.js';

/** Which modifiers each grader accepts; a modifier on the wrong grader is a mistake worth naming. */
const MODIFIERS_BY_GRADER = {
  equals: ['ignoreCase'],
  contains: ['ignoreCase'],
  containsAll: ['ignoreCase'],
  containsAny: ['ignoreCase'],
  notContains: ['ignoreCase'],
  regex: ['flags'],
  number: ['tolerance'],
  oneOf: [],
  json: [],
  all: [],
  any: [],
  judge: [],
} as const satisfies Record<string, readonly string[]>;

export const GRADER_KEYS = Object.keys(MODIFIERS_BY_GRADER) as Array<keyof typeof MODIFIERS_BY_GRADER>;
const MODIFIER_KEYS = ['ignoreCase', 'flags', 'tolerance'] as const;

const nonEmptyStrings = z.array(z.string()).min(1);

/** A rubric must say something: blank text would leave the judge grading against nothing. */
const rubricText = z.string().refine((text) => text.trim() !== '', { error: 'the rubric is empty: say what a good answer contains' });

const judgeMapping = closedObject({
  rubric: rubricText,
  threshold: z.number({ error: 'expected a number from 0 to 1' }).min(0).max(1).exactOptional(),
  facts: z.array(z.string().refine((text) => text.trim() !== '', { error: 'a fact must not be empty' })).min(1).exactOptional(),
});

/**
 * `judge: "rubric"` or `judge: { rubric, threshold, facts }` (README.md#judge-grader-open-ended-answers). Not a
 * zod union: a union reports one vague issue when both branches fail, so the form the user
 * wrote (text or mapping) picks the schema and that schema's own issues are reported.
 */
const judgeSchema = z.unknown().superRefine((value, ctx) => {
  const schema = typeof value === 'string' ? rubricText : isRecord(value) ? judgeMapping : undefined;
  if (schema === undefined) {
    ctx.addIssue({ code: 'custom', message: 'expected a rubric (text) or a mapping { rubric, threshold, facts }' });
    return;
  }
  const result = schema.safeParse(value, WITH_INPUTS);
  if (result.success) return;
  for (const issue of fromZodIssues(result.error.issues)) {
    ctx.addIssue({ code: 'custom', path: [...issue.path] as Array<string | number>, message: issue.message, params: { atKey: issue.atKey === true, hint: issue.hint } });
  }
});

/**
 * One `expect:` mapping: exactly one grader key plus the modifiers that grader takes. Validation
 * only; a value that passes has exactly the shape of the `Expectation` type.
 */
export const expectationSchema: z.ZodType = closedObject({
  equals: z.string().exactOptional(),
  contains: z.string().exactOptional(),
  containsAll: nonEmptyStrings.exactOptional(),
  containsAny: nonEmptyStrings.exactOptional(),
  notContains: z.union([z.string(), nonEmptyStrings], { error: 'expected a string or a list of strings' }).exactOptional(),
  regex: z.string().exactOptional(),
  number: z.number().exactOptional(),
  oneOf: nonEmptyStrings.exactOptional(),
  json: z.record(z.string(), z.unknown()).exactOptional(),
  all: z.array(z.lazy(() => expectationSchema)).min(1).exactOptional(),
  any: z.array(z.lazy(() => expectationSchema)).min(1).exactOptional(),
  judge: judgeSchema.exactOptional(),
  ignoreCase: z.boolean().exactOptional(),
  flags: z.string().exactOptional(),
  tolerance: z.number().min(0).exactOptional(),
}).superRefine((expectation, ctx) => {
  const graders = GRADER_KEYS.filter((key) => key in expectation);
  const [grader, second] = graders;
  if (grader === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `needs one grader: ${GRADER_KEYS.join(', ')}`,
      params: { wantsOneOf: GRADER_KEYS },
    });
    return;
  }
  if (second !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: [second],
      message: `only one grader per expectation, found "${grader}" and "${second}"`,
      params: { atKey: true, hint: `Combine them with all: [{${grader}: ...}, {${second}: ...}]` },
    });
  }
  const allowed: readonly string[] = MODIFIERS_BY_GRADER[grader];
  for (const modifier of MODIFIER_KEYS) {
    if (modifier in expectation && !allowed.includes(modifier)) {
      ctx.addIssue({
        code: 'custom',
        path: [modifier],
        message: `"${modifier}" does not apply to the "${grader}" grader`,
        params: { atKey: true },
      });
    }
  }
  checkRegex(expectation['regex'], expectation['flags'], ctx);
}, onAnyMapping);

function checkRegex(pattern: unknown, flags: unknown, ctx: z.RefinementCtx): void {
  if (typeof pattern !== 'string' || (flags !== undefined && typeof flags !== 'string')) return;
  try {
    new RegExp('', flags);
  } catch {
    ctx.addIssue({ code: 'custom', path: ['flags'], message: 'invalid regular expression flags', params: { hint: 'Use letters from "dgimsuvy", each at most once' } });
    return;
  }
  try {
    new RegExp(pattern, flags);
  } catch (error) {
    // The engine's message repeats the pattern; keep only the reason, since values may be expanded from env.
    const reason = error instanceof Error ? (error.message.split(': ').at(-1) ?? error.message) : String(error);
    ctx.addIssue({ code: 'custom', path: ['regex'], message: `invalid regular expression: ${reason}` });
  }
}
