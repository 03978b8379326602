import type { BudgetAdvice, RelayComparison, RelayVerdict, RunManifest } from '../../analysis/index.js';
import type { GateResult } from '../../analysis/gates.js';
import { distinct, relayOrder, settingsOf } from '../../analysis/index.js';
import type { JobDetail } from '../../runfolder/details.js';
import type { DetailLookup } from '../../runfolder/table.js';
import type { RequestRow } from '../../runfolder/columns.js';
import { summarize } from '../../analysis/summary.js';
import { caseGrid } from './caseGrid.js';
import { buildCharts, type ChartSpec } from './charts/index.js';
import { loadCharts } from './charts/loadCharts.js';
import type { LoadRow } from '../../runfolder/loadCsv.js';
import { CHART_RUNTIME } from './chartRuntime.js';
import { html, inlineScriptSource, scriptJson, trustedHtml, type SafeHtml } from './escape.js';
import { reportHeader } from './header.js';
import { relayStyles } from './palette.js';
import { REPORT_CSS } from './styles.js';
import { costAdviceTable } from './costAdviceTable.js';
import { judgeSection } from './judgeSection.js';
import { adviceTable, comparisonTable, gatesTable, summaryTable, verdictsTable } from './tables.js';

/**
 * Everything report.html is rendered from, already analysed: rows, details, run.json, relay
 * verdicts, budget advice, relay comparisons, the suite's gates, Chart.js's source to inline, and
 * optionally the captured job ids and load.csv rows. Rendering is pure.
 */
export interface ReportInput {
  rows: readonly RequestRow[];
  /** details.jsonl records, or a lookup joining them to rows (a RunTable's `detailOf`). */
  details: readonly JobDetail[] | DetailLookup;
  manifest: RunManifest;
  verdicts: readonly RelayVerdict[];
  advice: readonly BudgetAdvice[];
  comparisons: readonly RelayComparison[];
  /** The suite's `ci:` gates evaluated on the rows (empty when the suite sets none). */
  gates: readonly GateResult[];
  /** Chart.js's UMD build (see `readChartLibrary`), inlined so the report opens offline. */
  chartLibrary: string;
  /** Job ids that have a raw capture under captures/ (absent: none). */
  captures?: readonly string[];
  /** load.csv's rows when the run was a load run (absent: none), drawn against offered rate. */
  load?: readonly LoadRow[];
}

/**
 * No network at all, as defence in depth behind the escaping: even an injected element could load
 * nothing, and no script from anywhere but this file can run.
 */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** The Judge section when run.json has a `judge` record (judge calls are not rows, so they are shown apart). */
function judgeTableOf(manifest: RunManifest): SafeHtml | string {
  const table = judgeSection(manifest.judge);
  return table === undefined
    ? ''
    : section('judge', 'Judge', 'The model that graded judge expectations: its calls (not measured rows), failures, tokens and cost, and how far its votes agreed.', table);
}

function chartFigure(spec: ChartSpec): SafeHtml {
  return html`<figure class="chart"><h3>${spec.title}</h3><div class="canvas-box"><canvas id="${spec.id}" role="img" aria-label="${spec.title}"></canvas></div><figcaption>${spec.caption}</figcaption></figure>`;
}

function section(id: string, title: string, lead: string, content: SafeHtml): SafeHtml {
  return html`<section id="${id}"><h2>${title}</h2><p class="lead">${lead}</p>${content}</section>`;
}

const emptyNote = (text: string): SafeHtml => html`<p class="muted">${text}</p>`;

/**
 * report.html as one string: pure, so the same rows always give the same bytes. Every value from
 * the run is escaped text (see escape.ts); chart data travels as JSON in a non-executable script
 * element with `<` escaped, read by the report's own script and drawn on canvases.
 */
export function renderReport(input: ReportInput): string {
  return renderReportParts(input).join('');
}

/**
 * report.html in parts whose concatenation is `renderReport`'s string: the page, the chart data
 * (most of a large run's bytes: ~6.6 MB at 100,000 jobs) and the scripts. Written one after the
 * other (writeReport), no part is copied into one whole-page string, so the chart JSON stays a
 * one-byte string instead of being flattened with the page's non-Latin-1 text into a two-byte one.
 */
export function renderReportParts(input: ReportInput): string[] {
  const { rows, manifest } = input;
  const relays = relayOrder(rows, manifest);
  const styles = relayStyles(relays);
  const settings = settingsOf(rows);
  const cases = [...new Set([...(manifest.config?.cases?.map((testCase) => testCase.id) ?? []), ...distinct(rows, 'case_id')])].filter((id) =>
    rows.some((row) => row.case_id === id),
  );
  const charts = [...loadCharts(input.load ?? [], relays, styles), ...buildCharts(rows, relays, styles)];
  const title = `relaybench: ${manifest.suite?.name ?? 'run'} ${manifest.runId ?? ''}`.trim();

  const body = html`
<nav><a href="#gates">Gates</a><a href="#verdicts">Verdicts</a><a href="#charts">Charts</a><a href="#budgets">Budget advice</a><a href="#comparison">Relay comparison</a>${manifest.judge === undefined ? '' : html`<a href="#judge">Judge</a>`}<a href="#summary">Summary</a><a href="#grid">Per-case grid</a></nav>
${reportHeader(manifest, rows, { cases, relays, settingLabels: settings.filter((setting) => setting.kind !== 'none').map((setting) => setting.label) })}
${section('gates', 'CI gates', "The suite's ci: thresholds, overall and per relay, as relaybench run checks them (command-line overrides such as --min-pass-rate are not recorded in run.json, so they are not applied here).", input.gates.length === 0 ? emptyNote('No gates configured (the suite has no ci: block).') : gatesTable(input.gates))}
${section('verdicts', 'Relay verdicts', 'Is each relay honest? Each verdict shows the numbers that decided it; n/a means the run had nothing to judge it on.', verdictsTable(input.verdicts, capturesByRelay(rows, input.captures)))}
${section('charts', 'Charts', 'One colour, point shape and dash per relay throughout.', html`<div class="charts">${charts.map(chartFigure)}</div>`)}
${section('budgets', 'Budget advice', 'Per relay and model: the smallest thinking setting whose pass rate is not significantly below the best one (one-sided Fisher exact test, α = 0.05), and what it saves against the best.', input.advice.length === 0 ? emptyNote('No relay swept two or more thinking settings with graded answers.') : adviceTable(input.advice))}
${input.advice.some((entry) => entry.cost !== undefined) ? section('cost-advice', 'Cost-aware advice', 'Per relay and model: the cheapest thinking setting (mean cost per successful request) whose pass rate is not significantly below the best one (one-sided Fisher exact test, α = 0.05), and what it saves against the best.', costAdviceTable(input.advice)) : ''}
${section('comparison', 'Relay comparison', 'Each pair of relays on the thinking settings both ran: difference in median time to first answer token (seeded bootstrap 95% CI) and in pass rate (Newcombe 95% CI). An interval spanning zero reads "no detectable difference".', input.comparisons.length === 0 ? emptyNote('Only one relay ran.') : comparisonTable(input.comparisons))}
${judgeTableOf(manifest)}
${section('summary', 'Summary', 'One row per relay, model and thinking setting, as in summary.csv; latency percentiles in ms over successful requests.', summaryTable(summarize(rows, relays)))}
${section('grid', 'Per-case grid', "Pass or fail per case, relay and thinking setting: ✓ all repeats passed, ✗ none did, ◐ some did. Open a cell for each repeat's answer, thought summary and grader reason.", caseGrid(rows, input.details, cases, relays, settings))}
<footer>Written by relaybench from requests.csv, details.jsonl and run.json. Charts drawn with Chart.js (MIT licence), inlined.</footer>`;

  return [
    `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html`${title}`}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${body}
<script type="application/json" id="chart-data">`,
    scriptJson(charts),
    `</script>
<script>${trustedHtml(inlineScriptSource(input.chartLibrary))}</script>
<script>${trustedHtml(inlineScriptSource(CHART_RUNTIME))}</script>
</body>
</html>
`,
  ];
}

/** The captured job ids of each relay, errors first (the failures a verdict or error count points at). */
function capturesByRelay(rows: readonly RequestRow[], captures: readonly string[] | undefined): Map<string, string[]> {
  const byRelay = new Map<string, string[]>();
  if (captures === undefined || captures.length === 0) return byRelay;
  const captured = new Set(captures);
  const ordered = [...rows].sort((a, b) => Number(a.status === 'ok') - Number(b.status === 'ok'));
  for (const row of ordered) {
    const jobId = String(row.job_id);
    if (!captured.has(jobId)) continue;
    const list = byRelay.get(String(row.relay)) ?? [];
    list.push(jobId);
    byRelay.set(String(row.relay), list);
  }
  return byRelay;
}
