/**
 * Spreadsheet formula injection (CSV injection, CWE-1236), neutralised reversibly.
 *
 * Rule (OWASP "CSV Injection"; OWASP ASVS 1.2.10; CWE-1236): a cell a spreadsheet would read as a
 * formula gets one leading apostrophe, which Excel, LibreOffice Calc and Google Sheets take as
 * "this cell is text". A cell is neutralised when it starts with
 * - `=`, `+`, `-`, `@`, tab, carriage return or line feed (OWASP's list, plus line feed);
 * - their full-width forms `＝ ＋ － ＠`, the minus sign `−` and the katakana prolonged mark `ー`,
 *   which Japanese Excel reads as formula starts (OWASP www-community issue #1088);
 * - any run of whitespace (ASCII or Unicode, incl. no-break space, zero-width space, BOM) followed
 *   by one of the above (spreadsheets trim it before deciding, e.g. ` =cmd|…`, `\u00A0=HYPERLINK`);
 * - an apostrophe, so that reading back is exact: readers strip exactly one leading apostrophe.
 * A plain decimal number (`-1`, `-12.5`, `3e-4`) is left as it is: it is a number, not a formula,
 * and numeric columns such as `thinking_budget` (-1 = dynamic) must stay numbers in a spreadsheet.
 *
 * NUL bytes (U+0000) are replaced by U+FFFD (the Unicode replacement character) before anything
 * else: many tools truncate or reject a text file at a NUL, and a visible U+FFFD says something
 * was there. This one step is not reversible, by design.
 */

/** First characters that make a cell a formula (after any leading whitespace). */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r', '\n', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', '\u2212', '\u30FC']);
/** Whitespace a spreadsheet may skip before the formula start. */
const LEADING_SPACE = /^[\s\u200B-\u200D\u2060\uFEFF]+/u;
/** A decimal number as we write them: stays a number. */
const PLAIN_NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** True when `code` (a UTF-16 unit) is an ASCII letter or digit other than those below: the fast path. */
function isSafeStart(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/**
 * The cell as written to a CSV file: NUL bytes replaced by U+FFFD, then one leading apostrophe
 * when a spreadsheet would run it as a formula or when it already starts with an apostrophe.
 * Pure; `restoreCell(neutraliseCell(t)) === t` for every `t` without NUL.
 */
export function neutraliseCell(text: string): string {
  const clean = text.includes('\u0000') ? text.replaceAll('\u0000', '\uFFFD') : text;
  if (clean.length === 0 || isSafeStart(clean.charCodeAt(0))) return clean;
  return needsApostrophe(clean) ? `'${clean}` : clean;
}

function needsApostrophe(text: string): boolean {
  const first = text[0] as string;
  if (first === "'") return true;
  if (FORMULA_START.has(first)) return !PLAIN_NUMBER.test(text);
  const space = LEADING_SPACE.exec(text);
  if (space === null) return false;
  const next = text[space[0].length];
  return next !== undefined && FORMULA_START.has(next);
}

/** A cell as read from a CSV file relaybench wrote: one leading apostrophe removed. Pure. */
export function restoreCell(cell: string): string {
  return cell.charCodeAt(0) === 0x27 ? cell.slice(1) : cell;
}

const NEEDS_QUOTES = /[",\n\r]/;
/** Characters that need a second look: quoting, or a NUL to replace. One scan for both. */
const SPECIAL = /[",\n\r\u0000]/;

/**
 * One CSV record, byte for byte as csv-stringify writes it with its defaults (RFC 4180: a field
 * holding a comma, quote or line break is quoted, quotes doubled; records end in \n; an undefined
 * cell is empty, numbers and booleans as String() writes them), except that every string cell is
 * first neutralised against formula injection (`neutraliseCell`: a leading apostrophe, NUL → U+FFFD;
 * readers undo it with `restoreCell`). Used for every CSV relaybench writes. Written
 * by hand because it runs once per job on the hot path, where the library's per-call option
 * handling cost more than the row itself.
 */
export function csvLine(cells: ReadonlyArray<string | number | boolean | undefined>): string {
  let line = '';
  for (let index = 0; index < cells.length; index++) {
    const value = cells[index];
    if (index > 0) line += ',';
    if (typeof value === 'string') {
      // Fast path (most cells start with a letter or digit): one scan of the text, as before.
      let text = value.length === 0 || isSafeStart(value.charCodeAt(0)) ? value : neutraliseCell(value);
      if (SPECIAL.test(text)) {
        if (text.includes('\u0000')) text = text.replaceAll('\u0000', '\uFFFD');
        if (NEEDS_QUOTES.test(text)) text = `"${text.replaceAll('"', '""')}"`;
      }
      line += text;
    } else if (value !== undefined) line += String(value);
  }
  return `${line}\n`;
}

/** Records through `csvLine`, header first: the text of a whole CSV file. */
export function csvText(records: ReadonlyArray<ReadonlyArray<string | number | boolean | undefined>>): string {
  let text = '';
  for (const record of records) text += csvLine(record);
  return text;
}
