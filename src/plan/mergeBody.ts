/**
 * Merges a relay's `body:` into a request body: mappings merge key by key, recursively; any other
 * value (text, number, boolean, null, list) replaces what was there. Neither input is changed.
 * Keys are kept exactly as written: the `body:` is already in the relay's wire casing.
 */
export function mergeRelayBody(body: Record<string, unknown>, extra: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...body };
  for (const [key, value] of Object.entries(extra)) {
    const current = merged[key];
    merged[key] = isPlainObject(current) && isPlainObject(value) ? mergeRelayBody(current, value) : value;
  }
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
