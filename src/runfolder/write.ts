import { closeSync, openSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { SUMMARY_COLUMNS, type SummaryRow } from './columns.js';
import { csvText } from './csvCell.js';
import { runManifestSchema } from './manifest.js';
import { RUN_FILES } from './names.js';

/** Writes via a temporary file and a rename, so a crash never leaves a half-written summary. */
export function writeFileAtomic(path: string, text: string): void {
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

/**
 * `writeFileAtomic` for text given in parts (UTF-8), written one after the other: the file is
 * their concatenation, without ever holding it as one string or one buffer.
 */
export function writeFileAtomicParts(path: string, parts: readonly string[]): void {
  const temporary = `${path}.tmp-${process.pid}`;
  const fd = openSync(temporary, 'w');
  try {
    for (const part of parts) {
      const bytes = Buffer.from(part, 'utf8');
      for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
    }
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}

/** `summary.csv`; text cells (relay, model, level) neutralised against formula injection (csvCell.ts). */
export function writeSummaryCsv(outDir: string, rows: SummaryRow[]): void {
  const body = rows.map((row) => SUMMARY_COLUMNS.map((column) => (row[column] === undefined ? '' : String(row[column]))));
  writeFileAtomic(join(outDir, RUN_FILES.summary), csvText([[...SUMMARY_COLUMNS], ...body]));
}

/**
 * `run.json`, written as given (key order kept) after checking it against the one schema its
 * readers use (runfolder/manifest.ts), so a writer and its readers cannot drift apart silently. A
 * mismatch is a relaybench bug, not bad input: it is reported on stderr and the file is written
 * anyway, since the rows it describes are already on disk.
 */
export function writeRunJson(outDir: string, manifest: Record<string, unknown>): void {
  const checked = runManifestSchema.safeParse(manifest);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    process.stderr.write(
      `relaybench bug: the run.json written to ${outDir} does not match its schema (${issue?.path.join('.') || '(top level)'}: ${issue?.message ?? 'invalid'}); please report it.\n`,
    );
  }
  writeFileAtomic(join(outDir, RUN_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
}
