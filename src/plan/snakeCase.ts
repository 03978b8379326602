/**
 * Rewrites a camelCase Gemini request body in snake_case, for relays whose documented body is
 * snake_case. Only protocol field names change: user data keeps its keys (function-call args,
 * JSON schemas) and a `responseSchema` keeps its property names while its keywords convert.
 */
export function toSnakeCaseBody(body: Record<string, unknown>): Record<string, unknown> {
  return convertFields(body) as Record<string, unknown>;
}

/** Fields whose value is the user's own data, copied untouched. */
const OPAQUE_FIELDS = new Set(['args', 'response', 'responseJsonSchema']);

function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

function convertFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(convertFields);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => {
      if (OPAQUE_FIELDS.has(key)) return [snakeCase(key), field];
      if (key === 'responseSchema') return [snakeCase(key), convertSchema(field)];
      return [snakeCase(key), convertFields(field)];
    }),
  );
}

/** An OpenAPI-style Schema: keywords convert, `properties` names are the user's. */
function convertSchema(schema: unknown): unknown {
  if (!isPlainObject(schema)) return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([keyword, field]) => {
      if (keyword === 'properties' && isPlainObject(field)) {
        return [keyword, Object.fromEntries(Object.entries(field).map(([name, sub]) => [name, convertSchema(sub)]))];
      }
      if (keyword === 'items') return [keyword, convertSchema(field)];
      if (keyword === 'anyOf' && Array.isArray(field)) return [snakeCase(keyword), field.map(convertSchema)];
      return [snakeCase(keyword), field];
    }),
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
