/** A plain-text table: columns padded to their widest cell; numbers right-aligned. Returns a string. */
export function formatTable(header: string[], body: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((row) => (row[column] ?? '').length)));
  const numeric = header.map((_, column) => body.length > 0 && body.every((row) => /^[-+]?[\d.,]+( ?[%s×]|ms)?$|^[–-]?$/.test(row[column] ?? '')));
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => (numeric[column] ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '─'.repeat(width)).join('  ');
  return [line(header), rule, ...body.map(line)].join('\n');
}
