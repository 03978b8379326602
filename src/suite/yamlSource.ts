import { isAlias, isCollection, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node, YAMLError } from 'yaml';
import { formatPath } from './issues.js';
import type { PathIssue, SuiteIssue } from './issues.js';

/** A parsed YAML file that can say where any path of its value was written. */
export interface YamlSource {
  /** The file as the user named it. */
  file: string;
  /** The document as plain data (aliases resolved). */
  value: unknown;
  toSuiteIssue(issue: PathIssue): SuiteIssue;
  lineOf(path: ReadonlyArray<PropertyKey>): number;
}

export type ParsedYaml = { ok: true; source: YamlSource } | { ok: false; issues: SuiteIssue[] };

/** Parses one file, keeping node positions; syntax errors and unresolved tags become issues. */
export function parseYamlSource(file: string, text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    return { ok: false, issues: problems.map((problem) => yamlErrorIssue(file, problem, lineCounter)) };
  }
  const at = (offset: number): { line: number; col: number } => lineCounter.linePos(offset);
  return {
    ok: true,
    source: {
      file,
      value: doc.toJS(),
      toSuiteIssue(issue) {
        const { line, col } = at(locate(doc, issue.path, issue.atKey === true));
        const suiteIssue: SuiteIssue = { file, line, col, path: formatPath(issue.path), message: issue.message };
        if (issue.hint !== undefined) suiteIssue.hint = issue.hint;
        return suiteIssue;
      },
      lineOf: (path) => at(locate(doc, path, false)).line,
    },
  };
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
      const pair = current.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
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
