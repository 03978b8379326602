/** The result of reading a `.env` file: its variables and the 1-based lines that could not be read. */
export interface DotEnv {
  vars: Record<string, string>;
  malformedLines: number[];
  /** Why each malformed line could not be read, in the same order (never showing the value: it may be a secret). */
  malformedReasons: string[];
}

/** `[export ]KEY=` or `KEY: ` at the start of a line; keys as motdotla/dotenv takes them (`[\w.-]+`). */
const ASSIGNMENT = /^[ \t]*(?:export[ \t]+)?([\w.-]+)(?:[ \t]*=[ \t]*|:[ \t]+)/;

/**
 * Reads a `.env` file the way motdotla/dotenv (v16, lib/main.js `parse`) does, so a file that works
 * with it works here:
 * - CRLF and lone CR line ends are read as LF; blank lines and lines starting with `#` are skipped;
 * - `KEY=VALUE`, optional `export ` prefix, spaces around `=`, `KEY: VALUE`; the last of duplicates wins;
 * - a value in single, double or backtick quotes may span lines; the quotes are removed; inside
 *   double quotes `\n` and `\r` become a line feed and a carriage return (nothing else is unescaped,
 *   as in dotenv); a quote preceded by a backslash does not close the value;
 * - an unquoted value ends at `#` (an inline comment) or the end of the line and is trimmed;
 *   `KEY=` is the empty string; after a closing quote only spaces and a `# comment` may follow.
 * Unlike dotenv, which skips what it cannot read, a line it cannot read (no `KEY=`, an unclosed
 * quote, text after a closing quote) is reported by number, so a typo cannot silently unset a key.
 * No `${VAR}` interpolation inside `.env` (dotenv-expand's job; keep values literal).
 */
export function parseDotEnv(text: string): DotEnv {
  const source = text.replace(/\r\n?/g, '\n');
  const vars: Record<string, string> = {};
  const malformedLines: number[] = [];
  const malformedReasons: string[] = [];
  let offset = 0;
  let line = 1;
  while (offset < source.length) {
    const end = source.indexOf('\n', offset) === -1 ? source.length : source.indexOf('\n', offset);
    const rawLine = source.slice(offset, end);
    const trimmed = rawLine.trim();
    if (trimmed === '' || trimmed.startsWith('#')) {
      offset = end + 1;
      line += 1;
      continue;
    }
    const match = ASSIGNMENT.exec(rawLine);
    const read = match === null ? undefined : readValue(source, offset + match[0].length);
    if (match === null || typeof read === 'string' || read === undefined) {
      malformedLines.push(line);
      malformedReasons.push(typeof read === 'string' ? read : 'expected KEY=VALUE');
      offset = end + 1;
      line += 1;
      continue;
    }
    vars[match[1] as string] = read.value;
    line += countNewlines(source, offset, read.next);
    offset = read.next;
  }
  return { vars, malformedLines, malformedReasons };
}

const QUOTE_NAMES: Readonly<Record<string, string>> = { '"': 'double', "'": 'single', '`': 'backtick' };

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = from; index < to; index++) if (text.charCodeAt(index) === 0x0a) count += 1;
  return count;
}

/** The value starting at `start` and the offset just after its line, or why it cannot be read. */
function readValue(source: string, start: number): { value: string; next: number } | string {
  const quote = source[start];
  if (quote === '"' || quote === "'" || quote === '`') {
    let close = start + 1;
    for (; close < source.length; close++) {
      if (source[close] === '\\' && source[close + 1] === quote) close += 1;
      else if (source[close] === quote) break;
    }
    if (close >= source.length) return `the ${QUOTE_NAMES[quote]} quote is never closed`;
    const lineEnd = source.indexOf('\n', close) === -1 ? source.length : source.indexOf('\n', close);
    if (!/^[ \t]*(?:#.*)?$/.test(source.slice(close + 1, lineEnd))) return `text after the closing ${QUOTE_NAMES[quote]} quote`;
    const inner = source.slice(start + 1, close);
    const value = quote === '"' ? inner.replaceAll('\\n', '\n').replaceAll('\\r', '\r') : inner;
    return { value, next: lineEnd + 1 };
  }
  const lineEnd = source.indexOf('\n', start) === -1 ? source.length : source.indexOf('\n', start);
  const comment = source.indexOf('#', start);
  const valueEnd = comment !== -1 && comment < lineEnd ? comment : lineEnd;
  return { value: source.slice(start, valueEnd).trim(), next: lineEnd + 1 };
}
