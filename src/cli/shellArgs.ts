import { relative } from 'node:path';
import { describeFilter, isFiltered, type PlanFilter } from '../plan/filter.js';

/**
 * Quotes one argument for a copy-pasteable POSIX shell command: left bare when it holds only
 * `[A-Za-z0-9_@%+=:,./-]`, else single-quoted with each `'` written as `'\''` (POSIX sh, "Quoting":
 * nothing inside single quotes is special, so a quote is closed, escaped and reopened).
 */
export function quoteArg(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, "'\\''")}'`;
}

/** A path relative to the working directory when it is inside it (`.` for the directory itself), else the path as given. */
export function displayPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown === '' ? '.' : shown.startsWith('..') ? path : shown;
}

/**
 * The copy-pasteable command that resumes a run folder: `relaybench run SUITE --resume DIR`, plus
 * the shard (`--shard i/n`) and filter flags the run was started with. `--max-cost` is added by the
 * caller (a capped run suggests a higher one).
 */
export function resumeCommand(file: string, outDir: string, shard: { index: number; count: number } | undefined, filter: PlanFilter): string {
  return `relaybench run ${quoteArg(file)} --resume ${quoteArg(outDir)}${shard === undefined ? '' : ` --shard ${shard.index}/${shard.count}`}${isFiltered(filter) ? ` ${describeFilter(filter)}` : ''}`;
}
