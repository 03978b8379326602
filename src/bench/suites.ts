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
