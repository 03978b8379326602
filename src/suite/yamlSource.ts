import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';
import type { Document, Node, Pair, YAMLError, YAMLMap } from 'yaml';
import { formatPath } from './issues.js';
import type { PathIssue, SuiteIssue } from './issues.js';
import { PROTOTYPE_KEYS, prototypeKeyIssues } from './prototypeKeys.js';

/** A parsed YAML file that can say where any path of its value was written. */
export interface YamlSource {
  /** The file as the user named it. */
  file: string;
  /** The document as plain data (aliases resolved). */
  value: unknown;
  toSuiteIssue(issue: PathIssue): SuiteIssue;
  lineOf(path: ReadonlyArray<PropertyKey>): number;
}

/**
 * The result of `parseYamlSource`: a YamlSource that can locate any path, or the YAML syntax,
 * unresolved-tag and alias issues, each with file:line:col.
 */
export type ParsedYaml = { ok: true; source: YamlSource } | { ok: false; issues: SuiteIssue[] };

/**
 * Parses one file, keeping node positions; syntax errors and unresolved tags become issues.
 * Merge keys (`<<: *base`, `<<: [*a, *b]`, from YAML 1.1's merge type, yaml.org/type/merge.html)
 * are resolved, as YAML users expect: keys written in the mapping win over merged ones, and in a
 * list of sources the earlier source wins. An issue in a merged key points at where it was written.
 */
export function parseYamlSource(file: string, text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, merge: true });
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    return { ok: false, issues: problems.map((problem) => yamlErrorIssue(file, problem, lineCounter)) };
  }
  const at = (offset: number): { line: number; col: number } => lineCounter.linePos(offset);
  // An alias is written `*name`: text without a `*` has none, and skips the walk over every node.
  const unknownAliases = (text.includes('*') ? unresolvedAliases(doc) : []).map(({ name, offset }) => ({
    file,
    ...at(offset),
    path: '',
    message: `YAML: unknown alias *${name}: no anchor &${name} is set before it`,
    hint: `Put the anchor &${name} on a node earlier in the file, or fix the spelling`,
  }));
  if (unknownAliases.length > 0) return { ok: false, issues: unknownAliases };
  let value: unknown;
  try {
    value = doc.toJS();
  } catch (error) {
    // toJS throws for a merge source that is not a mapping (`<<: 3`) and for alias bombs.
    const { line, col } = at(badMergeOffset(doc) ?? 0);
    return { ok: false, issues: [{ file, line, col, path: '', message: `YAML: ${(error as Error).message}` }] };
  }
  const source: YamlSource = {
    file,
    value,
    toSuiteIssue(issue) {
      const { line, col } = at(locate(doc, issue.path, issue.atKey === true));
      const suiteIssue: SuiteIssue = { file, line, col, path: formatPath(issue.path), message: issue.message };
      if (issue.hint !== undefined) suiteIssue.hint = issue.hint;
      return suiteIssue;
    },
    lineOf: (path) => at(locate(doc, path, false)).line,
  };
  const prototypeKeys = mayHoldPrototypeKey(text) ? prototypeKeyIssues(value) : [];
  if (prototypeKeys.length > 0) return { ok: false, issues: prototypeKeys.map((issue) => source.toSuiteIssue(issue)) };
  return { ok: true, source };
}

/**
 * False when no mapping key of `text` can be one of PROTOTYPE_KEYS: none of them is written, and
 * no escape (`\x5f_proto__` in a double-quoted key) could spell one. Aliases and merge keys only
 * repeat keys written elsewhere in the text, so this covers them. True means: walk the value.
 */
function mayHoldPrototypeKey(text: string): boolean {
  return text.includes('\\') || PROTOTYPE_KEYS.some((key) => text.includes(key));
}

function yamlErrorIssue(file: string, error: YAMLError, lineCounter: LineCounter): SuiteIssue {
  const { line, col } = lineCounter.linePos(error.pos[0]);
  return { file, line, col, path: '', message: `YAML: ${error.message}` };
}

/**
 * Offset of the node at `path`, or of its nearest written ancestor when the path is missing
 * (a missing required key points at the mapping that lacks it). A mapping or list value is
 * reported at its key, where the eye lands, rather than at its first child.
 */
function locate(doc: Document, path: ReadonlyArray<PropertyKey>, atKey: boolean): number {
  let node: Node | null = doc.contents;
  let keyNode: Node | undefined;
  let found = true;
  for (const segment of path) {
    const current: unknown = isAlias(node) ? node.resolve(doc) : node;
    if (isMap(current)) {
      const pair = findPair(doc, current, segment, 0);
      if (pair === undefined || !isScalar(pair.key)) {
        found = false;
        break;
      }
      keyNode = pair.key;
      node = (pair.value as Node | null) ?? pair.key;
    } else if (isSeq(current) && typeof segment === 'number' && current.items[segment] !== undefined) {
      keyNode = undefined;
      node = current.items[segment] as Node;
    } else {
      found = false;
      break;
    }
  }
  const preferKey = keyNode !== undefined && ((found && atKey) || isCollection(node));
  const target = preferKey ? keyNode : node;
  return target?.range?.[0] ?? 0;
}

/** The pair for `segment` in a mapping: written in it, else in its merge sources (`<<`), in YAML's order. */
function findPair(doc: Document, map: YAMLMap, segment: PropertyKey, depth: number): Pair | undefined {
  const written = map.items.find((item) => isScalar(item.key) && typeof item.key.value !== 'symbol' && String(item.key.value) === String(segment));
  if (written !== undefined || depth > 32) return written;
  for (const item of map.items) {
    // With `merge: true` the yaml package gives a merge key the value Symbol(<<).
    if (!isScalar(item.key) || typeof item.key.value !== 'symbol') continue;
    const sources: unknown[] = isSeq(item.value) ? item.value.items : [item.value];
    for (const source of sources) {
      const resolved: unknown = isAlias(source) ? source.resolve(doc) : source;
      const found = isMap(resolved) ? findPair(doc, resolved, segment, depth + 1) : undefined;
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * Every alias (`*name`, alone or as a merge source `<<: *name`) with no anchor `&name` before it,
 * in document order. YAML 1.2 §3.2.2.2: an alias refers to the most recent preceding node with
 * that anchor. Without this, the yaml package says "Merge sources must be maps" or throws at 1:1.
 */
function unresolvedAliases(doc: Document): Array<{ name: string; offset: number }> {
  const found: Array<{ name: string; offset: number }> = [];
  visit(doc, {
    Alias(_key, alias) {
      if (alias.resolve(doc) === undefined) found.push({ name: alias.source, offset: alias.range?.[0] ?? 0 });
    },
  });
  return found;
}

/** Offset of the first merge key (`<<`) whose value is not a mapping, an alias of one, or a list of them. */
function badMergeOffset(doc: Document): number | undefined {
  let offset: number | undefined;
  const isMapSource = (node: unknown): boolean => isMap(isAlias(node) ? node.resolve(doc) : node);
  visit(doc, {
    Pair(_key, pair) {
      if (!isPair(pair) || !isScalar(pair.key) || typeof pair.key.value !== 'symbol') return undefined;
      const ok = isSeq(pair.value) ? pair.value.items.every(isMapSource) : isMapSource(pair.value);
      if (ok) return undefined;
      offset = (pair.value as Node | null)?.range?.[0] ?? pair.key.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}
