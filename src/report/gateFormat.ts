import type { PassCounts } from '../analysis/caseGroups.js';
import { gateBound, scopeLabel, type GateName, type GateResult } from '../analysis/gates.js';

/** Shared by the console and Markdown, so both say the same thing in the same words. */
export const NO_DATA = 'no data';

/**
 * A share in [0,1] as a percentage with one decimal (`0.8333` → `83.3%`), for gate thresholds and measured rates.
 */
export function formatPercent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

/** Milliseconds rounded to a whole number with the unit (`1834.6` → `1835 ms`). */
export function formatMs(ms: number): string {
  return `${Math.round(ms)} ms`;
}

/**
 * A change in percent with its sign and one decimal (`12.34` → `+12.3%`, `-4` → `-4.0%`); a
 * non-finite change (a rise from a 0 ms baseline) is `+∞%`.
 */
export function formatSignedPct(pct: number): string {
  if (!Number.isFinite(pct)) return '+∞%';
  return `${pct >= 0 ? '+' : ''}${pct.toFixed(1)}%`;
}

/**
 * A p-value with three decimals (`0.031`), or `< 0.001` below that.
 */
export function formatP(pValue: number): string {
  return pValue < 0.001 ? '< 0.001' : pValue.toFixed(3);
}

/** Pass counts as `passed/graded` (`7/10`): graded requests only, so errors and undecided grades are not counted. */
export function formatPassCounts(counts: PassCounts): string {
  return `${counts.passed}/${counts.graded}`;
}

const isRateGate = (name: GateName): boolean => name === 'minPassRate' || name === 'maxErrorRate';

function formatGateValue(name: GateName, value: number): string {
  return isRateGate(name) ? formatPercent(value) : formatMs(value);
}

/** `≥ 90.0%`, `≤ 2000 ms`. */
export function formatThreshold(result: GateResult): string {
  return `${gateBound(result.name) === 'min' ? '≥' : '≤'} ${formatGateValue(result.name, result.threshold)}`;
}

const SAMPLE_NOUN: Record<GateName, string> = {
  minPassRate: 'graded',
  maxErrorRate: 'requests',
  maxTtftP90Ms: 'ok',
  maxFirstAnswerP90Ms: 'ok',
  maxTotalP90Ms: 'ok',
};

/** `83.3% (n = 30 graded)`, or `no data (n = 0 ok)` for a gate that could not be measured. */
export function formatMeasured(result: GateResult): string {
  const value = result.measured === undefined ? NO_DATA : formatGateValue(result.name, result.measured);
  return `${value} (n = ${result.sampleSize} ${SAMPLE_NOUN[result.name]})`;
}

/** `minPassRate (relay flaky)`. */
export function gateLabel(result: GateResult): string {
  return `${result.name} (${scopeLabel(result.scope)})`;
}
