import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDotEnv } from './dotEnv.js';
import type { SuiteIssue } from './issues.js';

/**
 * The outcome of reading a UTF-8 file: its `text`, or `missing` (ENOENT) with the Node error code
 * (`EACCES`, `EISDIR`, …) or message as `reason`, for a one-line file:1:1 SuiteIssue.
 */
export type TextRead = { ok: true; text: string } | { ok: false; missing: boolean; reason: string };

/**
 * Reads `file` as UTF-8 into a TextRead. Never throws: a missing or unreadable file is returned as
 * `{ ok: false }` so the caller reports it as a SuiteIssue (exit 2) next to the other problems.
 */
export async function readText(file: string): Promise<TextRead> {
  try {
    return { ok: true, text: await readFile(file, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, missing: code === 'ENOENT', reason: code ?? String(error) };
  }
}

/** `dir/x` for display, keeping the user's relative spelling (`suites/relays.yaml`). */
export function displayPathBeside(displayFile: string, relative: string): string {
  return path.isAbsolute(relative) ? relative : path.join(path.dirname(displayFile), relative);
}

/**
 * The `.env` beside a suite: its `KEY=VALUE` variables, and one SuiteIssue per malformed line
 * (located by line, its content never shown since it may hold a key) or an unreadable file.
 */
export interface DotEnvRead {
  vars: Record<string, string>;
  issues: SuiteIssue[];
}

/** The optional `.env` beside a suite. Malformed lines are issues; their content is not shown (secrets). */
export async function readDotEnvBeside(suiteFile: string, displaySuiteFile: string): Promise<DotEnvRead> {
  const read = await readText(path.join(path.dirname(suiteFile), '.env'));
  const file = displayPathBeside(displaySuiteFile, '.env');
  if (!read.ok) {
    const issues = read.missing ? [] : [{ file, line: 1, col: 1, path: '', message: `cannot read: ${read.reason}` }];
    return { vars: {}, issues };
  }
  const { vars, malformedLines, malformedReasons } = parseDotEnv(read.text);
  return {
    vars,
    issues: malformedLines.map((line, index) => {
      const message = malformedReasons[index] ?? 'expected KEY=VALUE';
      const hint = message === 'expected KEY=VALUE' ? 'Comment lines start with #' : 'Close the quote; a quoted value may span lines';
      return { file, line, col: 1, path: '', message, hint };
    }),
  };
}
