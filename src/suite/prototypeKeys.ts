import type { PathIssue } from './issues.js';

/**
 * Keys a YAML mapping may not use anywhere. The yaml package keeps them as own properties, but
 * JavaScript gives them special meaning: assigning `__proto__` sets an object's prototype, so the
 * schema's copy of a pass-through object (`body:`, `tools:`, `labels:`, `toolConfig:`) silently
 * drops it, and `constructor`/`prototype` are the other keys of prototype pollution (OWASP,
 * "Prototype Pollution Prevention Cheat Sheet"). Refusing them beats sending something else.
 */
export const PROTOTYPE_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/**
 * Finds every mapping key in {@link PROTOTYPE_KEYS} in a parsed YAML value, as issues pointing at
 * the key. Shared objects (aliases) are walked once; the walk is iterative, so depth cannot overflow.
 */
export function prototypeKeyIssues(value: unknown): PathIssue[] {
  const issues: PathIssue[] = [];
  const seen = new Set<object>();
  const stack: Array<{ node: unknown; path: PropertyKey[] }> = [{ node: value, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    const entries: Array<[PropertyKey, unknown]> = Array.isArray(node)
      ? node.map((item, index) => [index, item])
      : Object.getOwnPropertyNames(node).map((key) => [key, (node as Record<string, unknown>)[key]]);
    const children: Array<{ node: unknown; path: PropertyKey[] }> = [];
    for (const [key, child] of entries) {
      if (typeof key === 'string' && PROTOTYPE_KEYS.includes(key)) {
        issues.push({
          path: [...path, key],
          message: `the key ${key} is not allowed: JavaScript treats it as part of the object's prototype, so it would be dropped or misread, not sent`,
          hint: 'Remove it; the Gemini API has no field of that name',
          atKey: true,
        });
      } else {
        children.push({ node: child, path: [...path, key] });
      }
    }
    // Reversed onto the stack, so the first child is walked first: issues come in document order.
    stack.push(...children.reverse());
  }
  return issues;
}
