import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The suites the bench runs, written to a temporary folder. One emulated relay; four open
 * questions the emulator has no answer key for, so it answers each with 150–400 tokens of prose
 * in chunks of 25 tokens after one or two thought-summary chunks: Google's chunk counts, about a
 * dozen per stream.
 *
 * Cases are given as `contents:` and graded by a regex with a lookahead, on purpose: the emulator
 * builds its answer key from expectations it can produce an exemplar for, and a lookahead has
 * none, so the answer stays long prose while every row still goes through a grader.
 *
 * With includeThoughts and a budget, the first chunk of every stream is a thought summary, which
 * always holds text: the harness's TTFT is the first chunk's arrival, and the fidelity join
 * compares it with the emulator's send time of chunk 0.
 */

/** Index of the chunk whose send time is the ground truth of `ttft_ms` (always a thought summary with text, see above). */
export const FIRST_TEXT_CHUNK = 0;

const PROMPTS = [
  'Explain how an API relay adds latency to a streamed answer.',
  'Describe what a thinking budget changes in a model response.',
  'Summarise the trade-offs of retrying a failed streaming request.',
  'Give advice on choosing between two API resellers.',
];

/** Cases in a bench suite: job counts are multiples of it. */
export const BENCH_CASES = PROMPTS.length;

/** The bench suite (as a plain object) named `name`, against one emulated relay on `profile` (`instant` has no latency: it measures the harness alone). */
export function benchSuite(name: string, profile: 'honest' | 'instant'): Record<string, unknown> {
  return {
    name,
    description: `relaybench bench: one relay on the emulator's ${profile} profile`,
    model: 'gemini-2.5-flash',
    thinkingBudgets: [512],
    includeThoughts: true,
    repeats: 1,
    concurrency: 1,
    relays: [{ name: profile, emulator: profile }],
    cases: PROMPTS.map((text, index) => ({
      id: `prose-${index + 1}`,
      contents: [{ role: 'user', parts: [{ text }] }],
      expect: { regex: '(?=[\\s\\S]*\\bthe\\b)' },
    })),
  };
}

/** Writes the suite as JSON (which is YAML) and returns its path. */
export function writeBenchSuite(folder: string, name: string, profile: 'honest' | 'instant'): string {
  const file = join(folder, `${name}.yaml`);
  writeFileSync(file, JSON.stringify(benchSuite(name, profile), null, 2));
  return file;
}

/** `--repeats` that gives at least `jobs` jobs (sizes are multiples of the case count, so exactly). */
export function repeatsFor(jobs: number): number {
  return Math.ceil(jobs / BENCH_CASES);
}

/** The variable the local-server suite's key is read from: keys are only ever read from the environment. */
export const LOCAL_SERVER_KEY_VARIABLE = 'RELAYBENCH_BENCH_API_KEY';

/**
 * The instant suite with its relay given as a `baseUrl` on a server that is already up (the
 * bench's own emulator, localServer.ts), as a user's real relay is: the run then starts no
 * emulator child, so its start-up and exit are relaybench's own. Writes it and returns its path.
 */
export function writeLocalServerSuite(folder: string, name: string, relayBaseUrl: string): string {
  const file = join(folder, `${name}.yaml`);
  const suite = { ...benchSuite(name, 'instant'), relays: [{ name: 'instant', baseUrl: relayBaseUrl, apiKey: `\${${LOCAL_SERVER_KEY_VARIABLE}}` }] };
  writeFileSync(file, JSON.stringify(suite, null, 2));
  return file;
}

/**
 * A suite of `cases` cases for timing `relaybench validate` (issue 18: 2,000 cases took 0.72 s):
 * one emulated relay and one budget, so it plans one job per case, and cases cycling through the
 * common graders, inline `contents:` and per-case system instructions, so every part of the
 * suite's schema is checked as in a real suite.
 */
export function validateSuite(cases: number): Record<string, unknown> {
  const kinds: Array<(index: number) => Record<string, unknown>> = [
    (index) => ({ prompt: `What is ${index} * 7?`, expect: { number: index * 7 } }),
    (index) => ({ prompt: `Which is a prime number? A) 21 B) 27 C) 29 D) ${index}`, systemInstruction: 'Answer with the letter only.', expect: { oneOf: ['C'] } }),
    (index) => ({ prompt: `Name the capital of France (question ${index}).`, expect: { contains: 'Paris', ignoreCase: true } }),
    (index) => ({ prompt: `Count to ${index}.`, expect: { regex: `\\b${index}\\b` } }),
    (index) => ({ prompt: `Describe case ${index} without the word banana.`, expect: { all: [{ containsAny: ['case', 'Case'] }, { notContains: 'banana' }] } }),
    (index) => ({ contents: [{ role: 'user', parts: [{ text: `Reply yes to request ${index}.` }] }], expect: { equals: 'yes', ignoreCase: true } }),
  ];
  return {
    name: 'bench-validate',
    model: 'gemini-2.5-flash',
    thinkingBudgets: [512],
    repeats: 1,
    relays: [{ name: 'instant', emulator: 'instant' }],
    cases: Array.from({ length: cases }, (_, index) => ({ id: `case-${index + 1}`, ...(kinds[index % kinds.length]?.(index) ?? {}) })),
  };
}

/** Writes {@link validateSuite} (as JSON, which is YAML) and returns its path. */
export function writeValidateSuite(folder: string, cases: number): string {
  const file = join(folder, `bench-validate-${cases}.yaml`);
  writeFileSync(file, JSON.stringify(validateSuite(cases), null, 2));
  return file;
}
