import type { PathIssue } from './issues.js';

/** `${NAME}`; `$${NAME}` is the escape for a literal `${NAME}` (e.g. inside a prompt about shell). */
const REFERENCE = /\$(\$?)\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export interface ExpandedValue {
  value: unknown;
  /** One issue per string that names an unset variable; the string is left unexpanded. */
  issues: PathIssue[];
}

/**
 * Replaces `${NAME}` in every string value of a parsed document (keys are left alone). The
 * issue for a missing variable names the variable, never any value, since values are secrets.
 */
export function expandEnv(
  value: unknown,
  env: Readonly<Record<string, string>>,
  dotEnvLabel: string,
): ExpandedValue {
  const issues: PathIssue[] = [];
  const visit = (node: unknown, path: PropertyKey[]): unknown => {
    if (typeof node === 'string') return expandString(node, path);
    if (Array.isArray(node)) return node.map((item, index) => visit(item, [...path, index]));
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, visit(item, [...path, key])]));
    }
    return node;
  };
  const expandString = (text: string, path: PropertyKey[]): string => {
    const missing = [...text.matchAll(REFERENCE)]
      .filter(([, escape, name = '']) => escape === '' && env[name] === undefined)
      .map(([, , name = '']) => name);
    for (const name of new Set(missing)) {
      issues.push({
        path,
        message: `environment variable ${name} is not set`,
        hint: `Export ${name}=... or add ${name}=... to ${dotEnvLabel}`,
      });
    }
    if (missing.length > 0) return text;
    return text.replace(REFERENCE, (whole, escape: string, name: string) =>
      escape === '' ? (env[name] ?? whole) : whole.slice(1),
    );
  };
  return { value: visit(value, []), issues };
}
