import type { RequestRow } from '../runfolder/columns.js';
import { groupRows, passCell } from '../runfolder/cells.js';
import { fisherExact, requiredRepeatsForDifference, wilsonInterval } from '../stats/index.js';
import { costAdvice, type CostAdvice } from './costAdvice.js';
import { columnMedian, distinct, meanThoughtTokens, okRows } from './rowValues.js';
import { observedSettingOf, settingsOf, type ObservedSetting } from './thinkingSetting.js';
import { msAdaptive, percentAdaptive, pValueEquation, tokenCount } from '../format/index.js';

/**
 * Settings of `budgetAdvice`: `alpha` (one-sided significance level of Fisher's exact test, Fisher
 * 1935; default 0.05), `detectableDifference` (a pass-rate drop as a share in [0,1]; default 0.10),
 * `power` (in (0,1); default 0.8) for the sample size of Fleiss, Levin & Paik eq. 4.14, and the relay order.
 */
export interface BudgetAdviceOptions {
  /** One-sided level for "significantly below the best"; 0.05 unless given. */
  alpha?: number;
  /** The pass-rate difference the data should be able to tell apart; 0.10 (10 points) unless given. */
  detectableDifference?: number;
  /** Power for the repeats needed to tell that difference; 0.8 unless given. */
  power?: number;
  /** Relays in the order the advice should follow (the suite's); others follow in first-seen order. */
  relayOrder?: readonly string[];
}

/** How one thinking setting did for one (relay, model). */
export interface SettingOutcome {
  setting: ObservedSetting;
  /** Graded answers (successful requests with an expectation). */
  graded: number;
  passes: number;
  passRate: number | undefined;
  firstAnswerP50Ms: number | undefined;
  totalP50Ms: number | undefined;
  thoughtTokensMean: number | undefined;
}

/**
 * The budget advice for one (relay, model), one row of budgets.csv (docs/run-folder.md#budgetscsv):
 * every setting's outcome, the best and the recommended setting, the one-sided Fisher p between
 * them, what the recommendation saves (ms of first-answer and total p50, mean thought tokens;
 * positive = saved), the decision, the graded answers needed per setting and as repeats of the
 * suite's cases, the evidence in words, and the cost-aware advice (USD) when costs are known.
 */
export interface BudgetAdvice {
  relay: string;
  model: string;
  /** Every setting in order, smallest first (including ones with nothing graded). */
  settings: SettingOutcome[];
  /** Highest pass rate; the smaller setting on a tie. */
  best: SettingOutcome;
  /** Smallest setting whose pass rate is not significantly below the best's. */
  recommended: SettingOutcome;
  /** One-sided Fisher p that the recommended setting passes less often than the best; undefined when the best is recommended. */
  pValue: number | undefined;
  /** What the recommended setting saves against the best: positive means faster or cheaper. */
  savedFirstAnswerP50Ms: number | undefined;
  savedTotalP50Ms: number | undefined;
  savedThoughtTokensMean: number | undefined;
  /**
   * `too few data`: the smallest group cannot tell the detectable difference apart (the advice
   * then only leans, and never to a setting whose pass rate is below the best's Wilson 95%
   * interval); `none passed`: no setting passed a single graded answer, so there is nothing to lean to.
   */
  decision: 'recommend' | 'too few data' | 'none passed';
  /** Graded answers per setting needed to tell `detectableDifference` apart. */
  neededPerSetting: number;
  /** The same, as repeats of the suite's cases. */
  neededRepeats: number;
  evidence: string;
  /** The cheapest setting not significantly less accurate than the best, and its savings (see costAdvice); undefined without costs. */
  cost?: CostAdvice | undefined;
}

function outcomeOf(setting: ObservedSetting, rows: readonly RequestRow[]): SettingOutcome {
  const ok = okRows(rows);
  const grades = ok.map((row) => passCell(row.pass)).filter((pass): pass is boolean => pass !== undefined);
  const passes = grades.filter(Boolean).length;
  return {
    setting,
    graded: grades.length,
    passes,
    passRate: grades.length === 0 ? undefined : passes / grades.length,
    firstAnswerP50Ms: columnMedian(ok, 'first_answer_ms'),
    totalP50Ms: columnMedian(ok, 'total_ms'),
    thoughtTokensMean: meanThoughtTokens(ok),
  };
}

const difference = (best: number | undefined, chosen: number | undefined): number | undefined => (best === undefined || chosen === undefined ? undefined : best - chosen);

/** "431 ms sooner", or "15 ms later" when the smaller setting happened to be slower. */
function signed(value: number | undefined, format: (value: number) => string, less: string, more: string): string | undefined {
  if (value === undefined) return undefined;
  return value >= 0 ? `${format(value)} ${less}` : `${format(-value)} ${more}`;
}

function savingsPhrase(best: SettingOutcome, chosen: SettingOutcome): string {
  const firstAnswer = signed(difference(best.firstAnswerP50Ms, chosen.firstAnswerP50Ms), msAdaptive, 'sooner', 'later');
  const total = signed(difference(best.totalP50Ms, chosen.totalP50Ms), msAdaptive, 'shorter', 'longer');
  const thoughts = signed(difference(best.thoughtTokensMean, chosen.thoughtTokensMean), tokenCount, 'fewer', 'more');
  return [
    firstAnswer === undefined ? undefined : `first answer token ${firstAnswer} (p50)`,
    total === undefined ? undefined : `total ${total} (p50)`,
    thoughts === undefined ? undefined : `${thoughts} thought tokens on average`,
  ]
    .filter((part) => part !== undefined)
    .join(', ');
}

function describe(outcome: SettingOutcome): string {
  return `${outcome.setting.label}: ${percentAdaptive(outcome.passRate)} (${outcome.passes}/${outcome.graded})`;
}

/**
 * Budget advice for one (relay, model): the smallest thinking setting whose pass rate is not
 * significantly below the best setting's (one-sided Fisher exact test, which is exact for the
 * dozens of answers a budget sweep affords), what it saves against the best, and whether the
 * sample could have seen a `detectableDifference` drop at all. Without that last check "not
 * significantly below" from 5 answers would read as "just as good".
 */
function adviseGroup(rows: readonly RequestRow[], options: Required<Omit<BudgetAdviceOptions, 'relayOrder'>>): BudgetAdvice | undefined {
  const settings = settingsOf(rows).map((setting) =>
    outcomeOf(
      setting,
      rows.filter((row) => observedSettingOf(row).key === setting.key),
    ),
  );
  const candidates = settings.filter((outcome) => outcome.graded > 0);
  if (candidates.length < 2) return undefined;
  const best = candidates.reduce((top, outcome) => ((outcome.passRate as number) > (top.passRate as number) ? outcome : top));
  const pLessThanBest = (outcome: SettingOutcome): number => fisherExact(outcome.passes, outcome.graded - outcome.passes, best.passes, best.graded - best.passes).pLess;

  const bestRate = best.passRate as number;
  const lowerRate = bestRate - options.detectableDifference >= 0 ? bestRate - options.detectableDifference : bestRate + options.detectableDifference;
  // The test is one-sided at alpha, which is the two-sided formula at 2·alpha.
  const neededPerSetting = requiredRepeatsForDifference(bestRate, Math.min(1, lowerRate), 2 * options.alpha, options.power);
  const cases = Math.max(1, distinct(rows, 'case_id').length);
  const neededRepeats = Math.ceil(neededPerSetting / cases);
  const smallestGroup = Math.min(...candidates.map((outcome) => outcome.graded));
  const decision = best.passes === 0 ? 'none passed' : smallestGroup < neededPerSetting ? 'too few data' : 'recommend';

  // With too few data "not significantly below" is weak (0 of 2 against 2 of 2 has p = 0.17), so
  // the lean also needs the setting's observed rate inside the best's Wilson 95% interval.
  const bestLow = wilsonInterval(best.passes, best.graded)?.low ?? 0;
  const belowBestInterval = (outcome: SettingOutcome): boolean => decision === 'too few data' && (outcome.passRate as number) < bestLow;
  const notBelowBest = (outcome: SettingOutcome): boolean => outcome === best || (pLessThanBest(outcome) >= options.alpha && !belowBestInterval(outcome));
  const recommended = decision === 'none passed' ? best : (candidates.find(notBelowBest) ?? best);
  const pValue = recommended === best ? undefined : pLessThanBest(recommended);

  const comparison =
    recommended === best
      ? `${describe(best)} is the best${best === candidates[0] ? ' and the smallest' : `; every smaller setting is significantly below it${decision === 'too few data' ? ' or below its 95% interval' : ''}`}`
      : `${describe(recommended)} is not significantly below the best, ${describe(best)} (one-sided Fisher ${pValueEquation(pLessThanBest(recommended))})`;
  const skipped = candidates
    .filter((outcome) => outcome !== best && belowBestInterval(outcome) && pLessThanBest(outcome) >= options.alpha && candidates.indexOf(outcome) < candidates.indexOf(recommended))
    .map(
      (outcome) =>
        `${describe(outcome)} is below the best's 95% interval (${percentAdaptive(bestLow)}–${percentAdaptive(wilsonInterval(best.passes, best.graded)?.high)}), so the advice does not lean to it`,
    );
  const ungraded = settings
    .filter((outcome) => outcome.graded === 0)
    .map((outcome) => `${outcome.setting.label} had no graded answers (every request failed or nothing to grade), so it is not a candidate`);
  const drop = `${Math.round(options.detectableDifference * 100)}-point drop`;
  const sample =
    decision === 'too few data'
      ? `too few data: telling a ${drop} apart needs ${neededPerSetting} graded answers per setting (${neededRepeats} repeats of ${cases} cases), the smallest group has ${smallestGroup}`
      : `each setting has at least ${smallestGroup} graded answers, enough to see a ${drop} (${neededPerSetting} needed)`;
  const savings = recommended === best ? '' : `; against ${best.setting.label}: ${savingsPhrase(best, recommended)}`;
  const evidence =
    decision === 'none passed'
      ? `no setting passed any graded answer (${candidates.map(describe).join(', ')}): nothing to lean to; check the expectation and the relay's answers`
      : [`${comparison}${savings}`, ...skipped, ...ungraded, sample].join('; ');

  return {
    relay: String(rows[0]?.relay),
    model: String(rows[0]?.model),
    settings,
    best,
    recommended,
    pValue,
    savedFirstAnswerP50Ms: difference(best.firstAnswerP50Ms, recommended.firstAnswerP50Ms),
    savedTotalP50Ms: difference(best.totalP50Ms, recommended.totalP50Ms),
    savedThoughtTokensMean: difference(best.thoughtTokensMean, recommended.thoughtTokensMean),
    decision,
    neededPerSetting,
    neededRepeats,
    evidence,
    cost: costAdvice(rows, { alpha: options.alpha }),
  };
}

/**
 * One piece of advice per (relay, model) that swept at least two thinking settings with graded
 * answers. Settings are ordered fixed budgets by size, then dynamic (-1), or levels minimal < low
 * < medium < high; a setting whose every request failed (budget 0 on 2.5 Pro) is listed but
 * never recommended. With too few data the advice leans to the smallest setting that is neither
 * significantly below the best nor below the best's Wilson 95% interval, and when no setting
 * passed anything it leans nowhere (`none passed`).
 */
export function budgetAdvice(rows: readonly RequestRow[], options: BudgetAdviceOptions = {}): BudgetAdvice[] {
  const { relayOrder = [], ...tests } = options;
  const resolved = { alpha: 0.05, detectableDifference: 0.1, power: 0.8, ...tests };
  const rank = (relay: string): number => {
    const index = relayOrder.indexOf(relay);
    return index === -1 ? relayOrder.length : index;
  };
  const advice = groupRows(rows, (row) => `${String(row.relay)}\u0000${String(row.model)}`).flatMap(({ rows: group }) => {
    const entry = adviseGroup(group, resolved);
    return entry === undefined ? [] : [entry];
  });
  // Array.prototype.sort is stable, so relays outside the given order keep their first-seen order.
  return advice.sort((left, right) => rank(left.relay) - rank(right.relay));
}
