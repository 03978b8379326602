import { fewestOneWayFlipsForSignificance, pairsForOneWayDrop } from '../stats/index.js';
import { thinkingLongLabel } from '../plan/thinking.js';
import type { JobPair } from './pairs.js';

/** The drop the power statement is about: 10 points of pass rate. */
export const REFERENCE_DROP = 0.1;
/** Power the repeat estimate aims for (the usual 80%). */
export const REFERENCE_POWER = 0.8;

/**
 * What this comparison could have seen, stated from the pairs it had.
 *
 * Definitions (one-sided exact McNemar, McNemar 1947): b discordant pairs all pass→fail give
 * p = 2^−b, the smallest p any b flips can give, so at least b* = ⌈log2(1/alpha)⌉ flips are needed.
 * The smallest detectable drop is b* / pairs: the best case, where every flip goes one way; flips
 * in both directions need more.
 */
export interface PairedPower {
  pairs: number;
  /** b*: the fewest one-way flips the overall test can call a drop at alpha. */
  fewestFlips: number;
  /** b* / pairs, as a share (0.05 = 5 points); undefined when pairs < b* (no drop can be shown). */
  smallestDetectableDrop: number | undefined;
  /** The fewest one-way flips a single case needs after Holm over this many cases: ⌈log2(cases / alpha)⌉. */
  fewestFlipsPerCase: number;
  /** The most pairs any one case has. */
  mostPairsPerCase: number;
  /** Distinct (case, relay, thinking setting) among the pairs: jobs added by each extra repeat. */
  jobsPerRepeat: number;
  /** The repeats that give 80% power to detect a 10-point drop overall (one-way flips; see pairsForOneWayDrop). */
  repeatsForReferenceDrop: number | undefined;
}

/** Computes {@link PairedPower} from the pairs and the size of the per-case family. Pure. */
export function pairedPower(pairs: readonly JobPair[], caseCount: number, alpha: number): PairedPower {
  const fewestFlips = fewestOneWayFlipsForSignificance(alpha);
  const perCase = new Map<string, number>();
  const cells = new Set<string>();
  for (const pair of pairs) {
    perCase.set(pair.caseId, (perCase.get(pair.caseId) ?? 0) + 1);
    cells.add([pair.caseId, pair.relay, thinkingLongLabel(pair.thinking, '')].join('\u0000'));
  }
  const jobsPerRepeat = cells.size;
  const pairsNeeded = pairsForOneWayDrop(REFERENCE_DROP, alpha, REFERENCE_POWER);
  return {
    pairs: pairs.length,
    fewestFlips,
    smallestDetectableDrop: pairs.length >= fewestFlips ? fewestFlips / pairs.length : undefined,
    fewestFlipsPerCase: caseCount === 0 ? fewestFlips : fewestOneWayFlipsForSignificance(alpha / caseCount),
    mostPairsPerCase: Math.max(0, ...perCase.values()),
    jobsPerRepeat,
    repeatsForReferenceDrop: jobsPerRepeat === 0 || !Number.isFinite(pairsNeeded) ? undefined : Math.ceil(pairsNeeded / jobsPerRepeat),
  };
}
