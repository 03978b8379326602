/** The result of reading a `.env` file: its variables and the 1-based lines that could not be read. */
export interface DotEnv {
  vars: Record<string, string>;
  malformedLines: number[];
}

const ASSIGNMENT = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/;

/**
 * Reads the simple `.env` dialect people keep beside a suite: `KEY=VALUE` lines, `#` comments,
 * optional `export`, values optionally in single or double quotes. No interpolation or
 * multi-line values: anything fancier belongs in the real environment.
 */
export function parseDotEnv(text: string): DotEnv {
  const vars: Record<string, string> = {};
  const malformedLines: number[] = [];
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = ASSIGNMENT.exec(line);
    if (match === null) {
      malformedLines.push(index + 1);
      return;
    }
    const [, key = '', rawValue = ''] = match;
    vars[key] = unquote(rawValue);
  });
  return { vars, malformedLines };
}

function unquote(value: string): string {
  const quote = value[0];
  if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote)) {
    return value.slice(1, -1);
  }
  // An unquoted value ends where a ` #` comment starts.
  return value.replace(/\s+#.*$/, '').trim();
}
