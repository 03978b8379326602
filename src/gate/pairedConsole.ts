import { formatTable } from '../report/table.js';
import { DECIDING_FAMILIES, hasPairs, type PairedComparison, type PairedTest } from './pairedComparison.js';
import { jobPairLabel, powerSentences } from './pairedText.js';
import { pValueNumber } from '../format/index.js';

/** Every test of every family, overall first; families in the design's order. */
export function allPairedTests(comparison: PairedComparison): PairedTest[] {
  return [comparison.overall, ...comparison.relays, ...comparison.thinking, ...comparison.cases];
}

/** DROP / IMPROVEMENT / `drop (reported)` for a per-thinking drop, which does not decide; '' otherwise. */
export function pairedResult(test: PairedTest): string {
  if (test.drop) return DECIDING_FAMILIES.includes(test.family) ? 'DROP' : 'drop (reported only)';
  if (test.rise) return 'IMPROVEMENT';
  return '';
}

/** The direction a test leans: `drop` when pass→fail pairs are at least as many as fail→pass. */
export function leaning(test: PairedTest): 'drop' | 'rise' {
  return test.counts.passFail >= test.counts.failPass ? 'drop' : 'rise';
}

/** One table row: family, group, the two discordant counts, p and Holm p in the direction the test leans, result. */
export function pairedTableRow(test: PairedTest): string[] {
  const drop = leaning(test) === 'drop';
  return [
    test.family === 'thinking' ? 'thinking (reported only)' : test.family,
    test.family === 'overall' ? 'all pairs' : test.group,
    String(test.counts.passFail),
    String(test.counts.failPass),
    `${pValueNumber(drop ? test.dropP : test.riseP)}${drop ? '' : ' (rise)'}`,
    pValueNumber(drop ? test.dropPAdjusted : test.risePAdjusted),
    pairedResult(test),
  ];
}

/** Column titles of {@link pairedTableRow}. */
export const PAIRED_TABLE_HEADER = ['family', 'group', 'pass→fail', 'fail→pass', 'p (one-sided)', 'Holm p', 'result'];

/** `relaybench run --baseline` / `gate --baseline`: the not-paired counts in one sentence. */
export function unpairedSentence(comparison: PairedComparison): string | undefined {
  const { onlyCurrent, onlyBaseline, ungradedEither, ungradedCurrent, ungradedBaseline } = comparison.unpaired;
  const parts: string[] = [];
  if (onlyCurrent > 0) parts.push(`${onlyCurrent} job(s) only in this run`);
  if (onlyBaseline > 0) parts.push(`${onlyBaseline} only in the baseline`);
  if (ungradedEither > 0) parts.push(`${ungradedEither} in both but not graded on both sides (${ungradedCurrent} errored or ungraded now, ${ungradedBaseline} in the baseline)`);
  return parts.length === 0 ? undefined : `Not paired: ${parts.join(', ')}.`;
}

/**
 * The paired comparison for a CI log: the four outcome counts, each test that saw a discordant pair
 * (family, counts, raw and Holm-adjusted p, result), every pass→fail and fail→pass job by name, and
 * the power statement. Plain text lines.
 */
export function pairedConsoleLines(comparison: PairedComparison, name: string | undefined): string[] {
  const { counts } = comparison;
  const drops = comparison.significantDrops.length;
  const header =
    `Baseline${name === undefined ? '' : ` ${name}`} (paired by job_id; exact McNemar, one-sided; Holm within each family; alpha ${comparison.alpha}` +
    `${comparison.failOnFlip ? '; --fail-on-flip' : ''}): ${drops} significant drop(s), ${comparison.significantRises.length} improvement(s)`;
  const lines = [header];
  if (!hasPairs(comparison)) {
    lines.push('  No pairs: no job was graded in both runs, so nothing could be compared.');
    const unpaired = unpairedSentence(comparison);
    if (unpaired !== undefined) lines.push(`  ${unpaired}`);
    return lines;
  }
  const total = counts.passPass + counts.passFail + counts.failPass + counts.failFail;
  lines.push(`  ${total} pairs: ${counts.passPass} pass→pass, ${counts.passFail} pass→fail, ${counts.failPass} fail→pass, ${counts.failFail} fail→fail`);
  const unpaired = unpairedSentence(comparison);
  if (unpaired !== undefined) lines.push(`  ${unpaired}`);
  // A group with one discordant pair (p = 1/2) can never be significant: such groups are counted, not tabled (summary.md lists them).
  const discordant = (test: PairedTest): number => test.counts.passFail + test.counts.failPass;
  const moved = allPairedTests(comparison).filter((test) => discordant(test) > 1 || (discordant(test) === 1 && test.family === 'overall'));
  const single = allPairedTests(comparison).filter((test) => discordant(test) === 1 && test.family !== 'overall').length;
  if (moved.length > 0) {
    const table = formatTable(PAIRED_TABLE_HEADER, moved.map(pairedTableRow));
    lines.push(...table.split('\n').map((line) => `  ${line}`));
  }
  if (single > 0) lines.push(`  (${single} more group(s) with a single discordant pair, p = 0.5: listed in summary.md)`);
  lines.push(`  pass→fail jobs (${comparison.drops.length}):${comparison.drops.length === 0 ? ' none' : ''}`);
  for (const pair of comparison.drops) lines.push(`    ${jobPairLabel(pair)}`);
  if (comparison.rises.length > 0) {
    lines.push(`  fail→pass jobs (${comparison.rises.length}):`);
    for (const pair of comparison.rises) lines.push(`    ${jobPairLabel(pair)}`);
  }
  for (const sentence of powerSentences(comparison)) lines.push(`  ${sentence}`);
  return lines;
}
