import type { RequestRow } from '../runfolder/columns.js';
import { passCell } from '../runfolder/cells.js';
import { fisherExact, mean } from '../stats/index.js';
import { columnMedian, columnValues, okRows } from './rowValues.js';
import { observedSettingOf, settingsOf, type ObservedSetting } from './thinkingSetting.js';
import { formatUsd, msAdaptive, percentAdaptive, pValueEquation } from '../format/index.js';

/** Accuracy, cost and speed of one thinking setting for one (relay, model). */
export interface SettingCost {
  setting: ObservedSetting;
  graded: number;
  passes: number;
  passRate: number | undefined;
  /** Mean `cost_usd` over successful requests; undefined when none was priced. */
  costUsdMean: number | undefined;
  /** Total cost over passed answers (the summary's `cost_per_pass_usd`). */
  costPerPassUsd: number | undefined;
  firstAnswerP50Ms: number | undefined;
}

/**
 * The cost-aware pick for one (relay, model): the cheapest setting (by mean cost per request)
 * whose pass rate is not significantly below the best setting's, and what it saves.
 */
export interface CostAdvice {
  cheapest: SettingCost;
  /** Highest pass rate; the smaller setting on a tie (as budget advice picks it). */
  best: SettingCost;
  /** One-sided Fisher p that `cheapest` passes less often than `best`; undefined when they are the same setting. */
  pValue: number | undefined;
  /** USD saved per 1,000 requests by using `cheapest` instead of `best` (negative: it costs more). */
  savedUsdPer1000: number | undefined;
  /** Milliseconds sooner to the first answer token per request, p50 (negative: later). */
  savedFirstAnswerP50Ms: number | undefined;
  evidence: string;
}

function settingCost(setting: ObservedSetting, rows: readonly RequestRow[]): SettingCost {
  const ok = okRows(rows);
  const grades = ok.map((row) => passCell(row.pass)).filter((pass): pass is boolean => pass !== undefined);
  const passes = grades.filter(Boolean).length;
  const costs = columnValues(ok, 'cost_usd');
  const total = costs.length === 0 ? undefined : costs.reduce((sum, value) => sum + value, 0);
  return {
    setting,
    graded: grades.length,
    passes,
    passRate: grades.length === 0 ? undefined : passes / grades.length,
    costUsdMean: mean(costs),
    costPerPassUsd: total === undefined || passes === 0 ? undefined : total / passes,
    firstAnswerP50Ms: columnMedian(ok, 'first_answer_ms'),
  };
}

/**
 * Cost-aware advice for the rows of one (relay, model): among the settings whose pass rate is
 * not significantly below the best's (one-sided Fisher exact test at `alpha`, as in budget advice),
 * the one with the lowest mean `cost_usd` per successful request. Savings are against the best:
 * dollars per 1,000 requests (1,000 × the difference in mean cost) and ms to the first answer
 * token (difference of p50s). Undefined when fewer than two settings have graded, priced answers.
 * Pure.
 */
export function costAdvice(rows: readonly RequestRow[], options: { alpha?: number } = {}): CostAdvice | undefined {
  const alpha = options.alpha ?? 0.05;
  const outcomes = settingsOf(rows).map((setting) =>
    settingCost(
      setting,
      rows.filter((row) => observedSettingOf(row).key === setting.key),
    ),
  );
  const graded = outcomes.filter((outcome) => outcome.graded > 0);
  if (graded.length < 2) return undefined;
  const best = graded.reduce((top, outcome) => ((outcome.passRate as number) > (top.passRate as number) ? outcome : top));
  const pLess = (outcome: SettingCost): number => fisherExact(outcome.passes, outcome.graded - outcome.passes, best.passes, best.graded - best.passes).pLess;
  const eligible = graded.filter((outcome) => outcome === best || pLess(outcome) >= alpha).filter((outcome) => outcome.costUsdMean !== undefined);
  if (eligible.length === 0 || best.costUsdMean === undefined) return undefined;
  const cheapest = eligible.reduce((low, outcome) => ((outcome.costUsdMean as number) < (low.costUsdMean as number) ? outcome : low));
  const savedUsdPer1000 = 1000 * (best.costUsdMean - (cheapest.costUsdMean as number));
  const savedFirstAnswerP50Ms = best.firstAnswerP50Ms === undefined || cheapest.firstAnswerP50Ms === undefined ? undefined : best.firstAnswerP50Ms - cheapest.firstAnswerP50Ms;
  const pValue = cheapest === best ? undefined : pLess(cheapest);
  const describe = (outcome: SettingCost): string =>
    `${outcome.setting.label}: ${percentAdaptive(outcome.passRate)} (${outcome.passes}/${outcome.graded}) at ${formatUsd(outcome.costUsdMean as number)} per request`;
  const evidence =
    cheapest === best
      ? `${describe(best)} is the best and no setting as accurate is cheaper`
      : `${describe(cheapest)} is not significantly below the best, ${describe(best)} (one-sided Fisher ${pValueEquation(pValue as number)}); it saves ${formatUsd(savedUsdPer1000)} per 1,000 requests` +
        (savedFirstAnswerP50Ms === undefined
          ? ''
          : ` and reaches the first answer token ${msAdaptive(Math.abs(savedFirstAnswerP50Ms))} ${savedFirstAnswerP50Ms >= 0 ? 'sooner' : 'later'} (p50)`);
  return { cheapest, best, pValue, savedUsdPer1000, savedFirstAnswerP50Ms, evidence };
}
