import { columnValues, observedSettingOf, thoughtTokensOf } from '../../../analysis/index.js';
import { passCell } from '../../../runfolder/cells.js';
import { quantiles, wilsonInterval } from '../../../stats/index.js';
import type { RequestRow } from '../../../runfolder/columns.js';
import { withAlpha, type RelayStyle } from '../palette.js';
import { baseOptions, dodgedX, lineStyle, linearAxis, okRowsOf, settingXAxis, whiskerDataset, type ChartSpec, type Point, type SettingAxis } from './common.js';

interface Estimate {
  x: number;
  y: number;
  low: number;
  high: number;
}

/**
 * One point with whiskers per (relay, setting), dodged around the setting; relays with no data at a
 * setting simply have no point there.
 */
function pointsWithWhiskers(
  rows: readonly RequestRow[],
  relays: readonly string[],
  styles: ReadonlyMap<string, RelayStyle>,
  axis: SettingAxis,
  estimate: (rows: RequestRow[]) => { y: number; low: number; high: number } | undefined,
): Array<Record<string, unknown>> {
  return relays.flatMap((relay, relayIndex) => {
    const style = styles.get(relay) as RelayStyle;
    const estimates: Estimate[] = axis.settings.flatMap((setting, settingIndex) => {
      const atSetting = okRowsOf(rows, relay).filter((row) => observedSettingOf(row).key === setting.key);
      const value = estimate(atSetting);
      return value === undefined ? [] : [{ x: dodgedX(settingIndex, relayIndex, relays.length), ...value }];
    });
    return [{ label: relay, data: estimates.map(({ x, y }) => ({ x, y })), showLine: true, ...lineStyle(style) }, whiskerDataset(`${relay} interval`, style, estimates)];
  });
}

/**
 * The report's "total latency per thinking setting" chart: per relay and setting, the median
 * `total_ms` of successful requests (point, ms) with a 10th–90th percentile whisker (Hyndman & Fan
 * 1996 type 7). Pure: rows in, Chart.js configuration out.
 */
export function totalLatencyChart(rows: readonly RequestRow[], relays: readonly string[], styles: ReadonlyMap<string, RelayStyle>, axis: SettingAxis): ChartSpec {
  const datasets = pointsWithWhiskers(rows, relays, styles, axis, (atSetting) => {
    const [p10, p50, p90] = quantiles(columnValues(atSetting, 'total_ms'), [10, 50, 90]) ?? [];
    return p10 === undefined || p50 === undefined || p90 === undefined ? undefined : { y: p50, low: p10, high: p90 };
  });
  return {
    id: 'chart-total',
    title: 'Total latency per thinking setting and relay',
    caption:
      'Median total time of successful requests (point) with the 10th to 90th percentile (whisker), per thinking setting. Thinking more costs time; a relay far above the others at every setting adds its own delay.',
    xLabels: axis.settings.map((setting) => setting.label),
    config: { type: 'scatter', data: { datasets }, options: baseOptions(settingXAxis(axis), linearAxis('total latency (ms)', { beginAtZero: true })) },
  };
}

/**
 * The report's "pass rate per thinking setting" chart: per relay and setting, the share of graded
 * answers that passed (point, in %) with its Wilson 95% score interval (Wilson 1927) as whisker.
 * Settings or relays without graded answers have no point. Pure.
 */
export function passRateChart(rows: readonly RequestRow[], relays: readonly string[], styles: ReadonlyMap<string, RelayStyle>, axis: SettingAxis): ChartSpec {
  const datasets = pointsWithWhiskers(rows, relays, styles, axis, (atSetting) => {
    const grades = atSetting.map((row) => passCell(row.pass)).filter((pass): pass is boolean => pass !== undefined);
    const passes = grades.filter(Boolean).length;
    const interval = wilsonInterval(passes, grades.length);
    return interval === undefined ? undefined : { y: (100 * passes) / grades.length, low: 100 * interval.low, high: 100 * interval.high };
  });
  return {
    id: 'chart-pass-rate',
    title: 'Pass rate per thinking setting and relay',
    caption:
      'Share of graded answers that passed (point) with its Wilson 95% interval (whisker). Where whiskers overlap widely, the data cannot tell the settings or relays apart.',
    xLabels: axis.settings.map((setting) => setting.label),
    config: { type: 'scatter', data: { datasets }, options: baseOptions(settingXAxis(axis), linearAxis('pass rate (%)', { min: 0, max: 100 })) },
  };
}

/**
 * Every response's thought tokens, with the fixed budgets drawn as a line: a relay that honours
 * the budget keeps its points under the line, a budget-ignorer's float above it.
 */
export function thoughtTokensChart(rows: readonly RequestRow[], relays: readonly string[], styles: ReadonlyMap<string, RelayStyle>, axis: SettingAxis): ChartSpec {
  const datasets: Array<Record<string, unknown>> = relays.map((relay, relayIndex) => {
    const style = styles.get(relay) as RelayStyle;
    const data: Point[] = okRowsOf(rows, relay).flatMap((row) => {
      const tokens = thoughtTokensOf(row);
      const settingIndex = axis.settings.findIndex((setting) => setting.key === observedSettingOf(row).key);
      return tokens === undefined ? [] : [{ x: dodgedX(settingIndex, relayIndex, relays.length), y: tokens }];
    });
    return { label: relay, data, ...lineStyle(style), backgroundColor: withAlpha(style.color, 0.35), pointRadius: 4 };
  });
  const budgetLine: Point[] = axis.settings.flatMap((setting, index) =>
    setting.budget === undefined
      ? []
      : [
          { x: index - 0.4, y: setting.budget },
          { x: index + 0.4, y: setting.budget },
          { x: index + 0.4, y: null },
        ],
  );
  if (budgetLine.length > 0) {
    datasets.unshift({
      label: 'thinking budget (cap)',
      data: budgetLine,
      showLine: true,
      spanGaps: false,
      borderColor: '#444444',
      borderDash: [6, 3],
      borderWidth: 2,
      pointRadius: 0,
      pointStyle: 'line',
    });
  }
  return {
    id: 'chart-thought-tokens',
    title: 'Thought tokens against the thinking budget',
    caption:
      'Thought tokens billed by each successful response (one point each), with each fixed budget drawn as a dashed line. Points above the line went over budget; dynamic and levels set no cap.',
    xLabels: axis.settings.map((setting) => setting.label),
    config: { type: 'scatter', data: { datasets }, options: baseOptions(settingXAxis(axis), linearAxis('thought tokens', { beginAtZero: true })) },
  };
}
