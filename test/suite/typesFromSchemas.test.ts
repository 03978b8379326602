import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { caseInputSchema } from '../../src/suite/caseSchema.js';
import { GRADER_KEYS, expectationSchema } from '../../src/suite/expectationSchema.js';
import { loadSuite } from '../../src/suite/index.js';
import type {
  AuthMode,
  CapturePolicy,
  Case,
  Casing,
  CiGates,
  CiSettings,
  Content,
  Expectation,
  ExpectationOf,
  JudgeRubric,
  LoadSettings,
  ResolvedRelay,
  RetryPolicy,
  StreamFraming,
  Suite,
  ThinkingLevel,
  Timeouts,
} from '../../src/suite/types.js';

/**
 * The suite types are derived from their zod schemas (src/suite/types.ts). The type assertions
 * here are checked by `npm run lint` (tsc over test/); they pin each derived type to the shape
 * it had when it was written by hand, so the derivation changed no caller. The runtime tests load
 * real suites into the derived types.
 */

/** The `Expectation` union as it was written by hand before it was derived from the schema. */
type HandWrittenExpectation =
  | { equals: string; ignoreCase?: boolean }
  | { contains: string; ignoreCase?: boolean }
  | { containsAll: string[]; ignoreCase?: boolean }
  | { containsAny: string[]; ignoreCase?: boolean }
  | { notContains: string | string[]; ignoreCase?: boolean }
  | { regex: string; flags?: string }
  | { number: number; tolerance?: number }
  | { oneOf: string[] }
  | { json: Record<string, unknown> }
  | { all: HandWrittenExpectation[] }
  | { any: HandWrittenExpectation[] }
  | { judge: string | { rubric: string; threshold?: number; facts?: string[] } };

describe('types derived from the suite schemas', () => {
  it('keep the shapes they had when written by hand', () => {
    expectTypeOf<ExpectationOf<'number'>>().toEqualTypeOf<{ number: number; tolerance?: number }>();
    expectTypeOf<ExpectationOf<'notContains'>>().toEqualTypeOf<{ notContains: string | string[]; ignoreCase?: boolean }>();
    expectTypeOf<ExpectationOf<'oneOf'>>().toEqualTypeOf<{ oneOf: string[] }>();
    expectTypeOf<JudgeRubric>().toEqualTypeOf<{ rubric: string; threshold?: number; facts?: string[] }>();
    expectTypeOf<ExpectationOf<'judge'>>().toEqualTypeOf<{ judge: string | JudgeRubric }>();
    expectTypeOf<ExpectationOf<'equals'>>().toEqualTypeOf<{ equals: string; ignoreCase?: boolean }>();
    expectTypeOf<ExpectationOf<'containsAll'>>().toEqualTypeOf<{ containsAll: string[]; ignoreCase?: boolean }>();
    expectTypeOf<ExpectationOf<'regex'>>().toEqualTypeOf<{ regex: string; flags?: string }>();
    expectTypeOf<ExpectationOf<'json'>>().toEqualTypeOf<{ json: Record<string, unknown> }>();
    expectTypeOf<ExpectationOf<'all'>>().toEqualTypeOf<{ all: Expectation[] }>();
    expectTypeOf<ExpectationOf<'any'>>().toEqualTypeOf<{ any: Expectation[] }>();
    // Every hand-written expectation is still one (a grader added later only widens the union).
    expectTypeOf<HandWrittenExpectation>().toExtend<Expectation>();

    expectTypeOf<CiSettings>().toEqualTypeOf<{
      minPassRate?: number;
      maxErrorRate?: number;
      maxTtftP90Ms?: number;
      maxFirstAnswerP90Ms?: number;
      maxTotalP90Ms?: number;
      failOnFlip?: boolean;
      allowIncomplete?: boolean;
    }>();
    expectTypeOf<CiGates>().toEqualTypeOf<Omit<CiSettings, 'failOnFlip'>>();
    expectTypeOf<keyof CiGates>().toEqualTypeOf<'minPassRate' | 'maxErrorRate' | 'maxTtftP90Ms' | 'maxFirstAnswerP90Ms' | 'maxTotalP90Ms' | 'allowIncomplete'>();
    expectTypeOf<Timeouts>().toEqualTypeOf<{ connectMs: number; firstByteMs: number; idleMs: number; totalMs: number }>();
    expectTypeOf<RetryPolicy>().toEqualTypeOf<{ max: number; statuses: number[]; midStream: boolean }>();
    expectTypeOf<AuthMode>().toEqualTypeOf<'header' | 'bearer' | 'query'>();
    expectTypeOf<StreamFraming>().toEqualTypeOf<'sse' | 'json-array'>();
    expectTypeOf<Casing>().toEqualTypeOf<'camel' | 'snake'>();
    expectTypeOf<ThinkingLevel>().toEqualTypeOf<'minimal' | 'low' | 'medium' | 'high'>();
    expectTypeOf<CapturePolicy>().toEqualTypeOf<'none' | 'failed' | 'all'>();
    expectTypeOf<LoadSettings['maxStartLagMs']>().toEqualTypeOf<number>();
    expectTypeOf<LoadSettings['slo']>().toEqualTypeOf<{ ttftMs?: number; firstAnswerMs?: number; totalMs?: number }>();
    expectTypeOf<LoadSettings['arrival']>().toEqualTypeOf<'poisson' | 'constant'>();
    expectTypeOf<ResolvedRelay['baseUrl']>().toEqualTypeOf<string>();
    expectTypeOf<ResolvedRelay['apiKey']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ResolvedRelay['timeouts']>().toEqualTypeOf<Timeouts>();
    expectTypeOf<Case['expect']>().toEqualTypeOf<Expectation | undefined>();
    expectTypeOf<Suite['ci']>().toEqualTypeOf<CiSettings>();
    // Narrower than the hand-written `role?: string`: the schema only admits user and model turns.
    expectTypeOf<Content['role']>().toEqualTypeOf<'user' | 'model' | undefined>();
  });

  it('a field added to a schema is in the derived type with no second edit', () => {
    const extended = caseInputSchema.extend({ weight: z.number() });
    expectTypeOf<z.output<typeof extended>['weight']>().toEqualTypeOf<number>();
    // And the schema's grader table is the Expectation union: one member per grader key.
    expect(GRADER_KEYS).toHaveLength(12);
    expectTypeOf<keyof ExpectationOf<'regex'>>().toEqualTypeOf<'regex' | 'flags'>();
  });

  it.each(['arithmetic', 'reasoning', 'demo', 'open-ended', 'load-demo'])('suites/%s.yaml loads into the derived Suite type', async (name) => {
    const env = { GOOGLE_API_KEY: 'k', GPTPLUS5_API_KEY: 'k', QUICKROUTER_API_KEY: 'k', KKIAI_API_KEY: 'k', GPTPROTO_API_KEY: 'k', APIGO_API_KEY: 'k' };
    const suite: Suite = await loadSuite(`suites/${name}.yaml`, { env });
    const relay: ResolvedRelay = suite.relays[0] as ResolvedRelay;
    const gates: CiGates = suite.ci;
    expect(relay.timeouts.totalMs).toBeGreaterThan(0);
    expect(typeof gates).toBe('object');
    for (const testCase of suite.cases) {
      const expectation: Expectation | undefined = testCase.expect;
      // What the loader produced re-validates against the schema the type comes from.
      if (expectation !== undefined) expect(expectationSchema.safeParse(expectation).success).toBe(true);
      expect(testCase.contents.length).toBeGreaterThan(0);
    }
  });
});
