import type { RequestRow } from '../../runfolder/columns.js';
import { percentAdaptive, tokenCount } from '../../format/index.js';
import { medianOf, okRows, thoughtTokensOf } from '../rowValues.js';
import { observedSettingOf } from '../thinkingSetting.js';
import { judged, notApplicable, type RelayEvidence, type VerdictResult } from '../types.js';
import { canDisableThinking } from './modelName.js';

/**
 * Google's thinking guide warns that "depending on the prompt, the model might overflow or
 * underflow the token budget", and users report Gemini going slightly over now and then. So a
 * response only counts as over budget beyond 10% above it.
 */
const OVERRUN_TOLERANCE = 0.1;
/**
 * An occasional overflow is the model's; a relay that drops or rewrites `thinkingBudget` overruns
 * on nearly every response. More than a quarter of responses over budget is no accident. The same
 * share applies to budget 0 still thinking (also reported from Google now and then on long
 * prompts).
 */
const MAX_OFFENDING_SHARE = 0.25;

interface BudgetedRow {
  budget: number;
  thoughtTokens: number;
  row: RequestRow;
}

function budgetedRows(rows: readonly RequestRow[]): BudgetedRow[] {
  return okRows(rows).flatMap((row) => {
    const { budget } = observedSettingOf(row);
    const thoughtTokens = thoughtTokensOf(row);
    return budget === undefined || thoughtTokens === undefined ? [] : [{ budget, thoughtTokens, row }];
  });
}

/**
 * Honours budget: on fixed budgets, are thought tokens within the budget, and does budget 0 turn
 * thinking off where the model allows it (not on 2.5 Pro or 3 Pro, where budget 0 is a 400)?
 * Dynamic budgets and thinking levels set no token cap, so they are not judged.
 */
export function honoursBudgetVerdict({ rows }: RelayEvidence): VerdictResult {
  const budgeted = budgetedRows(rows);
  const capped = budgeted.filter((entry) => entry.budget > 0);
  const zero = budgeted.filter((entry) => entry.budget === 0 && canDisableThinking(String(entry.row.model)));
  if (capped.length === 0 && zero.length === 0) {
    return notApplicable('no successful response at a fixed thinking budget reported its thought tokens');
  }
  const parts: string[] = [];
  let failed = false;
  if (capped.length > 0) {
    const over = capped.filter((entry) => entry.thoughtTokens > entry.budget * (1 + OVERRUN_TOLERANCE));
    const worst = capped.reduce((top, entry) => (entry.thoughtTokens / entry.budget > top.thoughtTokens / top.budget ? entry : top));
    failed ||= over.length > capped.length * MAX_OFFENDING_SHARE;
    parts.push(
      `fixed budgets: ${over.length} of ${capped.length} responses over budget + ${percentAdaptive(OVERRUN_TOLERANCE)} (highest ${tokenCount(worst.thoughtTokens)} thought tokens at budget ${worst.budget})`,
    );
  }
  if (zero.length > 0) {
    const thinking = zero.filter((entry) => entry.thoughtTokens > 0);
    failed ||= thinking.length > zero.length * MAX_OFFENDING_SHARE;
    const median = medianOf(thinking.map((entry) => entry.thoughtTokens));
    parts.push(`budget 0: ${thinking.length} of ${zero.length} responses still thought${thinking.length > 0 ? ` (median ${tokenCount(median)} thought tokens)` : ''}`);
  }
  return judged(failed, parts.join('; '));
}
