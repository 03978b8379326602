import { gateBound, scopeLabel, type GateName, type GateResult } from '../analysis/gates.js';
import { msWhole, percentOneDecimal } from '../format/index.js';

/** Shared by the console and Markdown, so both say the same thing in the same words. */
export const NO_DATA = 'no data';

const isRateGate = (name: GateName): boolean => name === 'minPassRate' || name === 'maxErrorRate';

function formatGateValue(name: GateName, value: number): string {
  return isRateGate(name) ? percentOneDecimal(value) : msWhole(value);
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
