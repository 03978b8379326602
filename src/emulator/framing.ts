import type { StreamFraming } from '../suite/types.js';

/**
 * Byte-exact framings of Google's streaming endpoint, as recorded in the fixtures:
 * - `alt=sse`: `data: <json>\r\n\r\n`, the JSON on one line in Google's spacing
 *   (`{"a": 1,"b": 2}`: a space after each colon, none after commas);
 * - no `alt`: one JSON array, each object pretty-printed, `[{...}\n,\r\n{...}\n]`.
 */

/**
 * Google's one-line JSON spacing, which differs from JSON.stringify's. This runs for every SSE
 * chunk, so it concatenates in plain loops instead of allocating entry arrays. Keys are written
 * unescaped: they are the emulator's own field names, never user text.
 */
export function googleOneLineJson(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let index = 0; index < value.length; index++) {
      if (index > 0) out += ',';
      out += googleOneLineJson(value[index]);
    }
    return `${out}]`;
  }
  let out = '{';
  for (const key in value) {
    const member = (value as Record<string, unknown>)[key];
    if (member === undefined) continue;
    if (out.length > 1) out += ',';
    out += `"${key}": ${googleOneLineJson(member)}`;
  }
  return `${out}}`;
}

/** JSON with two-space indentation, as Google pretty-prints its JSON-array stream elements and error bodies. */
export const prettyJson = (value: unknown): string => JSON.stringify(value, null, 2);

/** The `Content-Type` Google sends for each framing: `text/event-stream` for SSE, JSON for the array. */
export const CONTENT_TYPE: Readonly<Record<StreamFraming, string>> = {
  sse: 'text/event-stream',
  'json-array': 'application/json; charset=UTF-8',
};

/** The bytes of each chunk as written to the wire; the array's closing bracket rides on the last. */
export function frameChunks(bodies: readonly unknown[], framing: StreamFraming): string[] {
  if (framing === 'sse') return bodies.map((body) => `data: ${googleOneLineJson(body)}\r\n\r\n`);
  const last = bodies.length - 1;
  return bodies.map((body, index) => `${index === 0 ? '[' : '\n,\r\n'}${prettyJson(body)}${index === last ? '\n]' : ''}`);
}

/**
 * An error after status 200. With SSE Google sends the error object bare, without `data:`; in
 * the array framing it is the array's next element, then the array closes.
 */
export function frameMidStreamError(errorBody: unknown, framing: StreamFraming, chunksSent: number): string {
  if (framing === 'sse') return `${prettyJson(errorBody)}\n`;
  return `${chunksSent === 0 ? '[' : '\n,\r\n'}${prettyJson(errorBody)}\n]`;
}
