/**
 * Rewrites a camelCase Gemini request body in snake_case, for relays whose documented body is
 * snake_case. Only Gemini's own field names change: a field whose value is the user's data is
 * copied untouched, keys and all. Google's proto-JSON parser accepts both the lowerCamel and the
 * original field name (https://protobuf.dev/programming-guides/json/), so a camelCase keyword
 * left inside a schema is still read.
 */
export function toSnakeCaseBody(body: Record<string, unknown>): Record<string, unknown> {
  return convertFields(body) as Record<string, unknown>;
}

/**
 * Fields whose value is user data, copied as written: JSON schemas (`responseSchema`,
 * `responseJsonSchema`, a function's `parameters`, `parametersJsonSchema` and `response`, which
 * is also a function result's payload), function-call `args` and request `labels`.
 */
const OPAQUE_FIELDS = new Set(['responseSchema', 'responseJsonSchema', 'parameters', 'parametersJsonSchema', 'response', 'args', 'labels']);

function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

function convertFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(convertFields);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [snakeCase(key), OPAQUE_FIELDS.has(key) ? field : convertFields(field)]));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
