/** Escapes what Markdown or GitHub's HTML would interpret; a case id is data, not markup. */
export function markdownText(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

/**
 * A GitHub-flavoured Markdown pipe table (github.github.com/gfm, "Tables"): the header row, a `---`
 * delimiter row, then one row per `body` entry. Cells are used as given, so escape data with
 * `markdownText` first; rows should have the header's length.
 */
export function markdownTable(header: string[], body: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...body.map(line)].join('\n');
}
