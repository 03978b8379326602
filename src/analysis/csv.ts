import { csvText } from '../runfolder/csvCell.js';
import type { BudgetAdvice } from './budgetAdvice.js';
import { VERDICT_KEYS, VERDICT_LABELS, type RelayVerdict } from './types.js';

/**
 * Both files are written through `csvText`, so text cells (relay, model, evidence) are
 * neutralised against spreadsheet formula injection (OWASP "CSV Injection"; see runfolder/csvCell.ts).
 *
 * `verdicts.csv` (docs/run-folder.md#verdictscsv): one row per relay. For each of the thirteen
 * checks of VERDICT_KEYS a verdict column (`pass`, `fail` or `n/a`) and an `_evidence` column with
 * the numbers that decided it, 27 columns in all: relay, streams, streams_evidence,
 * natively_paced, natively_paced_evidence, honours_budget, honours_budget_evidence,
 * returns_thoughts, returns_thoughts_evidence, usage_adds_up, usage_adds_up_evidence,
 * usage_plausible, usage_plausible_evidence, prompt_as_sent, prompt_as_sent_evidence,
 * config_honoured, config_honoured_evidence, model_as_asked, model_as_asked_evidence,
 * quality_parity, quality_parity_evidence, single_attempt, single_attempt_evidence,
 * framing_clean, framing_clean_evidence, errors_google_shape, errors_google_shape_evidence.
 */
export const VERDICT_COLUMNS = ['relay', ...VERDICT_KEYS.flatMap((key) => [VERDICT_LABELS[key].column, `${VERDICT_LABELS[key].column}_evidence`])];

/**
 * `budgets.csv`: one row per (relay, model) that swept two or more thinking settings.
 * - `recommended`, `best`: setting labels (a budget in tokens, `dynamic`, or a level);
 * - `*_pass_rate`, `*_graded`: pass share and graded answers of each;
 * - `p_value`: one-sided Fisher p that the recommended setting passes less often than the best;
 * - `saved_first_answer_p50_ms`, `saved_total_p50_ms`, `saved_thought_tokens_mean`: best minus
 *   recommended (positive = the recommended setting is faster or cheaper);
 * - `decision`: `recommend`, `too few data` or `none passed`; `needed_per_setting` graded answers per setting
 *   (and `needed_repeats` of the suite's cases) to tell the detectable difference apart;
 * - `evidence`: the same in words;
 * - cost-aware (empty without costs): `cheapest` setting not significantly less accurate than the
 *   best, `cheapest_cost_usd_mean`, `best_cost_usd_mean` (mean USD per successful request),
 *   `saved_usd_per_1000_requests` and `cheapest_saved_first_answer_p50_ms` against the best.
 */
export const BUDGET_COLUMNS = [
  'relay',
  'model',
  'recommended',
  'recommended_pass_rate',
  'recommended_graded',
  'best',
  'best_pass_rate',
  'best_graded',
  'p_value',
  'saved_first_answer_p50_ms',
  'saved_total_p50_ms',
  'saved_thought_tokens_mean',
  'decision',
  'needed_per_setting',
  'needed_repeats',
  'evidence',
  'cheapest',
  'cheapest_cost_usd_mean',
  'best_cost_usd_mean',
  'saved_usd_per_1000_requests',
  'cheapest_saved_first_answer_p50_ms',
] as const;

const rounded = (value: number | undefined, digits: number): string =>
  value === undefined || !Number.isFinite(value) ? '' : String(Math.round(value * 10 ** digits) / 10 ** digits);

/**
 * verdicts.csv's text (docs/run-folder.md#verdictscsv): the VERDICT_COLUMNS header, then one row per
 * relay with each check's verdict and evidence, cells escaped per RFC 4180 and neutralised against
 * formula injection (OWASP "CSV Injection"). Pure.
 */
export function verdictsCsv(verdicts: readonly RelayVerdict[]): string {
  const body = verdicts.map((row) => [row.relay, ...VERDICT_KEYS.flatMap((key) => [row[key].verdict, row[key].evidence])]);
  return csvText([VERDICT_COLUMNS, ...body]);
}

/**
 * budgets.csv's text (docs/run-folder.md#budgetscsv): the BUDGET_COLUMNS header, then one row per
 * BudgetAdvice; shares and p rounded to 4 decimals, ms and tokens to 1, USD means to 9, USD per
 * 1000 requests to 6; an unknown value is an empty cell. Pure.
 */
export function budgetsCsv(advice: readonly BudgetAdvice[]): string {
  const body = advice.map((entry) => [
    entry.relay,
    entry.model,
    entry.recommended.setting.label,
    rounded(entry.recommended.passRate, 4),
    String(entry.recommended.graded),
    entry.best.setting.label,
    rounded(entry.best.passRate, 4),
    String(entry.best.graded),
    rounded(entry.pValue, 4),
    rounded(entry.savedFirstAnswerP50Ms, 1),
    rounded(entry.savedTotalP50Ms, 1),
    rounded(entry.savedThoughtTokensMean, 1),
    entry.decision,
    rounded(entry.neededPerSetting, 0),
    rounded(entry.neededRepeats, 0),
    entry.evidence,
    entry.cost?.cheapest.setting.label ?? '',
    rounded(entry.cost?.cheapest.costUsdMean, 9),
    rounded(entry.cost?.best.costUsdMean, 9),
    rounded(entry.cost?.savedUsdPer1000, 6),
    rounded(entry.cost?.savedFirstAnswerP50Ms, 1),
  ]);
  return csvText([[...BUDGET_COLUMNS], ...body]);
}
