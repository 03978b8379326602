import { settingsOf, type ObservedSetting } from '../../../analysis/index.js';
import type { RequestRow } from '../../../runfolder/columns.js';
import { withAlpha, type RelayStyle } from '../palette.js';

/**
 * A chart as data: the Chart.js configuration (plain JSON, embedded in the page) plus the labels
 * of a category-like x axis, which the page's script turns into a tick callback since functions
 * cannot travel as JSON.
 */
export interface ChartSpec {
  id: string;
  title: string;
  /** What the chart shows and how to read it, under the chart. */
  caption: string;
  config: Record<string, unknown>;
  xLabels?: string[];
}

/** One chart point: `x` (a setting position or ms), `y` (ms, tokens or %); `null` breaks a line between whiskers. */
export interface Point {
  x: number;
  y: number | null;
}

/** The thinking settings of the run as x positions 0..n−1, smallest first. */
export interface SettingAxis {
  settings: ObservedSetting[];
  title: string;
}

/**
 * The x axis of the by-setting charts: the run's thinking settings, smallest first (levels
 * `minimal`…`high`, or budgets in tokens with dynamic -1), and its title.
 */
export function settingAxisOf(rows: readonly RequestRow[]): SettingAxis {
  const settings = settingsOf(rows);
  const levels = settings.some((setting) => setting.kind === 'level');
  return { settings, title: levels ? 'thinking level' : 'thinking budget (tokens; dynamic = -1)' };
}

/** A relay's successful rows: only they have complete timings and token counts. */
export function okRowsOf(rows: readonly RequestRow[], relay: string): RequestRow[] {
  return rows.filter((row) => row.relay === relay && row.status === 'ok');
}

/** Spreads relays side by side around each setting so their points and whiskers do not overlap. */
export function dodgedX(settingIndex: number, relayIndex: number, relayCount: number): number {
  const width = Math.min(0.6, 0.12 * relayCount);
  return relayCount <= 1 ? settingIndex : settingIndex - width / 2 + (width * relayIndex) / (relayCount - 1);
}

/**
 * A Chart.js linear axis (chartjs.org/docs/latest/axes/cartesian/linear.html) with a visible `title` (include the unit: "total latency (ms)"), plus `extra` options.
 */
export function linearAxis(title: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'linear', title: { display: true, text: title }, ...extra };
}

/** An x axis of settings: ticks at integer positions, labelled by the page script from `xLabels`. */
export function settingXAxis(axis: SettingAxis): Record<string, unknown> {
  return linearAxis(axis.title, { min: -0.5, max: axis.settings.length - 0.5, ticks: { stepSize: 1 }, grid: { display: false } });
}

/**
 * A relay's Chart.js dataset style from its RelayStyle: colour, dash and point shape (palette.ts),
 * 5 px points, 2 px lines, drawn unclipped 8 px past the chart area so points at 0% or 100% stay whole.
 */
export function lineStyle(style: RelayStyle): Record<string, unknown> {
  return {
    borderColor: style.color,
    backgroundColor: style.color,
    borderDash: style.dash,
    pointStyle: style.pointStyle,
    pointRadius: 5,
    pointHoverRadius: 7,
    borderWidth: 2,
    // Points at 0% or 100% sit on the chart's edge; let them draw whole.
    clip: 8,
  };
}

/**
 * Vertical whiskers (an interval per setting) as one dataset: two points per whisker and a null
 * between whiskers so the line breaks. Hidden from the legend; the relay's own dataset names it.
 */
export function whiskerDataset(label: string, style: RelayStyle, whiskers: ReadonlyArray<{ x: number; low: number; high: number }>): Record<string, unknown> {
  const data: Point[] = whiskers.flatMap((whisker) => [
    { x: whisker.x, y: whisker.low },
    { x: whisker.x, y: whisker.high },
    { x: whisker.x, y: null },
  ]);
  return {
    label,
    data,
    hideInLegend: true,
    borderColor: withAlpha(style.color, 0.7),
    borderWidth: 2,
    pointRadius: 0,
    pointHitRadius: 0,
    showLine: true,
    spanGaps: false,
    clip: 8,
  };
}

/**
 * The Chart.js options every report chart shares: no animation (the page is a static document),
 * responsive size, nearest-point tooltips, the legend below with point shapes, and the given x and y axes.
 */
export function baseOptions(xAxis: Record<string, unknown>, yAxis: Record<string, unknown>): Record<string, unknown> {
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    interaction: { mode: 'nearest', intersect: false },
    layout: { padding: { top: 8 } },
    plugins: { legend: { position: 'bottom', labels: { usePointStyle: true, boxWidth: 40 } } },
    scales: { x: xAxis, y: yAxis },
  };
}
