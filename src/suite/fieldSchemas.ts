import { z } from 'zod';

/** Names that end up as folder names under results/, so they must be safe on every OS. */
export const folderSafeName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
  error: 'must be a folder-safe name: letters, digits, ".", "_" or "-", starting with a letter or digit, at most 64 characters',
});

/**
 * An integer ≥ 1 (zod), for counts such as `repeats`, `concurrency`, `topK`, `maxOutputTokens`; a
 * value in ms or tokens keeps its unit in the field's name. A failure is a SuiteIssue at the field.
 */
export const positiveInt = z.number().int().min(1);

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * A string that the WHATWG URL parser accepts with scheme `http:` or `https:` (a relay's `baseUrl`
 * and `proxy`); anything else is a SuiteIssue "must be an http:// or https:// URL".
 */
export const httpUrl = z.string().refine(isHttpUrl, { error: 'must be an http:// or https:// URL' });

/** A list whose duplicates would plan the same job twice. */
export function uniqueList<Item extends z.ZodType>(item: Item) {
  return z
    .array(item)
    .min(1)
    .superRefine((items, ctx) => {
      items.forEach((value, index) => {
        if (items.indexOf(value) !== index) {
          ctx.addIssue({ code: 'custom', path: [index], message: `duplicate value ${JSON.stringify(value)}` });
        }
      });
    });
}

/** RFC 9110 §5.6.2 `token`: what a header name may be. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** RFC 9110 §5.5 field-value characters, as undici enforces them (tab, visible ASCII, space, obs-text). */
const HEADER_VALUE_BAD = /[^\t\x20-\x7e\x80-\xff]/;

/**
 * A relay's `headers:`. Names must be RFC 9110 tokens and values field-value characters: undici
 * refuses anything else on every request (`UND_ERR_INVALID_ARG: invalid header key`), which made
 * every job a retried connection error instead of one load-time error. A bad value is located by
 * character, never quoted: after `${NAME}` expansion it may hold a key.
 */
export const headersSchema = z.record(z.string(), z.string()).superRefine((headers, ctx) => {
  for (const [name, value] of Object.entries(headers)) {
    if (!HEADER_NAME.test(name)) {
      const bad = [...name].findIndex((char) => !HEADER_NAME.test(char));
      const at = bad < 0 ? 'it is empty' : `${codePoint([...name][bad] as string)} at character ${bad + 1}`;
      ctx.addIssue({
        code: 'custom',
        path: [name],
        message: `header name ${JSON.stringify(name)} is not an HTTP token (${at}); a name is letters, digits and !#$%&'*+-.^_\`|~ (RFC 9110 §5.6.2), and \${NAME} is not expanded in names`,
      });
    }
    const badValue = HEADER_VALUE_BAD.exec(value);
    if (badValue !== null) {
      ctx.addIssue({
        code: 'custom',
        path: [name],
        message: `header value has ${codePoint(badValue[0])} at character ${[...value.slice(0, badValue.index)].length + 1}, which HTTP does not allow in a header (a line break would split it); remove it`,
      });
    }
  }
});

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
