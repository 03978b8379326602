import path from 'node:path';
import { isRecord } from './closedObject.js';
import { didYouMean } from './didYouMean.js';
import { COMBINATOR_KEYS } from './expectationSchema.js';
import { expandRelayConfig } from './expandEnv.js';
import type { PathIssue, SuiteIssue } from './issues.js';
import type { JudgeInput } from './judgeSchema.js';
import { displayPathBeside, readText } from './readSource.js';
import { relayInputSchema } from './relaySchema.js';
import { resolveRelay } from './resolveRelay.js';
import type { JudgeSettings, ResolvedRelay } from './types.js';
import type { YamlSource } from './yamlSource.js';
import { speaksForGoogle, thinkingProblem } from './planChecks.js';
import { WITH_INPUTS, fromZodIssues } from './zodIssues.js';

/** What resolving the judge needs from the suite: its relays, env for `${NAME}`, and where to report issues. */
export interface JudgeContext {
  source: YamlSource;
  suitePath: string;
  env: Readonly<Record<string, string>>;
  dotEnvLabel: string;
  /** The suite's model: the judge's when neither the block nor its relay names one. */
  suiteModel: string;
  relays: readonly ResolvedRelay[];
  /** Some relay entries had problems (and are missing from `relays`): a name not found may be one of them. */
  relaysIncomplete?: boolean;
}

/** Name an inline judge relay gets when it gives none (its rows never exist, only its calls). */
const INLINE_JUDGE_NAME = 'judge';

/**
 * Resolves the `judge:` block: its relay (a name from `relays`, with did-you-mean, or an inline
 * relay validated like any relay entry), model, thinking setting and prompt template (read now,
 * relative to the suite, and required to hold `{{answer}}`). Every problem is a file:line:col
 * issue; nothing is sent before they are all fixed.
 */
export async function loadJudge(input: JudgeInput, context: JudgeContext): Promise<{ judge?: JudgeSettings; issues: SuiteIssue[] }> {
  const issues: SuiteIssue[] = [];
  const issue = (pathIssue: PathIssue): void => {
    issues.push(context.source.toSuiteIssue(pathIssue));
  };
  let relay: ResolvedRelay | undefined;
  const inlineRelay = typeof input.relay !== 'string';
  if (typeof input.relay === 'string') {
    const name = input.relay;
    relay = context.relays.find((candidate) => candidate.name === name);
    if (relay === undefined && context.relaysIncomplete === true) return { issues };
    if (relay === undefined) {
      const names = context.relays.map((candidate) => candidate.name);
      issue({
        path: ['judge', 'relay'],
        message: `no relay named "${name}" in relays`,
        hint: didYouMean(name, names) ?? `Name one of: ${names.join(', ')}, or write the relay inline`,
      });
    }
  } else {
    relay = inlineJudgeRelay(input.relay, context, issue);
  }
  const prompt = input.prompt === undefined ? undefined : await readTemplate(input.prompt, context, issue);
  if (relay === undefined || issues.length > 0) return { issues };
  const thinking: JudgeSettings['thinking'] =
    input.thinkingBudget !== undefined
      ? { kind: 'budget', budget: input.thinkingBudget }
      : input.thinkingLevel !== undefined
        ? { kind: 'level', level: input.thinkingLevel }
        : { kind: 'none' };
  const model = input.model ?? relay.model ?? context.suiteModel;
  // A judge model that rejects its thinking setting would fail every call with 400: say so now.
  const sweep = { budgets: input.thinkingBudget === undefined ? [] : [input.thinkingBudget], levels: input.thinkingLevel === undefined ? [] : [input.thinkingLevel] };
  const problem = thinkingProblem(model, sweep, speaksForGoogle(relay));
  if (problem !== undefined) {
    issue({ path: ['judge', input.thinkingLevel === undefined ? 'thinkingBudget' : 'thinkingLevel'], message: `judge model ${problem.message}`, hint: problem.hint });
    return { issues };
  }
  return {
    issues,
    judge: {
      relay,
      inlineRelay,
      model,
      thinking,
      repeats: input.repeats,
      concurrency: input.concurrency,
      ...(prompt === undefined ? {} : { prompt }),
    },
  };
}

function inlineJudgeRelay(value: Record<string, unknown>, context: JudgeContext, issue: (pathIssue: PathIssue) => void): ResolvedRelay | undefined {
  const itemPath = ['judge', 'relay'];
  const named = value.name === undefined ? { ...value, name: INLINE_JUDGE_NAME } : value;
  const expanded = expandRelayConfig(named, context.env, context.dotEnvLabel);
  for (const problem of expanded.issues) issue({ ...problem, path: [...itemPath, ...problem.path] });
  const parsed = relayInputSchema.safeParse(expanded.value, WITH_INPUTS);
  if (!parsed.success) {
    for (const problem of fromZodIssues(parsed.error.issues, itemPath)) issue(problem);
    return undefined;
  }
  if (context.relays.some((relay) => relay.name === parsed.data.name)) {
    issue({
      path: [...itemPath, ...(isRecord(value) && 'name' in value ? ['name'] : [])],
      message: `the inline judge relay is named "${parsed.data.name}" like a relay in relays`,
      hint: 'Give it another name, or name that relay instead: judge: { relay: <name> }',
    });
    return undefined;
  }
  const resolution = resolveRelay(parsed.data);
  if (!resolution.ok) {
    for (const problem of resolution.issues) issue({ ...problem, path: [...itemPath, ...problem.path] });
    return undefined;
  }
  return resolution.relay;
}

async function readTemplate(relative: string, context: JudgeContext, issue: (pathIssue: PathIssue) => void): Promise<{ file: string; text: string } | undefined> {
  const shown = displayPathBeside(context.source.file, relative);
  const file = path.resolve(path.dirname(context.suitePath), relative);
  const read = await readText(file);
  if (!read.ok) {
    issue({ path: ['judge', 'prompt'], message: read.missing ? `judge prompt not found: ${shown}` : `cannot read judge prompt ${shown}: ${read.reason}` });
    return undefined;
  }
  if (!read.text.includes('{{answer}}')) {
    issue({
      path: ['judge', 'prompt'],
      message: `judge prompt ${shown} has no {{answer}} placeholder`,
      hint: 'The template must place {{answer}} (and usually {{question}} and {{rubric}}) where the judge reads them',
    });
    return undefined;
  }
  return { file, text: read.text };
}

/**
 * Where each `judge` expectation sits in the raw suite, for "judge without a judge: block"
 * issues: `cases[i].expect.judge`, also inside `all` / `any`.
 */
export function judgeExpectationPaths(cases: unknown): PropertyKey[][] {
  if (!Array.isArray(cases)) return [];
  const found: PropertyKey[][] = [];
  const walk = (value: unknown, at: PropertyKey[]): void => {
    if (!isRecord(value)) return;
    if ('judge' in value) found.push([...at, 'judge']);
    for (const key of COMBINATOR_KEYS) {
      const children = value[key];
      if (Array.isArray(children)) {
        for (const [index, child] of children.entries()) walk(child, [...at, key, index]);
      }
    }
  };
  cases.forEach((testCase, index) => {
    if (isRecord(testCase)) walk(testCase.expect, ['cases', index, 'expect']);
  });
  return found;
}
