const SAMPLE_CHARS = 200;

/** C0 controls other than tab, line feed, form feed and carriage return, and U+FFFD (what a UTF-8 decoder makes of bytes that are not text). */
const NOT_TEXT = /[\u0000-\u0008\u000B\u000E-\u001F\uFFFD]/g;

/**
 * True when `text` is decoded binary (compressed or garbled bytes) rather than text: it holds a
 * NUL, or more than 1% of its characters are control characters or U+FFFD replacement characters.
 */
export function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const count = text.match(NOT_TEXT)?.length ?? 0;
  return count > 0 && count >= text.length * 0.01;
}

/** What a message says instead of binary bytes: `<N bytes of binary data>`. */
export function binaryNote(byteCount: number): string {
  return `<${byteCount} bytes of binary data>`;
}

/**
 * The head of some offending text: enough to recognise it in a report, bounded in size. Binary
 * content is never copied into a message: it becomes `<N bytes of binary data>` (N counted in
 * UTF-8, so approximate for bytes that were not UTF-8).
 */
export function sampleOf(text: string): string {
  if (looksBinary(text)) return binaryNote(Buffer.byteLength(text, 'utf8'));
  return text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
}
