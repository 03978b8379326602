/**
 * Some relays re-serialise Google's protobuf with field names as declared (`usage_metadata`,
 * `thoughts_token_count`). Downstream code reads camelCase only, so keys are renamed here, once.
 */

/**
 * Values under these keys are `google.protobuf.Struct` user data (function-call arguments and
 * results), whose keys belong to the user and must survive untouched.
 */
const OPAQUE_KEYS: ReadonlySet<string> = new Set(['args', 'response']);

const SNAKE_SEGMENT = /_([a-z0-9])/g;

function snakeToCamel(key: string): string {
  return key.replace(SNAKE_SEGMENT, (_match, letter: string) => letter.toUpperCase());
}

/**
 * Returns `value` with every snake_case object key renamed to camelCase, recursively. Objects
 * and arrays that need no renaming are returned as they are, so a camelCase chunk (the common
 * case) allocates nothing. String values are never touched.
 */
export function normaliseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return normaliseArray(value);
  if (value !== null && typeof value === 'object') return normaliseObject(value as Record<string, unknown>);
  return value;
}

function normaliseArray(items: unknown[]): unknown[] {
  let copy: unknown[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const normalised = normaliseKeys(item);
    if (normalised !== item) {
      copy ??= items.slice();
      copy[i] = normalised;
    }
  }
  return copy ?? items;
}

function normaliseObject(source: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(source);
  let copy: Record<string, unknown> | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const value = source[key];
    const newKey = key.includes('_') ? snakeToCamel(key) : key;
    const newValue = OPAQUE_KEYS.has(newKey) ? value : normaliseKeys(value);
    if (copy === undefined && (newKey !== key || newValue !== value)) {
      copy = {};
      for (let j = 0; j < i; j++) copy[keys[j] as string] = source[keys[j] as string];
    }
    if (copy !== undefined) copy[newKey] = newValue;
  }
  return copy ?? source;
}
