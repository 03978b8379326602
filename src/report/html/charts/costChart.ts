import { columnValues, medianOf, observedSettingOf, settingsOf } from '../../../analysis/index.js';
import { mean } from '../../../stats/index.js';
import type { RequestRow } from '../../../runfolder/columns.js';
import { passCell } from '../../../runfolder/cells.js';
import { withAlpha, type RelayStyle } from '../palette.js';
import { baseOptions, linearAxis, okRowsOf, type ChartSpec } from './common.js';
import { formatUsd } from '../../../format/index.js';

/** One (relay, setting) on the cost chart. */
export interface CostPoint {
  relay: string;
  setting: string;
  /** Mean `cost_usd` of successful requests. */
  costUsd: number;
  /** Share of graded answers that passed, in %. */
  passRatePct: number;
  /** Median time to first answer token, ms; undefined when no answer came. */
  firstAnswerP50Ms: number | undefined;
}

/**
 * The Pareto front of cost against pass rate: points no other point beats on both (cheaper or
 * as cheap, and more accurate or as accurate, one strictly). Sorted by cost. Pure.
 */
export function paretoFront(points: readonly CostPoint[]): CostPoint[] {
  const sorted = [...points].sort((a, b) => a.costUsd - b.costUsd || b.passRatePct - a.passRatePct);
  const front: CostPoint[] = [];
  for (const point of sorted) {
    const last = front.at(-1);
    if (last === undefined || point.passRatePct > last.passRatePct) front.push(point);
  }
  return front;
}

/** Every (relay, setting) with graded, priced answers. */
export function costPoints(rows: readonly RequestRow[], relays: readonly string[]): CostPoint[] {
  const settings = settingsOf(rows);
  return relays.flatMap((relay) =>
    settings.flatMap((setting) => {
      const atSetting = okRowsOf(rows, relay).filter((row) => observedSettingOf(row).key === setting.key);
      const costUsd = mean(columnValues(atSetting, 'cost_usd'));
      const grades = atSetting.map((row) => passCell(row.pass)).filter((pass): pass is boolean => pass !== undefined);
      if (costUsd === undefined || grades.length === 0) return [];
      const passRatePct = (100 * grades.filter(Boolean).length) / grades.length;
      return [{ relay, setting: setting.label, costUsd, passRatePct, firstAnswerP50Ms: medianOf(columnValues(atSetting, 'first_answer_ms')) }];
    }),
  );
}

const MIN_RADIUS = 4;
const MAX_RADIUS = 16;

/**
 * Pass rate against cost per request for every (relay, setting): one bubble each, coloured and
 * shaped per relay, its size the median time to first answer token (the third dimension), with
 * the Pareto front drawn as a dashed line. A log cost axis, since settings differ by orders of
 * magnitude. Undefined when nothing was priced.
 */
export function costChart(rows: readonly RequestRow[], relays: readonly string[], styles: ReadonlyMap<string, RelayStyle>): ChartSpec | undefined {
  const points = costPoints(rows, relays);
  if (points.length === 0) return undefined;
  const times = points.map((point) => point.firstAnswerP50Ms).filter((ms): ms is number => ms !== undefined);
  const fastest = Math.min(...times);
  const slowest = Math.max(...times);
  const radius = (ms: number | undefined): number =>
    ms === undefined || slowest === fastest ? MIN_RADIUS : MIN_RADIUS + ((MAX_RADIUS - MIN_RADIUS) * (ms - fastest)) / (slowest - fastest);
  const note = (point: CostPoint): string =>
    `${point.relay} ${point.setting}: ${Math.round(point.passRatePct)}% at ${formatUsd(point.costUsd)}/request, first answer ${point.firstAnswerP50Ms === undefined ? '–' : Math.round(point.firstAnswerP50Ms)} ms (p50)`;
  const datasets: Array<Record<string, unknown>> = relays.flatMap((relay) => {
    const style = styles.get(relay) as RelayStyle;
    const own = points.filter((point) => point.relay === relay);
    if (own.length === 0) return [];
    return [
      {
        type: 'bubble',
        label: relay,
        data: own.map((point) => ({ x: point.costUsd, y: point.passRatePct, r: radius(point.firstAnswerP50Ms), note: note(point) })),
        borderColor: style.color,
        backgroundColor: withAlpha(style.color, 0.35),
        pointStyle: style.pointStyle,
        borderWidth: 2,
        clip: 16,
      },
    ];
  });
  const front = paretoFront(points);
  datasets.unshift({
    type: 'line',
    label: 'Pareto front (nothing is both cheaper and more accurate)',
    data: front.map((point) => ({ x: point.costUsd, y: point.passRatePct, note: `Pareto front: ${note(point)}` })),
    borderColor: '#222222',
    backgroundColor: '#222222',
    borderDash: [6, 3],
    borderWidth: 2,
    pointRadius: 3,
    pointStyle: 'line',
    fill: false,
    clip: 16,
  });
  const positive = points.every((point) => point.costUsd > 0);
  const xAxis = linearAxis('cost per request (USD, mean of successful requests)', positive ? { type: 'logarithmic' } : { beginAtZero: true });
  return {
    id: 'chart-cost',
    title: 'Pass rate against cost per request',
    caption: `One bubble per relay and thinking setting: pass rate (%) against mean cost per successful request (log scale); bubble size is the median time to first answer token (smallest ${Math.round(fastest)} ms, largest ${Math.round(slowest)} ms). The dashed line joins the Pareto front: settings no other is both cheaper and more accurate than. Hover a bubble for its setting.`,
    config: { type: 'bubble', data: { datasets }, options: baseOptions(xAxis, linearAxis('pass rate (%)', { min: 0, max: 100 })) },
  };
}
