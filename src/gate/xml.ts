/**
 * Characters XML 1.0 forbids anywhere, even as character references: C0 controls other than tab,
 * newline and carriage return, U+FFFE, U+FFFF, and (with the `u` flag) unpaired surrogates. An
 * answer from a relay can hold any of them, and one would make the whole JUnit file unreadable.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;

/** Shows a forbidden character as `\u001B` rather than dropping it, so the report still says it was there. */
function visible(character: string): string {
  return `\\u${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Text content: safe inside an element (`]]>` cannot form because `>` is escaped). */
export function xmlText(value: string): string {
  return value.replace(FORBIDDEN, visible).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * An attribute value for double quotes. Tab, newline and carriage return become references,
 * because a parser turns them into spaces when they appear literally in an attribute.
 */
export function xmlAttribute(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/** `name="value" other="…"` from an ordered list of pairs. */
export function xmlAttributes(pairs: Array<[string, string | number]>): string {
  return pairs.map(([name, value]) => `${name}="${xmlAttribute(String(value))}"`).join(' ');
}
