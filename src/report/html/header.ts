import type { RunManifest } from '../../analysis/index.js';
import type { RequestRow } from '../../runfolder/columns.js';
import { html, type SafeHtml } from './escape.js';

/**
 * What the report's header lists of the plan: the case ids, relays and thinking setting labels
 * that have rows, in report order; with run.json's repeats they give the planned request count.
 */
export interface RunShape {
  cases: readonly string[];
  relays: readonly string[];
  settingLabels: readonly string[];
}

function errorCounts(rows: readonly RequestRow[]): Map<string, Map<string, number>> {
  const byRelay = new Map<string, Map<string, number>>();
  for (const row of rows) {
    if (row.status === 'ok') continue;
    const relay = String(row.relay);
    const kinds = byRelay.get(relay) ?? new Map<string, number>();
    const kind = String(row.error_kind ?? 'unknown');
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    byRelay.set(relay, kinds);
  }
  return byRelay;
}

const kindsText = (kinds: ReadonlyMap<string, number>): string => [...kinds].map(([kind, count]) => `${kind} ×${count}`).join(', ');

function duration(manifest: RunManifest): string {
  const seconds = manifest.durationS ?? (manifest.startedAt && manifest.endedAt ? (Date.parse(manifest.endedAt) - Date.parse(manifest.startedAt)) / 1000 : undefined);
  if (seconds === undefined || !Number.isFinite(seconds)) return 'unknown';
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes} min ${Math.round(seconds - 60 * minutes)} s` : `${seconds.toFixed(1)} s`;
}

/** The harness's own event-loop delay and CPU, and its warning when its timings carry more error than the bound. */
function harnessLine(harness: NonNullable<RunManifest['harness']>): SafeHtml {
  const delay = harness.eventLoopDelayMs;
  const cpu = harness.cpu?.coreShare;
  const facts = `event-loop delay p99 ${delay?.p99 ?? '?'} ms (max ${delay?.max ?? '?'} ms)${cpu === undefined ? '' : `, CPU ${Math.round(cpu * 100)}% of one core`}${harness.concurrency === undefined ? '' : ` at concurrency ${harness.concurrency}`}`;
  return html`<dt>harness</dt><dd>${facts}${harness.warning === undefined ? '' : html`<p class="harness-warning">⚠ ${harness.warning}</p>`}</dd>`;
}

/** Run, suite and plan, when and how long, and the errors by kind: what a reader checks first. */
export function reportHeader(manifest: RunManifest, rows: readonly RequestRow[], shape: RunShape): SafeHtml {
  const config = manifest.config ?? {};
  const repeats = config.repeats ?? Math.max(0, ...rows.map((row) => Number(row.repeat) || 0));
  const planned = manifest.counts?.planned ?? shape.cases.length * shape.relays.length * Math.max(1, shape.settingLabels.length) * repeats;
  const errors = rows.filter((row) => row.status !== 'ok').length;
  const byRelay = errorCounts(rows);
  const allKinds = new Map<string, number>();
  for (const kinds of byRelay.values()) for (const [kind, count] of kinds) allKinds.set(kind, (allKinds.get(kind) ?? 0) + count);
  const settings = shape.settingLabels.length === 0 ? 'no thinking setting' : `thinking ${shape.settingLabels.join(', ')}`;
  return html`<header class="run">
    <h1>relaybench report: ${manifest.suite?.name ?? String(rows[0]?.suite ?? 'run')}</h1>
    <dl>
      <dt>run</dt><dd>${manifest.runId ?? String(rows[0]?.run_id ?? 'unknown')}${manifest.interrupted === true ? ' (interrupted: resumable)' : ''}</dd>
      <dt>suite</dt><dd>${manifest.suite?.name ?? 'unknown'}${manifest.suite?.file === undefined ? '' : html` <span class="muted">(${manifest.suite.file})</span>`}</dd>
      <dt>model</dt><dd>${config.model ?? [...new Set(rows.map((row) => String(row.model)))].join(', ')}${config.includeThoughts === true ? ', thought summaries requested' : ''}</dd>
      <dt>plan</dt><dd>${shape.cases.length} cases × ${shape.relays.length} relays × ${Math.max(1, shape.settingLabels.length)} thinking settings (${settings}) × ${repeats} repeats = ${planned} requests; ${rows.length} in requests.csv</dd>
      <dt>when</dt><dd>${manifest.startedAt ?? 'unknown'} to ${manifest.endedAt ?? 'unknown'} (UTC), ${duration(manifest)}</dd>
      ${manifest.harness === undefined ? '' : harnessLine(manifest.harness)}
      <dt>errors</dt><dd>${errors} of ${rows.length} requests${errors === 0 ? '' : ` (${kindsText(allKinds)})`}${
        byRelay.size === 0 ? '' : html`<ul class="errors">${[...byRelay].map(([relay, kinds]) => html`<li><strong>${relay}</strong>: ${kindsText(kinds)}</li>`)}</ul>`
      }</dd>
    </dl>
  </header>`;
}
