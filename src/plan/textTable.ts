/** How {@link textTable} lays rows out: a prefix for every line (`indent`, default none) and right-aligned numbers. */
export interface TextTableOptions {
  indent?: string;
  /** Right-align cells that are plain numbers, so counts line up by digit. */
  alignNumbers?: boolean;
}

/** Columns separated by two spaces, for plain-text console output. */
export function textTable(rows: ReadonlyArray<ReadonlyArray<string>>, options: TextTableOptions = {}): string {
  const { indent = '', alignNumbers = false } = options;
  const widths: number[] = [];
  for (const row of rows) {
    for (const [index, cell] of row.entries()) widths[index] = Math.max(widths[index] ?? 0, cell.length);
  }
  const pad = (cell: string, width: number): string => (alignNumbers && /^-?\d+(\.\d+)?$/.test(cell) ? cell.padStart(width) : cell.padEnd(width));
  return rows.map((row) => (indent + row.map((cell, index) => pad(cell, widths[index] ?? 0)).join('  ')).trimEnd()).join('\n');
}
