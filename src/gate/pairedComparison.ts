import { holmAdjust, mcnemarExactOneSided } from '../stats/index.js';
import { compareThinking, thinkingLongLabel } from '../plan/thinking.js';
import { countPairs, isDrop, isRise, pairJobs, pairTotal, type JobPair, type PairCounts, type UnpairedCounts } from './pairs.js';
import { pairedPower, type PairedPower } from './pairedPower.js';

/** p-values are sums of floating-point terms: an exact 1/20 may arrive as 0.05000000000000001. */
const P_TOLERANCE = 1 + 1e-9;

/** A change is significant when p ≤ alpha, with room for the rounding of the sum. */
export function isSignificant(pValue: number, alpha: number): boolean {
  return pValue <= alpha * P_TOLERANCE;
}

/**
 * The families of the design: the whole run, each relay, each thinking setting, each case (pooled
 * over relays, settings and repeats). Holm's correction applies inside a family.
 */
export type PairedFamily = 'overall' | 'relay' | 'thinking' | 'case';

/** Families whose significant drop fails the comparison (README.md#use-in-ci); `thinking` is reported only. */
export const DECIDING_FAMILIES: readonly PairedFamily[] = ['overall', 'relay', 'case'];

/** One exact McNemar test on the pairs of one group. */
export interface PairedTest {
  family: PairedFamily;
  /** The relay name, the thinking label (`budget 1024`), the case id, or '' overall. */
  group: string;
  counts: PairCounts;
  /** One-sided exact McNemar p for a drop: P(X ≥ pass→fail | n = discordant pairs, 1/2). */
  dropP: number;
  /** The same for a rise: P(X ≥ fail→pass | n, 1/2). */
  riseP: number;
  /** Holm-adjusted inside the family (the raw p for the overall test, a family of one). */
  dropPAdjusted: number;
  risePAdjusted: number;
  /** The pass rate credibly dropped: dropPAdjusted ≤ alpha. */
  drop: boolean;
  /** The pass rate credibly rose: risePAdjusted ≤ alpha. Never fails the comparison. */
  rise: boolean;
}

/** `alpha`: family-wise significance level inside each Holm family; `failOnFlip`: any pass→fail pair fails. */
export interface PairedComparisonOptions {
  alpha: number;
  /** Fail on any pass→fail pair, significant or not: the strict mode for deterministic suites. */
  failOnFlip?: boolean;
}

/** What the paired comparison found and decided. Everything a printer needs; no I/O. */
export interface PairedComparison {
  alpha: number;
  failOnFlip: boolean;
  /** Every pair, in this run's row order. */
  pairs: JobPair[];
  counts: PairCounts;
  unpaired: UnpairedCounts;
  overall: PairedTest;
  relays: PairedTest[];
  thinking: PairedTest[];
  cases: PairedTest[];
  /** Every pass→fail pair, significant or not, in case, relay, setting, repeat order. */
  drops: JobPair[];
  /** Every fail→pass pair, in the same order. */
  rises: JobPair[];
  /** The deciding tests (overall, per relay, per case) that show a significant drop. */
  significantDrops: PairedTest[];
  /** The tests in any family that show a significant rise. */
  significantRises: PairedTest[];
  power: PairedPower;
  /** A significant drop in a deciding family, or (with failOnFlip) any pass→fail pair. */
  failed: boolean;
}

function testOf(family: PairedFamily, group: string, pairs: readonly JobPair[]): Omit<PairedTest, 'dropPAdjusted' | 'risePAdjusted' | 'drop' | 'rise'> {
  const counts = countPairs(pairs);
  return { family, group, counts, dropP: mcnemarExactOneSided(counts.passFail, counts.failPass), riseP: mcnemarExactOneSided(counts.failPass, counts.passFail) };
}

/** Names in order with numbers inside them compared as numbers (case-2 before case-10). */
const byName = (left: string, right: string): number => left.localeCompare(right, undefined, { numeric: true });

/**
 * Tests every group of a family and applies Holm's correction to drops and rises separately.
 * Groups are listed by name, or by `order` on their first pair when given (thinking settings).
 */
function familyTests(
  family: PairedFamily,
  pairs: readonly JobPair[],
  groupOf: (pair: JobPair) => string,
  alpha: number,
  order?: (left: JobPair, right: JobPair) => number,
): PairedTest[] {
  const groups = new Map<string, JobPair[]>();
  for (const pair of pairs) {
    const key = groupOf(pair);
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [pair]);
    else list.push(pair);
  }
  const sorted = [...groups].sort(([left, leftPairs], [right, rightPairs]) =>
    order === undefined ? byName(left, right) : order(leftPairs[0] as JobPair, rightPairs[0] as JobPair),
  );
  const raw = sorted.map(([group, groupPairs]) => testOf(family, group, groupPairs));
  const dropAdjusted = holmAdjust(raw.map((test) => test.dropP));
  const riseAdjusted = holmAdjust(raw.map((test) => test.riseP));
  return raw.map((test, index) => {
    const dropPAdjusted = dropAdjusted[index] as number;
    const risePAdjusted = riseAdjusted[index] as number;
    return { ...test, dropPAdjusted, risePAdjusted, drop: isSignificant(dropPAdjusted, alpha), rise: isSignificant(risePAdjusted, alpha) };
  });
}

/** Thinking settings in the one order of plan/thinking.ts (budgets by size, dynamic last; levels minimal → high). */
const byThinking = (left: JobPair, right: JobPair): number => compareThinking(left.thinking, right.thinking);

/** Case, relay, setting, repeat. */
const byJob = (left: JobPair, right: JobPair): number =>
  byName(left.caseId, right.caseId) || byName(left.relay, right.relay) || byThinking(left, right) || left.repeat - right.repeat;

/**
 * The paired comparison of README.md#use-in-ci ("Comparing with a baseline"): pairs jobs by job_id, runs the
 * one-sided exact McNemar test (McNemar 1947) overall, per relay, per thinking setting and per case,
 * with Holm's correction (Holm 1979) inside each family, and fails when the overall test or a
 * corrected per-relay or per-case test shows a drop at alpha (or, with failOnFlip, on any
 * pass→fail pair). Pairing removes the between-case variance that an unpaired comparison of pass
 * rates carries (Miller 2024, "Adding Error Bars to Evals", on paired differences), which is
 * what lets a 1-repeat run show a regression. Pure.
 */
export function comparePaired(current: Parameters<typeof pairJobs>[0], baseline: Parameters<typeof pairJobs>[1], options: PairedComparisonOptions): PairedComparison {
  const { alpha } = options;
  const failOnFlip = options.failOnFlip === true;
  const { pairs, unpaired } = pairJobs(current, baseline);
  const [overall] = familyTests('overall', pairs, () => '', alpha);
  const overallTest = overall ?? { ...testOf('overall', '', []), dropPAdjusted: 1, risePAdjusted: 1, drop: false, rise: false };
  const relays = familyTests('relay', pairs, (pair) => pair.relay, alpha);
  const hasThinking = pairs.some((pair) => pair.thinking.kind !== 'none');
  const thinking = hasThinking ? familyTests('thinking', pairs, (pair) => thinkingLongLabel(pair.thinking, ''), alpha, byThinking) : [];
  const cases = familyTests('case', pairs, (pair) => pair.caseId, alpha);
  const deciding = [overallTest, ...relays, ...cases];
  const significantDrops = deciding.filter((test) => test.drop);
  const significantRises = [overallTest, ...relays, ...thinking, ...cases].filter((test) => test.rise);
  const drops = pairs.filter(isDrop).sort(byJob);
  const rises = pairs.filter(isRise).sort(byJob);
  const counts = overallTest.counts;
  return {
    alpha,
    failOnFlip,
    pairs,
    counts,
    unpaired,
    overall: overallTest,
    relays,
    thinking,
    cases,
    drops,
    rises,
    significantDrops,
    significantRises,
    power: pairedPower(pairs, cases.length, alpha),
    failed: significantDrops.length > 0 || (failOnFlip && drops.length > 0),
  };
}

/** True when the pairs hold at least one job. */
export const hasPairs = (comparison: PairedComparison): boolean => pairTotal(comparison.counts) > 0;
