import type { LoadRow } from '../../../runfolder/loadCsv.js';
import { withAlpha, type RelayStyle } from '../palette.js';
import { baseOptions, linearAxis, lineStyle, type ChartSpec } from './common.js';

/** A log x axis when the offered rates span a factor of 8 or more (doubling steps), else linear. */
function rateAxis(rows: readonly LoadRow[]): Record<string, unknown> {
  const rates = rows.map((row) => row.offered_rps ?? 0).filter((rate) => rate > 0);
  const wide = rates.length > 0 && Math.max(...rates) / Math.min(...rates) >= 8;
  // tickPrefix: read by the page script's log-axis labels (chartRuntime.ts), which default to USD.
  return { type: wide ? 'logarithmic' : 'linear', tickPrefix: '', title: { display: true, text: 'offered rate (requests/s)' } };
}

function relayRows(rows: readonly LoadRow[], relay: string): LoadRow[] {
  return rows.filter((row) => row.relay === relay).sort((a, b) => (a.offered_rps ?? 0) - (b.offered_rps ?? 0));
}

/**
 * Load mode's two charts from load.csv: time to first token p50 (solid) and p99 (faint) per relay
 * against the offered rate, where a knee shows the relay starting to queue; and goodput (requests
 * per second that met the SLO) against the offered rate, with the ideal y = x line: a relay holds
 * while its line follows the diagonal. Empty when there are no load rows.
 */
export function loadCharts(rows: readonly LoadRow[], relays: readonly string[], styles: ReadonlyMap<string, RelayStyle>): ChartSpec[] {
  if (rows.length === 0) return [];
  const ordered = [...relays.filter((relay) => rows.some((row) => row.relay === relay)), ...new Set(rows.map((row) => row.relay).filter((relay) => !relays.includes(relay)))];
  const styleOf = (relay: string, index: number): RelayStyle => styles.get(relay) ?? ([...styles.values()][index % Math.max(1, styles.size)] as RelayStyle);
  const latency = ordered.flatMap((relay, index) => {
    const style = styleOf(relay, index);
    const own = relayRows(rows, relay);
    const point = (value: number | undefined, row: LoadRow, label: string): { x: number; y: number | null; note: string } => ({
      x: row.offered_rps ?? 0,
      y: value ?? null,
      note: `${relay} at ${row.offered_rps} req/s: ttft ${label} ${value === undefined ? '–' : Math.round(value)} ms`,
    });
    return [
      { type: 'line', label: `${relay} p50`, data: own.map((row) => point(row.ttft_ms_p50, row, 'p50')), ...lineStyle(style) },
      {
        type: 'line',
        label: `${relay} p99`,
        data: own.map((row) => point(row.ttft_ms_p99, row, 'p99')),
        ...lineStyle(style),
        borderColor: withAlpha(style.color, 0.45),
        backgroundColor: withAlpha(style.color, 0.45),
        borderWidth: 1,
      },
    ];
  });
  // A point at every offered rate, so the diagonal is exact where the relays' points are, on a log axis too.
  const offered = [...new Set(rows.map((row) => row.offered_rps ?? 0))].sort((a, b) => a - b);
  const goodput = [
    { type: 'line', label: 'offered (ideal)', data: offered.map((rate) => ({ x: rate, y: rate })), borderColor: '#999', borderDash: [2, 4], pointRadius: 0, borderWidth: 1 },
    ...ordered.map((relay, index) => ({
      type: 'line',
      label: relay,
      data: relayRows(rows, relay).map((row) => ({
        x: row.offered_rps ?? 0,
        y: row.goodput_rps ?? null,
        note: `${relay} at ${row.offered_rps} req/s: goodput ${row.goodput_rps ?? '–'}/s, SLO met ${row.slo_attainment === undefined ? '–' : `${(row.slo_attainment * 100).toFixed(1)}%`}, ${row.dropped ?? 0} dropped, ${row.http_429 ?? 0} × 429`,
      })),
      ...lineStyle(styleOf(relay, index)),
    })),
  ];
  return [
    {
      id: 'chart-load-latency',
      title: 'Time to first token against offered rate',
      caption:
        'Per relay: ttft p50 (solid) and p99 (faint) of successful requests at each offered rate of the load run (load.csv). A relay starts queueing where its line bends up.',
      config: { type: 'line', data: { datasets: latency }, options: baseOptions(rateAxis(rows), linearAxis('time to first token (ms)', { min: 0 })) },
    },
    {
      id: 'chart-load-goodput',
      title: 'Goodput against offered rate',
      caption:
        'Requests per second that succeeded within the SLO (load.csv goodput_rps). A relay holds while its line follows the dotted diagonal (all offered load served within the SLO); it saturates where the line flattens or falls.',
      config: { type: 'line', data: { datasets: goodput }, options: baseOptions(rateAxis(rows), linearAxis('goodput (requests/s within the SLO)', { min: 0 })) },
    },
  ];
}
