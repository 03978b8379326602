/** One problem in a suite, pointing at the YAML node (or `.env` line) that causes it. */
export interface SuiteIssue {
  /** The file as the user named it (relative paths stay relative), so editors can jump to it. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  col: number;
  /** Where in the document, e.g. `cases[3].expect.regex`; empty for the document itself. */
  path: string;
  /** What is wrong, without a trailing period; never contains a resolved secret. */
  message: string;
  /** What to do about it, as a sentence. */
  hint?: string;
}

/**
 * A problem found by a pure check, addressed by its path in the parsed value. The YAML source
 * that owns the value turns it into a `SuiteIssue` with a line and column.
 */
export interface PathIssue {
  path: ReadonlyArray<PropertyKey>;
  message: string;
  hint?: string;
  /** Point at the mapping key rather than its value (unknown keys, conflicting keys). */
  atKey?: boolean;
}

/** Thrown by `loadSuite` with every issue found, so the user can fix them all in one pass. */
export class SuiteError extends Error {
  readonly issues: SuiteIssue[];

  constructor(issues: SuiteIssue[]) {
    super(`invalid suite:\n${formatSuiteIssues(issues)}`);
    this.name = 'SuiteError';
    this.issues = issues;
  }
}

/** `suites/x.yaml:12:5  cases[3].expect.regx: unknown key. Did you mean "regex"?`, one per line. */
export function formatSuiteIssues(issues: readonly SuiteIssue[]): string {
  return issues.map(formatSuiteIssue).join('\n');
}

function formatSuiteIssue(issue: SuiteIssue): string {
  const where = `${issue.file}:${issue.line}:${issue.col}`;
  const what = issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`;
  return issue.hint === undefined ? `${where}  ${what}` : `${where}  ${what}. ${issue.hint}`;
}

/** `['cases', 3, 'expect']` → `cases[3].expect`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(String(segment))) text += text === '' ? String(segment) : `.${String(segment)}`;
    else text += `[${JSON.stringify(String(segment))}]`;
  }
  return text;
}

/** Stable order for display: files in the order first seen, then by position. */
export function sortIssues(issues: readonly SuiteIssue[]): SuiteIssue[] {
  const fileOrder = new Map<string, number>();
  for (const issue of issues) if (!fileOrder.has(issue.file)) fileOrder.set(issue.file, fileOrder.size);
  return [...issues].sort((a, b) => (fileOrder.get(a.file) ?? 0) - (fileOrder.get(b.file) ?? 0) || a.line - b.line || a.col - b.col);
}
