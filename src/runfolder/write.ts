import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUMMARY_COLUMNS, type SummaryRow } from './columns.js';
import { csvText } from './csvCell.js';

/** Writes via a temporary file and a rename, so a crash never leaves a half-written summary. */
export function writeFileAtomic(path: string, text: string): void {
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

/** `summary.csv`; text cells (relay, model, level) neutralised against formula injection (csvCell.ts). */
export function writeSummaryCsv(outDir: string, rows: SummaryRow[]): void {
  const body = rows.map((row) => SUMMARY_COLUMNS.map((column) => (row[column] === undefined ? '' : String(row[column]))));
  writeFileAtomic(join(outDir, 'summary.csv'), csvText([[...SUMMARY_COLUMNS], ...body]));
}

export function writeRunJson(outDir: string, manifest: Record<string, unknown>): void {
  writeFileAtomic(join(outDir, 'run.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}
