import { z } from 'zod';
import { closedObject, isRecord, onAnyMapping } from './closedObject.js';
import { WITH_INPUTS, fromZodIssues } from './zodIssues.js';

const nonEmptyStrings = z.array(z.string()).min(1);

/** A rubric must say something: blank text would leave the judge grading against nothing. */
const rubricText = z.string().refine((text) => text.trim() !== '', { error: 'the rubric is empty: say what a good answer contains' });

const judgeMapping = closedObject({
  rubric: rubricText,
  threshold: z.number({ error: 'expected a number from 0 to 1' }).min(0).max(1).exactOptional(),
  facts: z
    .array(z.string().refine((text) => text.trim() !== '', { error: 'a fact must not be empty' }))
    .min(1)
    .exactOptional(),
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
  // The refinement admits exactly a rubric text or a judge mapping, so the output is one of those two.
}) as unknown as z.ZodType<z.output<typeof rubricText> | JudgeRubric>;

/** A rubric a model grades against, in the mapping form of `expect: { judge: … }` (README.md#judge-grader-open-ended-answers). */
export type JudgeRubric = z.output<typeof judgeMapping>;

/**
 * The modifiers: keys of an `expect:` mapping that adjust its grader rather than name one.
 * `ignoreCase` folds case (string graders), `flags` are RegExp flags, `tolerance` is absolute.
 */
const MODIFIERS = {
  ignoreCase: z.boolean(),
  flags: z.string(),
  tolerance: z.number().min(0),
};

/** A modifier's key. */
type ModifierKey = keyof typeof MODIFIERS;

/** `all` / `any` children: an interface, so the recursive Expectation type resolves lazily. */
interface ExpectationList extends z.ZodArray<z.ZodType<Expectation>> {}

/** The schemas expectationList made: a grader whose value is one of them is a combinator. */
const EXPECTATION_LISTS = new Set<z.ZodType>();

/** A non-empty list of expectations, for the combinators (`all`, `any`). */
function expectationList(): ExpectationList {
  const list = z.array(z.lazy(() => expectationSchema)).min(1);
  EXPECTATION_LISTS.add(list);
  return list;
}

/**
 * Every grader an `expect:` mapping may name: the schema of its value and the modifiers it takes
 * (a modifier on the wrong grader is a mistake worth naming). The order is the order graders are
 * listed in messages. The `Expectation` type and the key list are derived from this table, and
 * grade/registry.ts must hold exactly these keys (the compiler and test/grade/registry.test.ts check).
 */
const GRADER_SCHEMAS = {
  equals: { value: z.string(), modifiers: ['ignoreCase'] },
  contains: { value: z.string(), modifiers: ['ignoreCase'] },
  containsAll: { value: nonEmptyStrings, modifiers: ['ignoreCase'] },
  containsAny: { value: nonEmptyStrings, modifiers: ['ignoreCase'] },
  notContains: { value: z.union([z.string(), nonEmptyStrings], { error: 'expected a string or a list of strings' }), modifiers: ['ignoreCase'] },
  regex: { value: z.string(), modifiers: ['flags'] },
  number: { value: z.number(), modifiers: ['tolerance'] },
  oneOf: { value: nonEmptyStrings, modifiers: [] },
  json: { value: z.record(z.string(), z.unknown()), modifiers: [] },
  all: { value: expectationList(), modifiers: [] },
  any: { value: expectationList(), modifiers: [] },
  judge: { value: judgeSchema, modifiers: [] },
} as const;

type GraderSchemas = typeof GRADER_SCHEMAS;

/** The name of a grader, as the key of an `expect:` mapping (`equals`, `containsAll`, `judge`, …). */
export type GraderKey = keyof GraderSchemas;

/** Every grader key, in the order messages list them. */
export const GRADER_KEYS = Object.keys(GRADER_SCHEMAS) as GraderKey[];

/** The graders whose value is a list of child expectations (`all`, `any`), from the table above. */
export const COMBINATOR_KEYS: readonly GraderKey[] = GRADER_KEYS.filter((key) => EXPECTATION_LISTS.has(GRADER_SCHEMAS[key].value));

/** The child expectations of a combinator expectation (`all`, `any`); none for any other grader. */
export function childExpectations(expectation: Expectation): Expectation[] {
  return COMBINATOR_KEYS.flatMap((key) => (key in expectation ? ((expectation as Record<string, unknown>)[key] as Expectation[]) : []));
}

/** The modifiers grader `key` takes (`ignoreCase`, `flags`, `tolerance`), possibly none. */
export function modifiersOf(key: GraderKey): readonly ModifierKey[] {
  return GRADER_SCHEMAS[key].modifiers;
}

/** Flattens an intersection into one object type, so editors show `{ number: number; tolerance?: number }`. */
type Flat<T> = { [P in keyof T]: T[P] };

/**
 * One expectation of grader `K` as a suite writes it, e.g. `ExpectationOf<'number'>` is
 * `{ number: number; tolerance?: number }`: the grader's value from its schema plus its modifiers.
 */
export type ExpectationOf<K extends GraderKey> = Flat<
  { [P in K]: z.output<GraderSchemas[P]['value']> } & { [M in GraderSchemas[K]['modifiers'][number]]?: z.output<(typeof MODIFIERS)[M]> }
>;

/**
 * One grader expectation, exactly as written under `expect:` in a suite: the union over
 * GRADER_SCHEMAS of {@link ExpectationOf}, so a grader or modifier added there is in this type.
 */
export type Expectation = { [K in GraderKey]: ExpectationOf<K> }[GraderKey];

const expectationShape = {
  ...Object.fromEntries(GRADER_KEYS.map((key) => [key, GRADER_SCHEMAS[key].value.exactOptional()])),
  ...Object.fromEntries(Object.entries(MODIFIERS).map(([key, schema]) => [key, schema.exactOptional()])),
} as z.ZodRawShape;

/**
 * One `expect:` mapping: exactly one grader key plus the modifiers that grader takes. Validation
 * only; a value that passes has exactly the shape of the `Expectation` type (the refinement below
 * is what zod's types cannot say: one grader key, only its modifiers), hence the cast.
 */
export const expectationSchema = closedObject(expectationShape).superRefine((expectation, ctx) => {
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
  const allowed: readonly string[] = modifiersOf(grader);
  for (const modifier of Object.keys(MODIFIERS)) {
    if (modifier in expectation && !allowed.includes(modifier)) {
      ctx.addIssue({
        code: 'custom',
        path: [modifier],
        message: `"${modifier}" does not apply to the "${grader}" grader`,
        params: { atKey: true },
      });
    }
  }
  checkRegex(expectation.regex, expectation.flags, ctx);
}, onAnyMapping) as unknown as z.ZodType<Expectation>;

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
