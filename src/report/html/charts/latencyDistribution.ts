import { columnValues } from '../../../analysis/index.js';
import type { RequestRow } from '../../../runfolder/columns.js';
import type { RelayStyle } from '../palette.js';
import { baseOptions, linearAxis, okRowsOf, type ChartSpec, type Point } from './common.js';

/**
 * Empirical cumulative distribution: for each time, the share of requests that had their first
 * token by then. Unlike a histogram it needs no bin width, shows every percentile at once (read
 * across at 50% or 90%), and overlays several relays legibly.
 */
export function ecdfPoints(values: readonly number[]): Point[] {
  const sorted = [...values].sort((a, b) => a - b);
  const first = sorted[0];
  if (first === undefined) return [];
  return [{ x: first, y: 0 }, ...sorted.map((value, index) => ({ x: value, y: (100 * (index + 1)) / sorted.length }))];
}

const METRICS = {
  ttft_ms: { id: 'chart-ttft', name: 'time to first token', short: 'ttft' },
  first_answer_ms: { id: 'chart-first-answer', name: 'time to first answer token', short: 'first answer' },
} as const;

/**
 * The report's ECDF chart of `ttft_ms` or `first_answer_ms` (ms) per relay over successful
 * requests: the share of requests (%) answered by each time, as a step line with a marker at the
 * median (see `ecdfPoints`). Pure.
 */
export function latencyDistributionChart(rows: readonly RequestRow[], relays: readonly string[], styles: ReadonlyMap<string, RelayStyle>, column: keyof typeof METRICS): ChartSpec {
  const metric = METRICS[column];
  const datasets = relays.map((relay) => {
    const style = styles.get(relay) as RelayStyle;
    const values = columnValues(okRowsOf(rows, relay), column);
    const data = ecdfPoints(values);
    // The relay's marker sits on its median only: it names the line in the legend and in print.
    const medianIndex = data.findIndex((point) => (point.y ?? 0) >= 50);
    return {
      label: `${relay} (n=${values.length})`,
      data,
      showLine: true,
      stepped: 'after',
      borderColor: style.color,
      backgroundColor: style.color,
      borderDash: style.dash,
      pointStyle: style.pointStyle,
      borderWidth: 2,
      pointRadius: data.map((_, index) => (index === medianIndex ? 6 : 0)),
      pointHitRadius: 6,
    };
  });
  return {
    id: metric.id,
    title: `Distribution of ${metric.name}, per relay`,
    caption: `Share of successful requests (y) whose ${metric.name} came within x milliseconds of the request; the marker sits at each relay's median. Steeper and further left is faster and steadier.`,
    config: {
      type: 'scatter',
      data: { datasets },
      options: baseOptions(linearAxis(`${metric.name} (ms)`, { beginAtZero: true }), linearAxis('requests answered by then (%)', { min: 0, max: 100 })),
    },
  };
}
