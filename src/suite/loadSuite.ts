import path from 'node:path';
import { isRecord } from './closedObject.js';
import { duplicateIssues } from './duplicates.js';
import { SuiteError, sortIssues } from './issues.js';
import type { PathIssue, SuiteIssue } from './issues.js';
import { loadRelays } from './loadRelays.js';
import { planSizeOf, planSizeProblem, speaksForGoogle, thinkingProblem, type ThinkingSweep } from './planChecks.js';
import { displayPathBeside, readDotEnvBeside, readText } from './readSource.js';
import { requestFieldsOf } from './requestFieldsSchema.js';
import { suiteInputSchema } from './suiteSchema.js';
import type { SuiteInput } from './suiteSchema.js';
import { toCase } from './toCase.js';
import type { ResolvedRelay, Suite } from './types.js';
import { parseYamlSource } from './yamlSource.js';
import { unusedPriceWarnings } from './priceWarnings.js';
import { judgeExpectationPaths, loadJudge } from './loadJudge.js';
import { WITH_INPUTS, fromZodIssues } from './zodIssues.js';
import { DEFAULT_MAX_START_LAG_MS } from './loadSchema.js';

/**
 * Options of `loadSuite`: `env` holds the variables for `${NAME}` in relay settings (defaults to
 * `process.env`); they win over the `.env` file beside the suite. Undefined values are ignored.
 */
export interface LoadSuiteOptions {
  /** Variables for `${NAME}` in relay settings; defaults to process.env. They win over the `.env` beside the suite. */
  env?: Record<string, string | undefined>;
}

/**
 * Reads, expands and validates a suite and its relays. Throws a SuiteError listing every issue
 * found (file:line:col each), so nothing is sent until the whole suite is right.
 */
export async function loadSuite(file: string, options: LoadSuiteOptions = {}): Promise<Suite> {
  const suitePath = path.resolve(file);
  const read = await readText(suitePath);
  if (!read.ok) {
    const message = read.missing ? 'suite file not found' : `cannot read suite file: ${read.reason}`;
    throw new SuiteError([{ file, line: 1, col: 1, path: '', message }]);
  }
  const parsed = parseYamlSource(file, read.text);
  if (!parsed.ok) throw new SuiteError(parsed.issues);

  const dotEnv = await readDotEnvBeside(suitePath, file);
  const env = { ...dotEnv.vars, ...definedOnly(options.env ?? process.env) };
  const dotEnvLabel = displayPathBeside(file, '.env');
  // `${NAME}` is expanded in relay settings only (see expandEnv.ts): the suite's own text is sent as written.
  const source = parsed.source;

  const issues: SuiteIssue[] = [...dotEnv.issues];
  const validated = suiteInputSchema.safeParse(source.value, WITH_INPUTS);
  if (!validated.success) {
    issues.push(...fromZodIssues(validated.error.issues).map(source.toSuiteIssue));
  }
  const rawCases = isRecord(source.value) && Array.isArray(source.value.cases) ? source.value.cases : [];
  const caseIds = rawCases.map((item) => (isRecord(item) ? item.id : undefined));
  issues.push(...duplicateIssues(caseIds, source, (index) => ['cases', index, 'id'], 'case id'));

  const relaysValue = isRecord(source.value) ? source.value.relays : undefined;
  const sweep: ThinkingSweep | undefined = validated.success ? { budgets: validated.data.thinkingBudgets ?? [], levels: validated.data.thinkingLevels ?? [] } : undefined;
  const modelProblem = sweep === undefined ? undefined : (model: string, googleApi: boolean) => thinkingProblem(model, sweep, googleApi);
  const loadedRelays = await loadRelays(relaysValue, { suite: source, suitePath, env, dotEnvLabel, modelProblem });
  issues.push(...loadedRelays.issues);
  if (validated.success) issues.push(...planIssues(validated.data, loadedRelays.relays).map(source.toSuiteIssue));
  const judgeInput = validated.success ? validated.data.judge : undefined;
  const judge =
    judgeInput === undefined
      ? undefined
      : await loadJudge(judgeInput, {
          source,
          suitePath,
          env,
          dotEnvLabel,
          suiteModel: validated.data?.model ?? '',
          relays: loadedRelays.relays,
          relaysIncomplete: loadedRelays.issues.length > 0,
        });
  if (judge !== undefined) issues.push(...judge.issues);
  const judgeBlockWritten = isRecord(source.value) && source.value.judge !== undefined;
  if (!judgeBlockWritten) {
    for (const at of judgeExpectationPaths(isRecord(source.value) ? source.value.cases : undefined)) {
      issues.push(
        source.toSuiteIssue({
          path: at,
          atKey: true,
          message: "a judge expectation needs the suite's judge: block",
          hint: 'Add judge: { relay: <a relay name>, model: <model> } at the top level of the suite',
        }),
      );
    }
  }

  if (issues.length > 0 || !validated.success) throw new SuiteError(sortIssues(firstPerNode(issues)));
  const suite = toSuite(validated.data, suitePath, loadedRelays.relays);
  if (judge?.judge !== undefined) suite.judge = judge.judge;
  suite.warnings = unusedPriceWarnings(suite.prices ?? {}, suite.model, suite.relays).map(source.toSuiteIssue);
  return suite;
}

function toSuite(input: SuiteInput, suitePath: string, relays: ResolvedRelay[]): Suite {
  const request = requestFieldsOf(input);
  return {
    name: input.name,
    description: input.description,
    file: suitePath,
    model: input.model,
    thinkingBudgets: input.thinkingBudgets ?? [],
    thinkingLevels: input.thinkingLevels ?? [],
    includeThoughts: input.includeThoughts,
    repeats: input.repeats,
    concurrency: input.concurrency,
    systemInstruction: input.systemInstruction,
    generationConfig: { ...input.generationConfig },
    ...(Object.keys(request).length > 0 ? { request } : {}),
    relays,
    cases: input.cases.map(toCase),
    ci: { ...input.ci },
    seed: input.seed,
    prices: { ...input.prices },
    warnings: [],
    ...(input.warmup === undefined ? {} : { warmup: input.warmup }),
    ...(input.capture === undefined ? {} : { capture: input.capture }),
    ...(input.load === undefined ? {} : { load: { ...input.load, slo: { ...input.load.slo }, maxStartLagMs: input.load.maxStartLagMs ?? DEFAULT_MAX_START_LAG_MS } }),
  };
}

/**
 * Plans the tool cannot run, found before expanding anything: more than MAX_PLANNED_JOBS jobs
 * (reported at `repeats`), and a suite model that the model table says rejects the thinking sweep
 * (reported at the sweep; relays with their own `model` are checked in loadRelays).
 */
function planIssues(input: SuiteInput, relays: readonly ResolvedRelay[]): PathIssue[] {
  const issues: PathIssue[] = [];
  const settings = (input.thinkingBudgets ?? input.thinkingLevels ?? []).length;
  const problem = planSizeProblem(planSizeOf(input.cases.length, relays.length, settings, input.repeats));
  if (problem !== undefined) issues.push({ path: ['repeats'], ...problem });
  const suiteModelRelays = relays.filter((relay) => relay.model === undefined);
  if (suiteModelRelays.length > 0) {
    const sweep = { budgets: input.thinkingBudgets ?? [], levels: input.thinkingLevels ?? [] };
    const thinking = thinkingProblem(input.model, sweep, suiteModelRelays.some(speaksForGoogle));
    if (thinking !== undefined) issues.push({ path: [input.thinkingLevels === undefined ? 'thinkingBudgets' : 'thinkingLevels'], atKey: true, ...thinking });
  }
  return issues;
}

function definedOnly(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/**
 * A string with a missing `${VAR}` stays unexpanded and then usually fails its own check too
 * (not a URL, say); the missing variable, reported first, is the one worth reading.
 */
function firstPerNode(issues: readonly SuiteIssue[]): SuiteIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const node = `${issue.file}\u0000${issue.path}\u0000${issue.line}:${issue.col}`;
    if (seen.has(node)) return false;
    seen.add(node);
    return true;
  });
}
