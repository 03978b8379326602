/**
 * JSON with object keys sorted at every depth, so equal values always hash alike. The bytes are
 * exactly `JSON.stringify` of a copy whose objects were rebuilt with their keys in `.sort()` order
 * ({@link canonicalJsonReference}); job ids are SHA-256 of them, so they must never change.
 * Written directly, without the copy: the plan hashes one body per (case, relay, thinking setting),
 * and the copy's allocations cost about half of a 2,000-case plan's expansion. Throws as
 * `JSON.stringify` does (a BigInt, a cycle).
 */
export function canonicalJson(value: unknown): string {
  return write(value) ?? canonicalJsonReference(value);
}

/** The definition of canonicalJson's bytes: sort every object's keys into a copy, then JSON.stringify it. */
export function canonicalJsonReference(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}

/** Nesting past which the reference path decides (a cycle would otherwise overflow the stack). */
const MAX_DEPTH = 256;

/** An array index as a key (ECMA-262 §6.1.7): JavaScript orders such keys numerically, ahead of the others. */
const ARRAY_INDEX = /^(?:0|[1-9]\d{0,9})$/;

/**
 * The canonical JSON of plain data (strings, finite or not numbers, booleans, null, arrays, plain
 * objects), or undefined where the rebuilt copy would behave otherwise and the reference must
 * decide: a key that is an array index (the copy orders it numerically), a `toJSON` key, an
 * value the copy would drop or call (a function, a symbol), nesting past MAX_DEPTH, or anything
 * that is not plain data.
 */
function write(value: unknown, depth = 0): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      return undefined;
  }
  if (value === null) return 'null';
  // Deeper than any request body: maybe a cycle, which the reference reports as JSON.stringify does.
  if (depth > MAX_DEPTH) return undefined;
  if (Array.isArray(value)) {
    let out = '[';
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      const text = item === undefined ? 'null' : write(item, depth + 1);
      if (text === undefined) return undefined;
      out += index === 0 ? text : `,${text}`;
    }
    return `${out}]`;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return undefined;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    if (key === 'toJSON' || ARRAY_INDEX.test(key)) return undefined;
    const item = record[key];
    if (item === undefined) continue;
    const text = write(item, depth + 1);
    if (text === undefined) return undefined;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${text}`;
    first = false;
  }
  return `${out}}`;
}
