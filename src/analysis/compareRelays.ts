import type { RequestRow } from '../runfolder/columns.js';
import { passCell } from '../runfolder/cells.js';
import { bootstrapDiffOfMedians, newcombeDiffInterval, type DifferenceInterval } from '../stats/index.js';
import { columnValues, distinct, medianOf, okRows } from './rowValues.js';
import { observedSettingOf, settingsOf } from './thinkingSetting.js';
import { msAdaptive } from '../format/index.js';

/**
 * Settings of `compareRelays`: the bootstrap's `seed` (from the suite, so a rebuilt report shows the
 * same intervals), its resample count (default 2000; Efron & Tibshirani 1993), and the relay order of the pairs.
 */
export interface CompareRelaysOptions {
  /** Seed of the bootstrap, so a rebuilt report shows the same intervals. */
  seed: number;
  /** Bootstrap resamples; 2000 unless given (stable 2.5% / 97.5% endpoints). */
  iterations?: number;
  /** Relays in the order pairs should follow (the suite's); others follow in first-seen order. */
  relayOrder?: readonly string[];
}

/**
 * Two relays' time to first answer token over successful requests: the sample sizes, each median
 * (ms), median(A) − median(B) in ms with its percentile-bootstrap 95% interval, and the finding
 * in words (who is faster, or NO_DIFFERENCE when the interval spans 0).
 */
export interface MedianComparison {
  countA: number;
  countB: number;
  medianA: number | undefined;
  medianB: number | undefined;
  /** median(A) − median(B) with its bootstrap 95% interval; undefined when a side has no data. */
  difference: DifferenceInterval | undefined;
  finding: string;
}

/**
 * Two relays' pass rates: passes and graded answers of each, rate(A) − rate(B) as a share with its
 * Newcombe (1998) hybrid score 95% interval, and the finding in words (NO_DIFFERENCE when it spans 0).
 */
export interface PassRateComparison {
  passesA: number;
  gradedA: number;
  passesB: number;
  gradedB: number;
  /** rate(A) − rate(B) with its Newcombe 95% interval; undefined when a side has nothing graded. */
  difference: DifferenceInterval | undefined;
  finding: string;
}

/**
 * One pair of relays of the same model, compared over the thinking settings both ran (pooled): the
 * first-answer latency and pass-rate comparisons shown in the report's Relay comparison table.
 */
export interface RelayComparison {
  model: string;
  relayA: string;
  relayB: string;
  /** The thinking settings both relays ran, pooled into this comparison. */
  settings: string[];
  firstAnswerMs: MedianComparison;
  passRate: PassRateComparison;
}

/** The finding when a difference's 95% interval includes 0: the data cannot tell the relays apart. */
export const NO_DIFFERENCE = 'no detectable difference';

const spansZero = (interval: DifferenceInterval): boolean => interval.low <= 0 && interval.high >= 0;

const negated = (interval: DifferenceInterval): DifferenceInterval => ({ estimate: -interval.estimate, low: -interval.high, high: -interval.low });

/**
 * Who is ahead, and by how much, given A's advantage over B (positive: A better): the magnitude
 * and its interval as positive numbers, so findings read "X faster by 120 ms (95% CI 80 to 170)".
 */
function leader(advantageOfA: DifferenceInterval, relayA: string, relayB: string): { relay: string; lead: DifferenceInterval } {
  return advantageOfA.estimate > 0 ? { relay: relayA, lead: advantageOfA } : { relay: relayB, lead: negated(advantageOfA) };
}

function compareFirstAnswer(a: readonly RequestRow[], b: readonly RequestRow[], relayA: string, relayB: string, options: CompareRelaysOptions): MedianComparison {
  const valuesA = columnValues(okRows(a), 'first_answer_ms');
  const valuesB = columnValues(okRows(b), 'first_answer_ms');
  const difference = bootstrapDiffOfMedians(valuesA, valuesB, { iterations: options.iterations ?? 2000, seed: options.seed });
  let finding = 'no data';
  if (difference !== undefined) {
    // Lower is faster, so A's advantage is median(B) − median(A).
    const { relay, lead } = leader(negated(difference), relayA, relayB);
    finding = spansZero(difference) ? NO_DIFFERENCE : `${relay} faster by ${msAdaptive(lead.estimate)} (95% CI ${msAdaptive(lead.low)} to ${msAdaptive(lead.high)})`;
  }
  return { countA: valuesA.length, countB: valuesB.length, medianA: medianOf(valuesA), medianB: medianOf(valuesB), difference, finding };
}

function gradesOf(rows: readonly RequestRow[]): { passes: number; graded: number } {
  const grades = okRows(rows)
    .map((row) => passCell(row.pass))
    .filter((pass): pass is boolean => pass !== undefined);
  return { passes: grades.filter(Boolean).length, graded: grades.length };
}

function comparePassRate(a: readonly RequestRow[], b: readonly RequestRow[], relayA: string, relayB: string): PassRateComparison {
  const gradesA = gradesOf(a);
  const gradesB = gradesOf(b);
  const difference = newcombeDiffInterval(gradesA.passes, gradesA.graded, gradesB.passes, gradesB.graded);
  let finding = 'no data';
  if (difference !== undefined) {
    const { relay, lead } = leader(difference, relayA, relayB);
    const points = (share: number): string => String(Math.round(share * 100));
    finding = spansZero(difference) ? NO_DIFFERENCE : `${relay} passes ${points(lead.estimate)} points more often (95% CI ${points(lead.low)} to ${points(lead.high)} points)`;
  }
  return { passesA: gradesA.passes, gradedA: gradesA.graded, passesB: gradesB.passes, gradedB: gradesB.graded, difference, finding };
}

/**
 * Every pair of relays, per model, pooled over the thinking settings both ran. A run sends every
 * relay the same jobs, so pooling compares the relays on one and the same workload with all its
 * samples; splitting by setting would multiply the table by the number of settings and leave each
 * comparison a handful of answers, too few to find anything. Differences are A − B: median time to
 * first answer token with a seeded percentile bootstrap 95% interval, pass rate with Newcombe's
 * hybrid score 95% interval; an interval spanning zero reads "no detectable difference".
 */
export function compareRelays(rows: readonly RequestRow[], options: CompareRelaysOptions): RelayComparison[] {
  const comparisons: RelayComparison[] = [];
  for (const model of distinct(rows, 'model')) {
    const ofModel = rows.filter((row) => String(row.model) === model);
    const seen = distinct(ofModel, 'relay');
    const relays = [...new Set([...(options.relayOrder ?? []).filter((relay) => seen.includes(relay)), ...seen])];
    relays.forEach((relayA, index) => {
      for (const relayB of relays.slice(index + 1)) {
        const rowsA = ofModel.filter((row) => row.relay === relayA);
        const rowsB = ofModel.filter((row) => row.relay === relayB);
        const keysB = new Set(settingsOf(rowsB).map((setting) => setting.key));
        const shared = settingsOf(rowsA).filter((setting) => keysB.has(setting.key));
        const sharedKeys = new Set(shared.map((setting) => setting.key));
        const inShared = (row: RequestRow): boolean => sharedKeys.has(observedSettingOf(row).key);
        const pooledA = rowsA.filter(inShared);
        const pooledB = rowsB.filter(inShared);
        comparisons.push({
          model,
          relayA,
          relayB,
          settings: shared.map((setting) => setting.label),
          firstAnswerMs: compareFirstAnswer(pooledA, pooledB, relayA, relayB, options),
          passRate: comparePassRate(pooledA, pooledB, relayA, relayB),
        });
      }
    });
  }
  return comparisons;
}
