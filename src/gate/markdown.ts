import type { SummaryRow } from '../runfolder/columns.js';
import { thinkingOfCells, thinkingShortLabel } from '../plan/thinking.js';
import type { BaselineComparison } from './baseline.js';
import { completenessLine, type CompletenessResult } from './completeness.js';
import { formatMeasured, formatThreshold } from '../report/gateFormat.js';
import { scopeLabel, type GateResult } from '../analysis/gates.js';
import { baselineMarkdown } from './markdownBaseline.js';
import { markdownTable, markdownText } from './markdownSyntax.js';
import { ciVerdict, reasonsLine } from './verdict.js';
import { msWhole, percentOneDecimal } from '../format/index.js';

export interface RunCounts {
  rows: number;
  ok: number;
  errors: number;
}

export interface SummaryMarkdownInput {
  suiteName: string;
  summaryRows: SummaryRow[];
  gates: GateResult[];
  baseline?: BaselineComparison;
  /** How the report names the baseline, normally its folder. */
  baselineName?: string;
  counts: RunCounts;
  /** Whether every planned job is present; a run missing jobs says so under the verdict. */
  completeness?: CompletenessResult;
  /** One-line warnings about the rows read (duplicates, a torn last line). */
  notes?: string[];
}

function verdictLine(input: SummaryMarkdownInput): string {
  const verdict = ciVerdict(input.gates, input.baseline, input.completeness);
  const suite = markdownText(input.suiteName);
  if (!verdict.passed) return `## ❌ relaybench ${suite}: failed — ${markdownText(reasonsLine(verdict.reasons))}`;
  const checked = input.gates.length === 0 && input.baseline === undefined && input.completeness === undefined ? ' (no gates configured)' : '';
  return `## ✅ relaybench ${suite}: passed${checked}`;
}

function countsLine(input: SummaryMarkdownInput): string {
  const baseline = input.baselineName === undefined ? '' : ` · baseline \`${input.baselineName.replace(/`/g, "'")}\``;
  return `${input.counts.rows} requests · ${input.counts.ok} ok · ${input.counts.errors} errors${baseline}`;
}

function gatesSection(gates: GateResult[]): string[] {
  if (gates.length === 0) return ['No gates configured: set `ci:` in the suite, or pass `--min-pass-rate` / `--max-error-rate`.'];
  const body = gates.map((gate) => [
    gate.name,
    markdownText(scopeLabel(gate.scope)),
    formatThreshold(gate),
    formatMeasured(gate),
    gate.pass ? '✅ pass' : '❌ fail',
  ]);
  return ['### Gates', markdownTable(['gate', 'scope', 'threshold', 'measured', 'result'], body)];
}

function completenessSection(completeness: CompletenessResult | undefined, notes: string[]): string[] {
  const lines = notes.map((note) => `> ${markdownText(note)}`);
  if (completeness !== undefined && completeness.missing > 0) {
    lines.unshift(`**${completeness.pass ? '⚠️ allowed' : '❌ fail'}: ${markdownText(completenessLine(completeness))}**`);
  }
  return lines.length === 0 ? [] : [lines.join('\n\n')];
}

const cell = (value: string | number | undefined, format: (number: number) => string): string =>
  value === undefined || value === '' ? '–' : format(Number(value));

function summarySection(rows: SummaryRow[]): string[] {
  const body = rows.map((row) => [
    markdownText(String(row.relay)),
    markdownText(String(row.model)),
    thinkingShortLabel(thinkingOfCells(row), '–'),
    String(row.n),
    String(row.errors),
    cell(row.pass_rate, percentOneDecimal),
    cell(row.pass_all_repeats_rate, percentOneDecimal),
    row.pass_ci_low === undefined ? '–' : `${cell(row.pass_ci_low, percentOneDecimal)}–${cell(row.pass_ci_high, percentOneDecimal)}`,
    cell(row.ttft_ms_p50, msWhole),
    cell(row.first_answer_ms_p50, msWhole),
    cell(row.total_ms_p50, msWhole),
    cell(row.total_ms_p90, msWhole),
  ]);
  const header = ['relay', 'model', 'thinking', 'n', 'errors', 'pass', 'pass^k (every repeat)', 'pass 95% CI', 'ttft p50', 'answer p50', 'total p50', 'total p90'];
  return ['### Per relay', markdownTable(header, body)];
}

/**
 * `summary.md`, written for a reviewer with ten seconds: the verdict first, then each gate with its
 * threshold and measured value, then what changed against the baseline by name, then the numbers.
 * Pure; the same text goes to the run folder and to GitHub's job summary.
 */
export function renderSummaryMarkdown(input: SummaryMarkdownInput): string {
  const sections = [
    verdictLine(input),
    countsLine(input),
    ...completenessSection(input.completeness, input.notes ?? []),
    ...gatesSection(input.gates),
    ...(input.baseline === undefined ? [] : baselineMarkdown(input.baseline)),
    ...summarySection(input.summaryRows),
  ];
  return `${sections.join('\n\n')}\n`;
}
