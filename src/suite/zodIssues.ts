import type { z } from 'zod';
import { didYouMean } from './didYouMean.js';
import type { PathIssue } from './issues.js';

/** Parse options under which issues carry the offending value, which fromZodIssues needs. */
export const WITH_INPUTS = { reportInput: true } as const;

/**
 * Rewrites zod's issues (from a parse with WITH_INPUTS) in the words of the YAML the user wrote
 * ("list", "mapping", "missing required key") and keeps their paths, prefixed with where the
 * validated value sits in its file. Received values are described by kind only: a value may be
 * an expanded secret.
 */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], basePath: ReadonlyArray<PropertyKey> = []): PathIssue[] {
  return issues.filter((issue) => !isExplainedByTypo(issue, issues)).map((issue) => toPathIssue(issue, basePath));
}

function toPathIssue(issue: z.core.$ZodIssue, basePath: ReadonlyArray<PropertyKey>): PathIssue {
  const received = issue.input;
  const path = [...basePath, ...issue.path];
  switch (issue.code) {
    case 'invalid_type':
      if (received === undefined && issue.path.length > 0) {
        return { path, message: `missing required key "${String(issue.path.at(-1))}"` };
      }
      return { path, message: `expected ${describeExpected(issue.expected)}, got ${describeReceived(received)}` };
    case 'too_small':
      return { path, message: describeBound('at least', 'more than', issue.origin, issue.minimum, issue.inclusive) };
    case 'too_big':
      return { path, message: describeBound('at most', 'less than', issue.origin, issue.maximum, issue.inclusive) };
    case 'invalid_value':
      return withHint(
        { path, message: `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}` },
        typeof received === 'string' ? didYouMean(received, issue.values.map(String)) : undefined,
      );
    case 'custom':
      return withHint(
        { path, message: issue.message, ...(issue.params?.atKey === true ? { atKey: true } : {}) },
        typeof issue.params?.hint === 'string' ? issue.params.hint : undefined,
      );
    default:
      return { path, message: issue.message };
  }
}

/**
 * `promt:` yields "unknown key, did you mean prompt" and "needs prompt: or contents:"; only the
 * first is worth reading, so an issue asking for keys is dropped when a typo of one is present.
 */
function isExplainedByTypo(issue: z.core.$ZodIssue, all: readonly z.core.$ZodIssue[]): boolean {
  const wanted = wantedKeys(issue);
  if (wanted === undefined) return false;
  return all.some((other) => {
    const suggestion: unknown = other.code === 'custom' ? other.params?.suggestion : undefined;
    return typeof suggestion === 'string' && wanted.keys.includes(suggestion) && samePath(other.path.slice(0, -1), wanted.parentPath);
  });
}

/** The keys an issue says are missing, and the mapping that should hold them. */
function wantedKeys(issue: z.core.$ZodIssue): { parentPath: PropertyKey[]; keys: unknown[] } | undefined {
  if (issue.code === 'invalid_type' && issue.path.length > 0 && issue.input === undefined) {
    return { parentPath: issue.path.slice(0, -1), keys: [issue.path.at(-1)] };
  }
  const wantsOneOf: unknown = issue.code === 'custom' ? issue.params?.wantsOneOf : undefined;
  return Array.isArray(wantsOneOf) ? { parentPath: issue.path, keys: wantsOneOf } : undefined;
}

function samePath(a: readonly PropertyKey[], b: readonly PropertyKey[]): boolean {
  return a.length === b.length && a.every((segment, index) => segment === b[index]);
}

function withHint(issue: PathIssue, hint: string | undefined): PathIssue {
  return hint === undefined ? issue : { ...issue, hint };
}

function describeExpected(expected: string): string {
  switch (expected) {
    case 'array':
      return 'a list';
    case 'object':
    case 'record':
      return 'a mapping';
    case 'int':
      return 'an integer';
    case 'number':
      return 'a number';
    case 'string':
      return 'a string';
    case 'boolean':
      return 'true or false';
    default:
      return expected;
  }
}

function describeReceived(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number')
    return Number.isFinite(value) ? (Number.isInteger(value) ? 'an integer' : 'a number') : Number.isNaN(value) ? 'NaN (.nan, not a number)' : 'an infinite number';
  if (typeof value === 'boolean') return 'a boolean';
  return `a ${typeof value}`;
}

function describeBound(inclusiveWord: string, exclusiveWord: string, origin: string, bound: number | bigint, inclusive: boolean | undefined): string {
  const word = inclusive === false ? exclusiveWord : inclusiveWord;
  if (origin === 'array') return `must have ${word} ${bound} item${bound === 1 ? '' : 's'}`;
  if (origin === 'string') {
    return bound === 1 && word === 'at least' ? 'must not be empty' : `must have ${word} ${bound} characters`;
  }
  return `must be ${word} ${bound}`;
}
