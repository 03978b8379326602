import { speaksForGoogle } from './planChecks.js';
import path from 'node:path';
import { isRecord } from './closedObject.js';
import { duplicateIssues } from './duplicates.js';
import { expandRelayConfig } from './expandEnv.js';
import type { SuiteIssue } from './issues.js';
import { displayPathBeside, readText } from './readSource.js';
import { relayInputSchema } from './relaySchema.js';
import { resolveRelay } from './resolveRelay.js';
import type { ResolvedRelay } from './types.js';
import { WITH_INPUTS, fromZodIssues } from './zodIssues.js';
import { parseYamlSource } from './yamlSource.js';
import type { YamlSource } from './yamlSource.js';

/**
 * What `loadRelays` needs besides the `relays:` value: the parsed suite (for positions), its absolute
 * path (a relays file is resolved beside it), the environment and `.env` label used for `${NAME}`
 * expansion (docs/suite.md#relays), and an optional check of a relay's own `model` against the
 * thinking sweep.
 */
export interface RelaysContext {
  /** The suite file as parsed (no `${NAME}` expanded: relay settings are expanded here, entry by entry). */
  suite: YamlSource;
  /** Absolute path of the suite, to resolve a relays file against. */
  suitePath: string;
  env: Readonly<Record<string, string>>;
  dotEnvLabel: string;
  /** Why a relay's own `model` cannot take the suite's thinking sweep (planChecks.ts), if it cannot. */
  modelProblem?: ((model: string, googleApi: boolean) => { message: string; hint: string } | undefined) | undefined;
}

/**
 * The resolved relays (presets and defaults applied, in file order) and every SuiteIssue found with
 * its file:line:col; the caller throws one SuiteError (exit 2, docs/exit-codes.md) when issues is non-empty.
 */
export interface LoadedRelays {
  relays: ResolvedRelay[];
  issues: SuiteIssue[];
}

/** Where the relay entries live: inline in the suite or in their own file, with its own positions. */
interface RelayEntries {
  source: YamlSource;
  basePath: PropertyKey[];
  items: unknown[];
}

/**
 * Validates and resolves the suite's `relays:` (a path or an inline list). A wrong type for
 * `relays:` itself is left to the suite schema, so it is reported once.
 */
export async function loadRelays(relaysValue: unknown, context: RelaysContext): Promise<LoadedRelays> {
  const located = await locateEntries(relaysValue, context);
  if (located.entries === undefined) return { relays: [], issues: located.issues };
  const { source, basePath, items } = located.entries;

  const issues: SuiteIssue[] = [...located.issues];
  if (items.length === 0) {
    issues.push(source.toSuiteIssue({ path: basePath, message: 'needs at least one relay' }));
  }
  const relays: ResolvedRelay[] = [];
  items.forEach((item, index) => {
    const itemPath = [...basePath, index];
    const expanded = expandRelayConfig(item, context.env, context.dotEnvLabel);
    issues.push(...expanded.issues.map((issue) => source.toSuiteIssue({ ...issue, path: [...itemPath, ...issue.path] })));
    const parsed = relayInputSchema.safeParse(expanded.value, WITH_INPUTS);
    if (!parsed.success) {
      issues.push(...fromZodIssues(parsed.error.issues, itemPath).map(source.toSuiteIssue));
      return;
    }
    const resolution = resolveRelay(parsed.data);
    const googleApi = !resolution.ok || speaksForGoogle(resolution.relay);
    const modelProblem = parsed.data.model === undefined ? undefined : context.modelProblem?.(parsed.data.model, googleApi);
    if (modelProblem !== undefined) issues.push(source.toSuiteIssue({ path: [...itemPath, 'model'], ...modelProblem }));
    if (resolution.ok) relays.push(resolution.relay);
    else issues.push(...resolution.issues.map((issue) => source.toSuiteIssue({ ...issue, path: [...itemPath, ...issue.path] })));
  });
  const names = items.map((item) => (isRecord(item) ? item.name : undefined));
  issues.push(...duplicateIssues(names, source, (index) => [...basePath, index, 'name'], 'relay name'));
  issues.push(...extraReferenceIssues(items, source, basePath));
  return { relays, issues };
}

/**
 * Cross-relay verdicts compare with one reference relay (docs/run-folder.md#verdictscsv): a second
 * `reference: true` is an error at its line, naming the first.
 */
function extraReferenceIssues(items: readonly unknown[], source: RelayEntries['source'], basePath: PropertyKey[]): SuiteIssue[] {
  const references = items.flatMap((item, index) => (isRecord(item) && item.reference === true ? [index] : []));
  const [first, ...extra] = references;
  if (first === undefined) return [];
  const firstLine = source.lineOf([...basePath, first, 'reference']);
  return extra.map((index) =>
    source.toSuiteIssue({
      path: [...basePath, index, 'reference'],
      message: `only one relay may be reference: true (the first is on line ${firstLine})`,
    }),
  );
}

interface LocatedEntries {
  entries?: RelayEntries;
  issues: SuiteIssue[];
}

async function locateEntries(relaysValue: unknown, context: RelaysContext): Promise<LocatedEntries> {
  if (typeof relaysValue === 'string') return readRelaysFile(relaysValue, context);
  if (Array.isArray(relaysValue)) return { entries: { source: context.suite, basePath: ['relays'], items: relaysValue }, issues: [] };
  return { issues: [] };
}

async function readRelaysFile(relativePath: string, context: RelaysContext): Promise<LocatedEntries> {
  const file = displayPathBeside(context.suite.file, relativePath);
  const read = await readText(path.resolve(path.dirname(context.suitePath), relativePath));
  if (!read.ok) {
    const message = read.missing ? `relays file not found: ${file}` : `cannot read relays file ${file}: ${read.reason}`;
    return { issues: [context.suite.toSuiteIssue({ path: ['relays'], message })] };
  }
  const parsed = parseYamlSource(file, read.text);
  if (!parsed.ok) return { issues: parsed.issues };
  const { source } = parsed;
  const issues: SuiteIssue[] = [];
  const { value } = source;

  if (Array.isArray(value)) return { entries: { source, basePath: [], items: value }, issues };
  if (isRecord(value) && Array.isArray(value.relays)) {
    for (const key of Object.keys(value).filter((key) => key !== 'relays')) {
      issues.push(source.toSuiteIssue({ path: [key], message: 'unknown key', hint: 'A relays file holds only relays:', atKey: true }));
    }
    return { entries: { source, basePath: ['relays'], items: value.relays }, issues };
  }
  issues.push(source.toSuiteIssue({ path: [], message: 'expected a list of relays, or a mapping with a relays: list' }));
  return { issues };
}
