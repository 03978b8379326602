import { observedSettingOf, type ObservedSetting } from '../../analysis/index.js';
import type { JobDetail } from '../../runfolder/details.js';
import { detailLookupOf, type DetailLookup } from '../../runfolder/table.js';
import type { RequestRow } from '../../runfolder/columns.js';
import { numberCell, passCell } from '../../runfolder/cells.js';
import { html, type SafeHtml } from './escape.js';
import { groupedNumber } from '../../format/index.js';
import { GRID_REPEATS, isShownInGrid } from './gridRows.js';

/**
 * Long answers and thought summaries are cut here so a large suite still makes a report a
 * browser opens quickly; the full text stays in requests.csv and details.jsonl.
 */
const MAX_TEXT_CHARS = 4000;

export { GRID_REPEATS, isShownInGrid };

function clipped(text: string | undefined): string | undefined {
  if (text === undefined || text.length <= MAX_TEXT_CHARS) return text;
  return `${text.slice(0, MAX_TEXT_CHARS)}\n… (${text.length - MAX_TEXT_CHARS} more characters in requests.csv / details.jsonl)`;
}

function repeatView(row: RequestRow, detail: JobDetail | undefined): SafeHtml {
  if (row.status !== 'ok') {
    return html`<article class="repeat error" id="job-${String(row.job_id)}">
      <h4>repeat ${row.repeat} · ERROR ${row.error_kind} ${row.http_status}</h4>
      <p class="reason">${row.error_message}</p>
    </article>`;
  }
  const pass = passCell(row.pass);
  const outcome = pass === undefined ? 'not graded' : pass ? 'PASS' : 'FAIL';
  const thought = clipped(detail?.thought_text);
  return html`<article class="repeat ${pass === undefined ? '' : pass ? 'pass' : 'fail'}" id="job-${String(row.job_id)}">
    <h4>repeat ${row.repeat} · ${outcome} · first answer ${groupedNumber(numberCell(row.first_answer_ms))} ms · total ${groupedNumber(numberCell(row.total_ms))} ms</h4>
    ${row.grader_reason === undefined ? '' : html`<p class="reason">grader: ${row.grader_reason}</p>`}
    <div class="label">answer</div><pre class="answer">${clipped(row.answer === undefined ? undefined : String(row.answer)) ?? '(empty)'}</pre>
    ${thought === undefined ? '' : html`<div class="label">thought summary</div><pre class="thought">${thought}</pre>`}
  </article>`;
}

function cellSummary(rows: readonly RequestRow[]): { className: string; text: string } {
  const grades = rows.map((row) => (row.status === 'ok' ? passCell(row.pass) : undefined)).filter((pass): pass is boolean => pass !== undefined);
  const passes = grades.filter(Boolean).length;
  const errors = rows.filter((row) => row.status !== 'ok').length;
  const errorText = errors === 0 ? '' : ` · ${errors} error${errors === 1 ? '' : 's'}`;
  if (grades.length === 0)
    return errors > 0 ? { className: 'error', text: `! ${errors} error${errors === 1 ? '' : 's'}` } : { className: 'ungraded', text: `${rows.length} ungraded` };
  const className = passes === grades.length ? 'pass' : passes === 0 ? 'fail' : 'mixed';
  const mark = className === 'pass' ? '✓' : className === 'fail' ? '✗' : '◐';
  return { className, text: `${mark} ${passes}/${grades.length}${errorText}` };
}

/**
 * Pass or fail per case, relay and thinking setting. Each cell is a `<details>` element that opens
 * onto every repeat: its answer, thought summary and the grader's reason, all as escaped text.
 */
export function caseGrid(
  rows: readonly RequestRow[],
  details: readonly JobDetail[] | DetailLookup,
  cases: readonly string[],
  relays: readonly string[],
  settings: readonly ObservedSetting[],
): SafeHtml {
  const detailOf = detailLookupOf(details);
  const cells = new Map<string, RequestRow[]>();
  for (const row of rows) {
    const key = [row.case_id, row.relay, observedSettingOf(row).key].join('\u0000');
    const cell = cells.get(key);
    if (cell === undefined) cells.set(key, [row]);
    else cell.push(row);
  }
  const body = cases.flatMap((caseId) =>
    relays.map((relay, relayIndex) => {
      const cellViews = settings.map((setting) => {
        const repeats = (cells.get([caseId, relay, setting.key].join('\u0000')) ?? []).sort((a, b) => Number(a.repeat) - Number(b.repeat));
        if (repeats.length === 0) return html`<td class="cell empty">–</td>`;
        const summary = cellSummary(repeats);
        const shown = repeats.filter(isShownInGrid);
        const more = repeats.length - shown.length;
        const moreNote = more === 0 ? '' : html`<p class="muted">… and ${more} more repeat${more === 1 ? '' : 's'} in requests.csv</p>`;
        return html`<td class="cell ${summary.className}"><details><summary>${summary.text}</summary><div class="repeats">${shown.map((row) => repeatView(row, detailOf(row)))}${moreNote}</div></details></td>`;
      });
      const caseHeader = relayIndex === 0 ? html`<th scope="rowgroup" rowspan="${relays.length}" class="case">${caseId}</th>` : '';
      return html`<tr class="${relayIndex === 0 ? 'case-start' : ''}">${caseHeader}<th scope="row">${relay}</th>${cellViews}</tr>`;
    }),
  );
  return html`<div class="table-wrap"><table class="grid"><thead><tr><th scope="col">case</th><th scope="col">relay</th>${settings.map((setting) => html`<th scope="col">${setting.label}</th>`)}</tr></thead><tbody>${body}</tbody></table></div>`;
}
