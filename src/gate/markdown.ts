import type { SummaryRow } from '../runfolder/columns.js';
import type { BaselineComparison } from './baseline.js';
import { completenessLine, type CompletenessResult } from './completeness.js';
import type { GateResult } from '../analysis/gates.js';
import { baselineMarkdown } from './markdownBaseline.js';
import { GATES_TABLE, markdownText, renderMarkdownTable, SUMMARY_TABLE } from '../report/tables/index.js';
import { ciVerdict, reasonsLine } from './verdict.js';

/**
 * Request rows of the run for summary.md's counts line: all rows, `ok` rows and the rest (`errors`, any non-ok status).
 */
export interface RunCounts {
  rows: number;
  ok: number;
  errors: number;
}

/**
 * What summary.md (docs/run-folder.md#summarymd) is built from: the suite's name, summary.csv rows,
 * gate results, the optional baseline comparison and its name, the row counts, the completeness
 * result and reading warnings. Already computed: rendering is pure.
 */
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
  return ['### Gates', renderMarkdownTable(GATES_TABLE, gates)];
}

function completenessSection(completeness: CompletenessResult | undefined, notes: string[]): string[] {
  const lines = notes.map((note) => `> ${markdownText(note)}`);
  if (completeness !== undefined && completeness.missing > 0) {
    lines.unshift(`**${completeness.pass ? '⚠️ allowed' : '❌ fail'}: ${markdownText(completenessLine(completeness))}**`);
  }
  return lines.length === 0 ? [] : [lines.join('\n\n')];
}

function summarySection(rows: SummaryRow[]): string[] {
  return ['### Per relay', renderMarkdownTable(SUMMARY_TABLE, rows)];
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
