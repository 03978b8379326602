import type { BaselineComparison } from './baseline.js';
import type { CompletenessResult } from './completeness.js';
import { gateLabel } from '../report/gateFormat.js';
import type { GateResult } from '../analysis/gates.js';
import { pairedTestLabel } from './pairedText.js';

/**
 * The CI decision: `passed` (exit 0, else 1: docs/exit-codes.md) and the reasons it failed, by name
 * (incomplete run, failed gates, significant paired drops, flips under failOnFlip, gated latency rises).
 */
export interface CiVerdict {
  passed: boolean;
  /** What failed, by name: gates, significant paired drops, flips under failOnFlip, gated latency rises. */
  reasons: string[];
}

/**
 * The single answer CI needs: did every gate hold, and if not, which did not. A run missing planned
 * jobs (`completeness`, see completeness.ts) fails first, unless that was allowed.
 */
export function ciVerdict(gates: GateResult[], baseline: BaselineComparison | undefined, completeness?: CompletenessResult): CiVerdict {
  const reasons = completeness === undefined || completeness.pass ? [] : [`incomplete (${completeness.missing} of ${completeness.planned} jobs missing)`];
  reasons.push(...gates.filter((gate) => !gate.pass).map(gateLabel));
  const paired = baseline?.paired;
  for (const test of paired?.significantDrops ?? []) reasons.push(`regression: ${pairedTestLabel(test)}`);
  if (paired?.failOnFlip && paired.drops.length > 0) reasons.push(`${paired.drops.length} pass→fail job(s) with --fail-on-flip`);
  for (const comparison of baseline?.latency ?? []) {
    if (comparison.exceedsGate) reasons.push(`latency: ${comparison.relay} ${comparison.metric}`);
  }
  return { passed: reasons.length === 0, reasons };
}

/** The reasons on one line, the first few by name, so a verdict stays readable at a glance. */
export function reasonsLine(reasons: string[], shown = 5): string {
  const named = reasons.slice(0, shown).join(', ');
  return reasons.length > shown ? `${named} and ${reasons.length - shown} more` : named;
}
