import { held, highestHeldRates, lagged } from '../analysis/load.js';
import type { SloBounds } from '../runfolder/loadCsv.js';
import type { LoadRow } from '../runfolder/loadCsv.js';
import { formatTable } from './table.js';
import { EMPTY, fixedNumber, percentOneDecimal } from '../format/index.js';

const pct = (value: number | undefined): string => (value === undefined ? EMPTY : percentOneDecimal(value));

/** The SLO in words: `ttft ≤ 2000 ms, first answer ≤ 5000 ms` (or "no latency bound: success only"). */
export function describeSlo(slo: SloBounds): string {
  const parts = [
    slo.ttftMs === undefined ? undefined : `ttft ≤ ${slo.ttftMs} ms`,
    slo.firstAnswerMs === undefined ? undefined : `first answer ≤ ${slo.firstAnswerMs} ms`,
    slo.totalMs === undefined ? undefined : `total ≤ ${slo.totalMs} ms`,
  ].filter((part): part is string => part !== undefined);
  return parts.length === 0 ? 'no latency bound (success only)' : parts.join(', ');
}

/**
 * The load table (one line per relay and offered rate), then per relay the highest rate that
 * held the SLO (attainment ≥ 90%, errors ≤ 5%), and a warning for every step whose start-lag
 * p99 exceeded `maxStartLagMs` (the harness fell behind: its numbers at that rate are not trustworthy).
 */
export function formatLoadReport(rows: readonly LoadRow[], slo: SloBounds, maxStartLagMs: number): string {
  const header = [
    'relay',
    'offered/s',
    'achieved/s',
    'arrivals',
    'dropped',
    'errors',
    '429',
    'ttft p50',
    'ttft p99',
    'answer p50',
    'answer p99',
    'total p50',
    'total p99',
    'lag p99',
    'SLO met',
    'goodput/s',
    'held',
  ];
  const body = rows.map((row) => [
    row.relay,
    fixedNumber(row.offered_rps, 1),
    fixedNumber(row.achieved_rps, 2),
    fixedNumber(row.arrivals),
    fixedNumber(row.dropped),
    fixedNumber(row.errors),
    fixedNumber(row.http_429),
    fixedNumber(row.ttft_ms_p50),
    fixedNumber(row.ttft_ms_p99),
    fixedNumber(row.first_answer_ms_p50),
    fixedNumber(row.first_answer_ms_p99),
    fixedNumber(row.total_ms_p50),
    fixedNumber(row.total_ms_p99),
    fixedNumber(row.start_lag_ms_p99, 1),
    pct(row.slo_attainment),
    fixedNumber(row.goodput_rps, 2),
    held(row) ? 'yes' : 'no',
  ]);
  const lines = [
    formatTable(header, body),
    `(times in ms from request start; errors include 429s; SLO: ${describeSlo(slo)}; held = SLO met by ≥ 90% of arrivals, dropped ones failing, and errors ≤ 5%)`,
    '',
  ];
  for (const [relay, rate] of highestHeldRates(rows)) {
    const lowest = rows.find((row) => row.relay === relay)?.offered_rps;
    lines.push(
      rate === undefined
        ? `relay ${relay} held the SLO at none of the offered rates (lowest: ${fixedNumber(lowest, 1)} req/s)`
        : `relay ${relay} holds up to ${trim(rate)} req/s within the SLO`,
    );
  }
  for (const row of rows.filter((entry) => lagged(entry, maxStartLagMs))) {
    lines.push(
      `warning: ${row.relay} at ${trim(row.offered_rps ?? 0)} req/s: start lag p99 ${fixedNumber(row.start_lag_ms_p99, 1)} ms > ${maxStartLagMs} ms: relaybench itself fell behind its schedule, so the numbers at this rate are not trustworthy (fewer relays or rates per run, or a less loaded machine).`,
    );
  }
  return lines.join('\n');
}

function trim(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(3)));
}
