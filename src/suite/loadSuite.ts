import path from 'node:path';
import { isRecord } from './closedObject.js';
import { duplicateIssues } from './duplicates.js';
import { expandEnv } from './expandEnv.js';
import { SuiteError, sortIssues } from './issues.js';
import type { SuiteIssue } from './issues.js';
import { loadRelays } from './loadRelays.js';
import { displayPathBeside, readDotEnvBeside, readText } from './readSource.js';
import { suiteInputSchema } from './suiteSchema.js';
import type { SuiteInput } from './suiteSchema.js';
import { toCase } from './toCase.js';
import type { ResolvedRelay, Suite } from './types.js';
import { parseYamlSource } from './yamlSource.js';
import { WITH_INPUTS, fromZodIssues } from './zodIssues.js';

export interface LoadSuiteOptions {
  /** Variables for `${NAME}`; defaults to process.env. They win over the `.env` beside the suite. */
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
  const expanded = expandEnv(parsed.source.value, env, dotEnvLabel);
  const source = { ...parsed.source, value: expanded.value };

  const issues: SuiteIssue[] = [...dotEnv.issues, ...expanded.issues.map(source.toSuiteIssue)];
  const validated = suiteInputSchema.safeParse(source.value, WITH_INPUTS);
  if (!validated.success) {
    issues.push(...fromZodIssues(validated.error.issues).map(source.toSuiteIssue));
  }
  const rawCases = isRecord(source.value) && Array.isArray(source.value['cases']) ? source.value['cases'] : [];
  const caseIds = rawCases.map((item) => (isRecord(item) ? item['id'] : undefined));
  issues.push(...duplicateIssues(caseIds, source, (index) => ['cases', index, 'id'], 'case id'));

  const relaysValue = isRecord(source.value) ? source.value['relays'] : undefined;
  const loadedRelays = await loadRelays(relaysValue, { suite: source, suitePath, env, dotEnvLabel });
  issues.push(...loadedRelays.issues);

  if (issues.length > 0 || !validated.success) throw new SuiteError(sortIssues(firstPerNode(issues)));
  return toSuite(validated.data, suitePath, loadedRelays.relays);
}

function toSuite(input: SuiteInput, suitePath: string, relays: ResolvedRelay[]): Suite {
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
    relays,
    cases: input.cases.map(toCase),
    ci: { ...input.ci },
    seed: input.seed,
    ...(input.warmup === undefined ? {} : { warmup: input.warmup }),
    ...(input.capture === undefined ? {} : { capture: input.capture }),
  };
}

function definedOnly(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
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
