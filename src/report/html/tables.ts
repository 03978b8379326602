import { VERDICT_KEYS, VERDICT_LABELS, type BudgetAdvice, type RelayComparison, type RelayVerdict } from '../../analysis/index.js';
import type { GateResult } from '../../analysis/gates.js';
import type { DifferenceInterval } from '../../stats/index.js';
import type { SummaryRow } from '../../runfolder/columns.js';
import { GATES_TABLE, htmlTable, renderHtmlTable, SUMMARY_TABLE } from '../tables/index.js';
import { html, type SafeHtml } from './escape.js';
import { EMPTY, groupedNumber, percentWhole, signedGroupedNumber } from '../../format/index.js';

/** report.html's Summary: {@link SUMMARY_TABLE}'s HTML view, one row per (relay, model, thinking setting). */
export function summaryTable(rows: readonly SummaryRow[]): SafeHtml {
  return renderHtmlTable(SUMMARY_TABLE, rows, 'summary');
}

/** report.html's CI gates: {@link GATES_TABLE}'s HTML view, one row per gate with a PASS/FAIL badge. */
export function gatesTable(gates: readonly GateResult[]): SafeHtml {
  return renderHtmlTable(GATES_TABLE, gates, 'gates');
}

/** The job ids a FAIL cites (`e.g. job_ids 1a2b…, 3c4d…`), linked to their repeat in the case grid. */
const CITED_JOB_ID = /\b([0-9a-f]{16})\b/g;

function evidenceHtml(evidence: string): SafeHtml {
  const parts: Array<SafeHtml | string> = [];
  let last = 0;
  for (const match of evidence.matchAll(CITED_JOB_ID)) {
    parts.push(evidence.slice(last, match.index));
    parts.push(html`<a href="#job-${match[1]}">${match[1]}</a>`);
    last = match.index + match[0].length;
  }
  parts.push(evidence.slice(last));
  return html`${parts}`;
}

/** How many of a relay's captured streams the verdicts table links by name; the rest are counted. */
const CAPTURE_LINKS = 4;

/** Links under a relay's name to its captured streams (`captures/<job_id>.jsonl`): the raw evidence behind its verdicts. */
function captureLinks(jobIds: readonly string[] | undefined): SafeHtml | string {
  if (jobIds === undefined || jobIds.length === 0) return '';
  const links = jobIds.slice(0, CAPTURE_LINKS).map((jobId) => html` <a href="captures/${jobId}.jsonl">${jobId.slice(0, 6)}</a>`);
  const more = jobIds.length > CAPTURE_LINKS ? ` and ${jobIds.length - CAPTURE_LINKS} more` : '';
  return html`<div class="evidence">raw streams:${links}${more}</div>`;
}

/** One row per relay; with `capturesByRelay` (job ids with a capture file), links to the raw streams under the relay's name. */
export function verdictsTable(verdicts: readonly RelayVerdict[], capturesByRelay?: ReadonlyMap<string, readonly string[]>): SafeHtml {
  const head = ['relay', ...VERDICT_KEYS.map((key) => VERDICT_LABELS[key].title)];
  const body = verdicts.map(
    (row) =>
      html`<tr><th scope="row">${row.relay}${captureLinks(capturesByRelay?.get(row.relay))}</th>${VERDICT_KEYS.map((key) => {
        const { verdict, evidence } = row[key];
        const className = verdict === 'n/a' ? 'na' : verdict;
        return html`<td class="verdict ${className}"><span class="badge">${verdict.toUpperCase()}</span><div class="evidence">${evidenceHtml(evidence)}</div></td>`;
      })}</tr>`,
  );
  return htmlTable(head, body, 'verdicts');
}

/** report.html's Budget advice: one row per (relay, model), the recommended and the best setting with the test behind the choice. */
export function adviceTable(advice: readonly BudgetAdvice[]): SafeHtml {
  const head = [
    'relay',
    'model',
    'recommended',
    'best accuracy',
    'one-sided p',
    'first answer p50 saved',
    'total p50 saved',
    'thought tokens saved (mean)',
    'decision',
    'evidence',
  ];
  const body = advice.map((entry) => {
    const outcome = (which: 'recommended' | 'best'): string => `${entry[which].setting.label}: ${percentWhole(entry[which].passRate)} of ${entry[which].graded}`;
    const decision = entry.decision === 'too few data' ? `too few data (need ${entry.neededRepeats} repeats)` : entry.decision;
    return html`<tr>
      <th scope="row">${entry.relay}</th><td>${entry.model}</td>
      <td><strong>${outcome('recommended')}</strong></td><td>${outcome('best')}</td>
      <td class="num">${groupedNumber(entry.pValue, 3)}</td>
      <td class="num">${signedGroupedNumber(entry.savedFirstAnswerP50Ms, ' ms')}</td>
      <td class="num">${signedGroupedNumber(entry.savedTotalP50Ms, ' ms')}</td>
      <td class="num">${signedGroupedNumber(entry.savedThoughtTokensMean, '')}</td>
      <td class="${entry.decision === 'recommend' ? '' : 'warn'}">${decision}</td>
      <td class="evidence">${entry.evidence}</td>
    </tr>`;
  });
  return htmlTable(head, body, 'advice');
}

function interval(difference: DifferenceInterval | undefined, scale: number, unit: string): string {
  if (difference === undefined) return EMPTY;
  const value = (number: number): string => signedGroupedNumber(number * scale, unit);
  return `${value(difference.estimate)} (${value(difference.low)} to ${value(difference.high)})`;
}

/** report.html's Relay comparison: one row per pair of relays on a model, first-answer latency and pass rate with 95% intervals. */
export function comparisonTable(comparisons: readonly RelayComparison[]): SafeHtml {
  const head = ['model', 'relay A', 'relay B', 'settings pooled', 'first answer p50 A / B', 'A − B (95% CI)', 'finding', 'pass A / B', 'A − B (95% CI)', 'finding'];
  const body = comparisons.map(
    (entry) => html`<tr>
      <td>${entry.model}</td><th scope="row">${entry.relayA}</th><th scope="row">${entry.relayB}</th>
      <td>${entry.settings.join(', ')}</td>
      <td class="num">${groupedNumber(entry.firstAnswerMs.medianA)} / ${groupedNumber(entry.firstAnswerMs.medianB)} ms</td>
      <td class="num">${interval(entry.firstAnswerMs.difference, 1, ' ms')}</td>
      <td>${entry.firstAnswerMs.finding}</td>
      <td class="num">${entry.passRate.passesA}/${entry.passRate.gradedA} · ${entry.passRate.passesB}/${entry.passRate.gradedB}</td>
      <td class="num">${interval(entry.passRate.difference, 100, ' pt')}</td>
      <td>${entry.passRate.finding}</td>
    </tr>`,
  );
  return htmlTable(head, body, 'comparison');
}
