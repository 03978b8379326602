import { GATES_TABLE, renderTextTable } from '../report/tables/index.js';
import type { BaselineComparison } from './baseline.js';
import { completenessLine, type CompletenessResult } from './completeness.js';
import type { GateResult } from '../analysis/gates.js';
import { isCredibleShift } from './latencyChange.js';
import { describeVersionChange } from './modelVersions.js';
import { pairedConsoleLines } from './pairedConsole.js';
import { ciVerdict, reasonsLine } from './verdict.js';
import { msWhole, signedPercentChange } from '../format/index.js';

/**
 * What the CI console text is built from: the gate results, the optional baseline comparison and
 * its display name, the files written (as the user would type them), the completeness result and
 * one-line reading warnings. All already computed: rendering is pure.
 */
export interface ConsoleTextInput {
  gates: GateResult[];
  baseline?: BaselineComparison;
  baselineName?: string;
  /** Files written, as the user should type them. */
  written: string[];
  /** Whether every planned job is present; shown first, as a gate. */
  completeness?: CompletenessResult;
  /** One-line warnings about the rows read (duplicates, a torn last line). */
  notes?: string[];
}

function gateLines(gates: GateResult[]): string[] {
  if (gates.length === 0) return ['Gates: none configured (suite `ci:` block or --min-pass-rate / --max-error-rate).'];
  return ['Gates:', renderTextTable(GATES_TABLE, gates)];
}

function baselineLines(baseline: BaselineComparison, name: string | undefined): string[] {
  // The per-cell Fisher detail is in summary.md; the log shows what decides.
  const lines = pairedConsoleLines(baseline.paired, name);
  if (baseline.unsharedWhy.length > 0) lines.push(`  Why some jobs are in one run only: ${baseline.unsharedWhy.join('; ')}`);
  // Only latency that credibly moved or broke the gate: the full table is in summary.md.
  for (const comparison of baseline.latency.filter((entry) => entry.exceedsGate || isCredibleShift(entry))) {
    const gate = comparison.exceedsGate ? '  FAIL (over the latency gate)' : '';
    lines.push(
      `  LATENCY     ${comparison.relay} ${comparison.metric}: p50 ${msWhole(comparison.baseline.p50)} → ${msWhole(comparison.current.p50)} (${signedPercentChange(comparison.p50ChangePct)}), ` +
        `p90 ${msWhole(comparison.baseline.p90)} → ${msWhole(comparison.current.p90)} (${signedPercentChange(comparison.p90ChangePct)})${gate}`,
    );
  }
  for (const change of baseline.modelVersionChanges) lines.push(`  MODEL       ${change.relay}: ${describeVersionChange(change)}`);
  return lines;
}

/**
 * What a CI log shows: each gate with threshold, measured value and PASS/FAIL, the baseline's
 * findings, and one result line. Plain text with no colour codes, so logs and grep stay clean.
 */
export function renderConsoleText(input: ConsoleTextInput): string {
  const verdict = ciVerdict(input.gates, input.baseline, input.completeness);
  const lines = [...(input.notes ?? [])];
  if (input.completeness !== undefined && input.completeness.missing > 0) {
    lines.push(`${input.completeness.pass ? 'ALLOWED' : 'FAIL'}  ${completenessLine(input.completeness)}`);
  }
  lines.push(...gateLines(input.gates));
  if (input.baseline !== undefined) lines.push('', ...baselineLines(input.baseline, input.baselineName));
  lines.push('', verdict.passed ? 'Result: PASSED' : `Result: FAILED — ${reasonsLine(verdict.reasons)}`);
  if (input.written.length > 0) lines.push(`Wrote ${input.written.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
