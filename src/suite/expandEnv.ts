import { isRecord } from './closedObject.js';
import type { PathIssue } from './issues.js';

/**
 * Where `${NAME}` is expanded: the relay-level settings that say how to reach and authenticate
 * with a relay, and nothing else. Prompts, contents, system instructions, expectations, names,
 * models and any request-body data are sent and hashed into `job_id`s exactly as written, so no
 * environment variable (a key included) can leak to a relay through them, and a suite plans the
 * same ids on every machine. `headers` expands its values, never its names.
 */
export const RELAY_CONFIG_FIELDS = ['apiKey', 'baseUrl', 'proxy', 'headers'] as const;

/**
 * The result of `${NAME}` expansion: `value` is the input with each expandable string replaced
 * (same shape otherwise), `issues` one PathIssue per unset variable or unsupported syntax, located
 * by path and naming the variable only (never its value: values are secrets).
 */
export interface ExpandedValue {
  value: unknown;
  /** One issue per string that names an unset variable or uses unsupported syntax; that string is left unexpanded. */
  issues: PathIssue[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NAME_START = /[A-Za-z_]/;
const HINT = 'Only ${NAME} is expanded (no defaults or messages); write $$ for a literal $';

interface TextExpansion {
  text: string;
  missing: string[];
  /** Unsupported syntax, described without echoing the string (it may hold a secret). */
  unsupported: string[];
}

/**
 * The config-field grammar (a subset of Docker Compose's interpolation): `${NAME}` is the variable,
 * `$$` a literal `$` (so `$${NAME}` is the literal text `${NAME}`), and a `$` before anything else
 * but a name or `{` is literal. `${NAME:-default}`, `${NAME:?message}`, `${NAME-x}`, `${}`,
 * `${ }`, an unterminated `${` and a bare `$NAME` are errors: sending them literally would put a
 * half-configured key or URL on the wire.
 */
function expandText(text: string, env: Readonly<Record<string, string>>): TextExpansion {
  const result: TextExpansion = { text: '', missing: [], unsupported: [] };
  let index = 0;
  for (;;) {
    const dollar = text.indexOf('$', index);
    if (dollar === -1) {
      result.text += text.slice(index);
      return result;
    }
    result.text += text.slice(index, dollar);
    const next = text[dollar + 1];
    const at = `at character ${dollar + 1}`;
    if (next === '$') {
      result.text += '$';
      index = dollar + 2;
    } else if (next === '{') {
      const close = text.indexOf('}', dollar + 2);
      if (close === -1) {
        result.unsupported.push(`unterminated \${ ${at}`);
        return result;
      }
      const inner = text.slice(dollar + 2, close);
      if (NAME.test(inner)) {
        const value = env[inner];
        if (value === undefined) result.missing.push(inner);
        else result.text += value;
      } else {
        const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(inner)?.[0];
        result.unsupported.push(`unsupported \${${name === undefined ? '' : `${name}`}${name === inner ? '' : '…'}} ${at}`);
      }
      index = close + 1;
    } else if (next !== undefined && NAME_START.test(next)) {
      result.unsupported.push(`bare $ before a name ${at} (not expanded: write \${NAME})`);
      index = dollar + 1;
      result.text += '$';
    } else {
      result.text += '$';
      index = dollar + 1;
    }
  }
}

/**
 * Expands `${NAME}` in every string value of `value` (keys are left alone) with the grammar of
 * `expandText`. Issues name the variable, never any value, since values are secrets.
 */
export function expandEnv(value: unknown, env: Readonly<Record<string, string>>, dotEnvLabel: string): ExpandedValue {
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
    if (!text.includes('$')) return text;
    const expansion = expandText(text, env);
    for (const problem of new Set(expansion.unsupported)) issues.push({ path, message: problem, hint: HINT });
    for (const name of new Set(expansion.missing)) {
      issues.push({ path, message: `environment variable ${name} is not set`, hint: `Export ${name}=... or add ${name}=... to ${dotEnvLabel}` });
    }
    return expansion.missing.length > 0 || expansion.unsupported.length > 0 ? text : expansion.text;
  };
  return { value: visit(value, []), issues };
}

/**
 * One relay entry (a mapping as written) with `${NAME}` expanded in its `RELAY_CONFIG_FIELDS` only;
 * every other field, known or not, is returned untouched. Issue paths are relative to the entry.
 */
export function expandRelayConfig(entry: unknown, env: Readonly<Record<string, string>>, dotEnvLabel: string): ExpandedValue {
  if (!isRecord(entry)) return { value: entry, issues: [] };
  const value: Record<string, unknown> = { ...entry };
  const issues: PathIssue[] = [];
  for (const field of RELAY_CONFIG_FIELDS) {
    if (!Object.hasOwn(entry, field)) continue;
    const expanded = expandEnv(entry[field], env, dotEnvLabel);
    value[field] = expanded.value;
    issues.push(...expanded.issues.map((issue) => ({ ...issue, path: [field, ...issue.path] })));
  }
  return { value, issues };
}
