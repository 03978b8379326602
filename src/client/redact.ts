/**
 * Keeps API keys out of everything relaybench writes. Relays echo keys back in error text, and URLs
 * carry them in `?key=`, so redaction is by value (every configured key, raw and URL-encoded) and
 * by shape (key-bearing query parameters and auth headers) — the second catches keys we were never
 * told about, such as a relay's own upstream key leaking into its error page.
 */

/** What a key is replaced with in everything relaybench writes. */
export const REDACTED = '[REDACTED]';

/** Replaces every API key a text may hold with {@link REDACTED}; pure, total (never throws). */
export type Redactor = (text: string) => string;

/**
 * Key shapes in one alternation, so each string is scanned once (the redactor runs on every cell
 * of every row): `?key=` style query parameters, Bearer tokens, x-goog-api-key header text, and
 * Google API keys (AIza + 35 characters). Each alternative captures the prefix to keep.
 */
const KEY_SHAPES = new RegExp(
  [
    /([?&](?:key|api_key|apikey|access_token)=)[^&#\s"']+/.source,
    /(\bBearer\s+)[A-Za-z0-9._~+/=-]{8,}/.source,
    /(\bx-goog-api-key["']?\s*[:=]\s*["']?)[^\s"',}]+/.source,
    /(\bAIza)[0-9A-Za-z_-]{35}/.source,
  ].join('|'),
  'gi',
);

/** Builds a redactor for the given secrets. Secrets shorter than 4 characters are ignored: replacing them would shred ordinary text. */
export function createRedactor(secrets: Iterable<string | undefined>): Redactor {
  const needles = new Set<string>();
  for (const secret of secrets) {
    if (secret === undefined || secret.length < 4) continue;
    needles.add(secret);
    needles.add(encodeURIComponent(secret));
  }
  // Longest first, so a key that contains another key is replaced whole.
  const ordered = [...needles].sort((a, b) => b.length - a.length);
  return (text: string): string => {
    let out = text;
    for (const needle of ordered) {
      if (out.includes(needle)) out = out.split(needle).join(REDACTED);
    }
    return out.replace(KEY_SHAPES, (_match, query?: string, bearer?: string, header?: string, googleKey?: string) => `${query ?? bearer ?? header ?? googleKey ?? ''}${REDACTED}`);
  };
}
