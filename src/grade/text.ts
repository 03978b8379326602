/** Helpers shared by the graders' reasons: one line per reason, readable in a CSV cell or a console table. */

const PREVIEW_CODE_POINTS = 120;

/**
 * An answer as a reason quotes it: JSON-escaped (newlines show as `\n`, so the reason stays one
 * line) and cut to ~120 characters with an ellipsis, because the full answer has its own column.
 */
export function preview(answer: string, maxCodePoints = PREVIEW_CODE_POINTS): string {
  // A code point takes at most two UTF-16 units, so this window holds enough of them to cut from.
  const codePoints = [...answer.slice(0, maxCodePoints * 2 + 2)];
  const shown = codePoints.length > maxCodePoints ? `${codePoints.slice(0, maxCodePoints).join('')}…` : answer;
  return JSON.stringify(shown);
}

/** An expected value as a reason quotes it: in full, since the suite author wrote it and wants to recognise it. */
export function quote(text: string): string {
  return JSON.stringify(text);
}

/** `["a", "b"]`: a list of expected strings. */
export function quoteList(texts: readonly string[]): string {
  return `[${texts.map(quote).join(', ')}]`;
}

/** The comparison key for `ignoreCase` expectations; identity otherwise. */
export function caseFolder(ignoreCase: boolean | undefined): (text: string) => string {
  return ignoreCase === true ? (text) => text.toLowerCase() : (text) => text;
}

/** Escape a literal for use inside a RegExp source. */
export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
