import { GRADER_KEYS } from '../suite/expectationSchema.js';
import type { Expectation, GraderKey } from '../suite/types.js';
import { allGrader } from './all.js';
import { anyGrader } from './any.js';
import { containsGrader } from './contains.js';
import { containsAllGrader } from './containsAll.js';
import { containsAnyGrader } from './containsAny.js';
import { equalsGrader } from './equals.js';
import { jsonGrader } from './json.js';
import { judgeGrader } from './judge/judge.js';
import { notContainsGrader } from './notContains.js';
import { numberGrader } from './number.js';
import { oneOfGrader } from './oneOf.js';
import { regexGrader } from './regex.js';
import type { ExemplarContext, Grade, GradeContext, Grader } from './types.js';

/**
 * Every grader, by its `expect:` key: the one table that grading (grade.ts), the emulator's
 * answers (exemplar.ts) and docs/graders.md (graderDocs.ts) read. Its keys are exactly the
 * expectation schema's grader keys (suite/expectationSchema.ts): a key missing here or unknown
 * there fails to compile, and test/grade/registry.test.ts checks the same at run time. Listed in
 * the schema's order, which is the order the docs list them.
 */
export const GRADERS: { readonly [K in GraderKey]: Grader<K> } = {
  equals: equalsGrader,
  contains: containsGrader,
  containsAll: containsAllGrader,
  containsAny: containsAnyGrader,
  notContains: notContainsGrader,
  regex: regexGrader,
  number: numberGrader,
  oneOf: oneOfGrader,
  json: jsonGrader,
  all: allGrader,
  any: anyGrader,
  judge: judgeGrader,
};

/**
 * A registry entry with its expectation type erased. Dispatch pairs an entry with an expectation
 * by the key the expectation holds, a correlation TypeScript cannot follow through a union.
 */
interface ErasedGrader {
  grade: (answer: string, expectation: Expectation, context: GradeContext) => Grade;
  passingCandidates: (expectation: Expectation, context: ExemplarContext) => string[];
  failingCandidates: (expectation: Expectation, seed: number, context: ExemplarContext) => string[];
}

/**
 * The grader key `expectation` holds (a validated expectation holds exactly one; the first in
 * schema order wins otherwise). Throws an Error naming the keys when it holds none, which only
 * an expectation that skipped suite validation can do.
 */
export function graderKeyOf(expectation: Expectation): GraderKey {
  const key = GRADER_KEYS.find((candidate) => candidate in expectation);
  if (key === undefined) throw new Error(`expectation has no grader key (it has ${JSON.stringify(Object.keys(expectation))}; graders: ${GRADER_KEYS.join(', ')})`);
  return key;
}

/** The registry entry that grades `expectation` (see graderKeyOf for what it throws). */
export function graderFor(expectation: Expectation): ErasedGrader {
  // The entry is looked up by the key found in the expectation, so it is that expectation's grader.
  return GRADERS[graderKeyOf(expectation)] as unknown as ErasedGrader;
}
