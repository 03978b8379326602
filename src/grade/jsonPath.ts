/**
 * Field paths of `json` expectations: `name`, `address.city`, `items.0.id`. A key that itself
 * contains a dot (`"version.major": 1` as one key) is found too: the literal key is tried before
 * the path is split.
 */
export function splitPath(path: string): string[] {
  return path.split('.');
}

/** True for a plain JSON object (not null, not an array): the containers a dotted path can step into by key. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function child(container: unknown, key: string): { found: true; value: unknown } | { found: false } {
  if (Array.isArray(container) && /^\d+$/.test(key)) {
    const index = Number(key);
    return index < container.length ? { found: true, value: container[index] } : { found: false };
  }
  if (isRecord(container) && Object.hasOwn(container, key)) return { found: true, value: container[key] };
  return { found: false };
}

/**
 * Looks up a `json` expectation's field `path` in the parsed answer `root`: first `path` as one
 * literal key, then split at dots (`items.0.id`; a numeric step indexes an array). Returns
 * `{ found: true, value }` or `{ found: false }` when any step is missing, so a field whose value is
 * `null` is told apart from an absent one. Never throws.
 */
export function resolvePath(root: unknown, path: string): { found: true; value: unknown } | { found: false } {
  const literal = child(root, path);
  if (literal.found) return literal;
  let current: { found: true; value: unknown } | { found: false } = { found: true, value: root };
  for (const key of splitPath(path)) {
    if (!current.found) break;
    current = child(current.value, key);
  }
  return current;
}

/** Structural equality of JSON values: key order is irrelevant, array order is not. */
export function deepEqual(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (Array.isArray(left) || Array.isArray(right)) {
    return Array.isArray(left) && Array.isArray(right) && left.length === right.length && left.every((item, index) => deepEqual(item, right[index]));
  }
  if (!isRecord(left) || !isRecord(right)) return false;
  const leftKeys = Object.keys(left);
  return leftKeys.length === Object.keys(right).length && leftKeys.every((key) => Object.hasOwn(right, key) && deepEqual(left[key], right[key]));
}
