import type { RequestRow } from '../../runfolder/columns.js';
import { passCell } from '../../runfolder/cells.js';
import { pValueEquation, percentAdaptive } from '../../format/index.js';
import { okRows } from '../rowValues.js';
import { holmAdjust, mantelHaenszelLessP, type Stratum } from '../../stats/index.js';
import { judged, notApplicable, type RelayEvidence, type VerdictResult } from '../types.js';
import { caseSettingKey } from './baseline.js';

/**
 * Family-wise error rate over all relays compared in one run. 1% rather than 5%: a run compares
 * many relays and is repeated often, and a false "answers worse" accuses an honest relay; a
 * swapped cheaper model (30 points less accurate) still clears it with three repeats.
 */
const ALPHA = 0.01;

/** Successful rows with a grade: an error is not a wrong answer (it has its own checks). */
const graded = (rows: readonly RequestRow[]): RequestRow[] => okRows(rows).filter((row) => passCell(row.pass) !== undefined);
const passed = (row: RequestRow): boolean => passCell(row.pass) === true;
const modelOf = (rows: readonly RequestRow[]): string => String(rows[0]?.model ?? '');

function passRate(rows: readonly RequestRow[]): number {
  return rows.length === 0 ? 0 : rows.filter(passed).length / rows.length;
}

interface Comparison {
  relay: string;
  against: string;
  how: string;
  own: number;
  theirs: number;
  jobs: number;
  p: number;
}

/** Both relays' graded rows on the (case, setting) pairs they share, as one 2×2 table per pair. */
function pairedStrata(own: readonly RequestRow[], theirs: readonly RequestRow[]): { strata: Stratum[]; ownRows: RequestRow[]; theirRows: RequestRow[] } {
  const theirsByKey = new Map<string, RequestRow[]>();
  for (const row of theirs) theirsByKey.set(caseSettingKey(row), [...(theirsByKey.get(caseSettingKey(row)) ?? []), row]);
  const ownByKey = new Map<string, RequestRow[]>();
  for (const row of own) if (theirsByKey.has(caseSettingKey(row))) ownByKey.set(caseSettingKey(row), [...(ownByKey.get(caseSettingKey(row)) ?? []), row]);
  const strata: Stratum[] = [];
  const ownRows: RequestRow[] = [];
  const theirRows: RequestRow[] = [];
  for (const [key, mine] of ownByKey) {
    const other = theirsByKey.get(key) ?? [];
    ownRows.push(...mine);
    theirRows.push(...other);
    const aPass = mine.filter(passed).length;
    const bPass = other.filter(passed).length;
    strata.push({ aPass, aFail: mine.length - aPass, bPass, bFail: other.length - bPass });
  }
  return { strata, ownRows, theirRows };
}

/**
 * Quality parity for every relay at once (the correction spans them all): is a relay's pass rate
 * significantly below the reference's, or without one below the best relay's for the same model?
 * Compared only where both relays ran the same case at the same thinking setting, pooled by a
 * one-sided Cochran–Mantel–Haenszel test over those pairs, Holm-corrected across the relays
 * compared (family-wise α = 0.01). A silently swapped, cheaper model shows here and nowhere else
 * when the relay also rewrites `modelVersion`.
 */
export function qualityParityVerdicts(all: readonly RelayEvidence[]): Map<string, VerdictResult> {
  const results = new Map<string, VerdictResult>();
  const comparisons: Comparison[] = [];
  for (const evidence of all) {
    const own = graded(evidence.rows);
    if (own.length === 0) {
      results.set(evidence.relay, notApplicable('no graded answer (no case has an expect, or every request failed)'));
      continue;
    }
    const model = modelOf(own);
    const sameModel = [...evidence.peers.entries()]
      .map(([relay, rows]) => ({ relay, rows: graded(rows).filter((row) => String(row.model) === model) }))
      .filter((peer) => peer.rows.length > 0);
    const reference = evidence.reference === undefined ? undefined : sameModel.find((peer) => peer.relay === evidence.reference);
    const best = reference ?? sameModel.reduce((top, peer) => (passRate(peer.rows) > passRate(top.rows) ? peer : top));
    const how = reference === undefined ? 'best relay' : 'reference';
    if (sameModel.length < 2) {
      results.set(evidence.relay, notApplicable(`the only relay with graded answers for ${model}: nothing to compare with`));
      continue;
    }
    if (best.relay === evidence.relay) {
      results.set(
        evidence.relay,
        judged(false, `${how === 'reference' ? 'the reference' : 'the best relay'} for ${model}: ${percentAdaptive(passRate(own))} of ${own.length} answers passed`),
      );
      continue;
    }
    const { strata, ownRows, theirRows } = pairedStrata(own, best.rows);
    if (strata.length === 0) {
      results.set(evidence.relay, notApplicable(`no case and setting in common with ${best.relay}`));
      continue;
    }
    comparisons.push({
      relay: evidence.relay,
      against: best.relay,
      how,
      own: passRate(ownRows),
      theirs: passRate(theirRows),
      jobs: ownRows.length,
      p: mantelHaenszelLessP(strata),
    });
  }
  const adjusted = holmAdjust(comparisons.map((comparison) => comparison.p));
  comparisons.forEach((comparison, index) => {
    const p = adjusted[index] as number;
    const worse = p < ALPHA;
    const figures = `${percentAdaptive(comparison.own)} vs ${percentAdaptive(comparison.theirs)} over ${comparison.jobs} answers paired by case and setting, ${pValueEquation(p)} (one-sided CMH, Holm-corrected over ${comparisons.length} relays, α = ${ALPHA})`;
    results.set(
      comparison.relay,
      judged(
        worse,
        worse ? `answers worse than ${comparison.against} (${comparison.how}): ${figures}` : `not significantly worse than ${comparison.against} (${comparison.how}): ${figures}`,
      ),
    );
  });
  return results;
}
