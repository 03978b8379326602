import { thinkingLongLabel } from '../plan/thinking.js';
import type { JobPair, PairCounts } from './pairs.js';
import type { PairedComparison, PairedTest } from './pairedComparison.js';
import { percentagePoints, pValueNumber } from '../format/index.js';

/** `overall`, `relay flaky`, `budget 1024`, `case sum-1-999`: how a test is named everywhere. */
export function pairedTestLabel(test: Pick<PairedTest, 'family' | 'group'>): string {
  switch (test.family) {
    case 'overall':
      return 'overall';
    case 'relay':
      return `relay ${test.group}`;
    case 'thinking':
      return test.group;
    case 'case':
      return `case ${test.group}`;
  }
}

/** `6 pass→fail, 0 fail→pass of 10 pairs`. */
export function pairCountsText(counts: PairCounts): string {
  const total = counts.passPass + counts.passFail + counts.failPass + counts.failFail;
  return `${counts.passFail} pass→fail, ${counts.failPass} fail→pass of ${total} pair${total === 1 ? '' : 's'}`;
}

/** `p = 0.016` for a family of one, `p = 0.016, Holm-adjusted 0.047` otherwise. */
export function pValueText(test: PairedTest, direction: 'drop' | 'rise'): string {
  const raw = direction === 'drop' ? test.dropP : test.riseP;
  const adjusted = direction === 'drop' ? test.dropPAdjusted : test.risePAdjusted;
  return test.family === 'overall' || raw === adjusted ? `p = ${pValueNumber(raw)}` : `p = ${pValueNumber(raw)}, Holm ${pValueNumber(adjusted)}`;
}

/** `sum-1-999 · flaky · budget 0 · repeat 2`: where a flipped job is found in requests.csv. */
export function jobPairLabel(pair: JobPair): string {
  return [pair.caseId, pair.relay, thinkingLongLabel(pair.thinking, ''), `repeat ${pair.repeat}`].filter((part) => part !== '').join(' · ');
}

/**
 * The honest power statement, as sentences (the same words on the console and in Markdown):
 * the smallest drop the overall test could have shown, whether one case alone could have been
 * flagged, and the repeats a 10-point drop needs. Definitions in PairedPower.
 */
export function powerSentences(comparison: PairedComparison): string[] {
  const { power, alpha } = comparison;
  const sentences: string[] = [];
  if (power.smallestDetectableDrop === undefined) {
    sentences.push(
      `No drop could be significant here: at alpha ${alpha} the exact McNemar test needs at least ${power.fewestFlips} pass→fail pairs (p = 2^-${power.fewestFlips}), and there are only ${power.pairs} pairs.`,
    );
  } else {
    sentences.push(
      `Smallest detectable drop: ${percentagePoints(power.smallestDetectableDrop)} (${power.fewestFlips} of ${power.pairs} pairs flipping pass→fail and none back; p = 2^-${power.fewestFlips} ≤ ${alpha}).`,
    );
  }
  if (comparison.cases.length > 1 && power.mostPairsPerCase < power.fewestFlipsPerCase) {
    sentences.push(
      `No single case can be flagged on its own: after Holm over ${comparison.cases.length} cases a case needs ${power.fewestFlipsPerCase} pass→fail pairs, and each has at most ${power.mostPairsPerCase}.`,
    );
  }
  if (power.repeatsForReferenceDrop !== undefined) {
    sentences.push(
      `A 10-point drop would be detected with 80% power at ${power.repeatsForReferenceDrop} repeat(s) of these ${power.jobsPerRepeat} (case, relay, thinking) jobs, if it flips a tenth of the jobs one way and nothing flips back; flaky answers need more.`,
    );
  }
  return sentences;
}
