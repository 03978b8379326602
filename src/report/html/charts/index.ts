import type { RequestRow } from '../../../runfolder/columns.js';
import type { RelayStyle } from '../palette.js';
import { passRateChart, thoughtTokensChart, totalLatencyChart } from './bySetting.js';
import { settingAxisOf, type ChartSpec } from './common.js';
import { latencyDistributionChart } from './latencyDistribution.js';
import { costChart } from './costChart.js';

export type { ChartSpec } from './common.js';

/** The report's charts in reading order: speed first, then what thinking buys and costs. */
export function buildCharts(rows: readonly RequestRow[], relays: readonly string[], styles: ReadonlyMap<string, RelayStyle>): ChartSpec[] {
  const axis = settingAxisOf(rows);
  const cost = costChart(rows, relays, styles);
  return [
    latencyDistributionChart(rows, relays, styles, 'ttft_ms'),
    latencyDistributionChart(rows, relays, styles, 'first_answer_ms'),
    totalLatencyChart(rows, relays, styles, axis),
    passRateChart(rows, relays, styles, axis),
    thoughtTokensChart(rows, relays, styles, axis),
    ...(cost === undefined ? [] : [cost]),
  ];
}
