import type { RequestRow } from '../../runfolder/columns.js';
import { numberCell } from '../../runfolder/cells.js';
import type { LoadRow, SloBounds } from '../../runfolder/loadCsv.js';
import { quantiles } from '../../stats/percentile.js';

/** The counts a step's driver kept that rows cannot tell (dropped arrivals have no row). */
export interface StepAccount {
  relay: string;
  offeredRps: number;
  /** Measured arrivals that came due (sent or dropped). */
  arrivals: number;
  dropped: number;
  /** Length of the measured window, s (shorter when the step was stopped). */
  windowS: number;
}

/** Whether one row met every SLO bound: a successful request whose each bounded time is present and within. */
export function meetsSlo(row: RequestRow, slo: SloBounds): boolean {
  if (row.status !== 'ok') return false;
  const within = (value: RequestRow[keyof RequestRow], bound: number | undefined): boolean => {
    if (bound === undefined) return true;
    const ms = numberCell(value);
    return ms !== undefined && ms <= bound;
  };
  return within(row.ttft_ms, slo.ttftMs) && within(row.first_answer_ms, slo.firstAnswerMs) && within(row.total_ms, slo.totalMs);
}

const round = (value: number | undefined, digits: number): number | undefined => (value === undefined ? undefined : Math.round(value * 10 ** digits) / 10 ** digits);

function columnQuantiles(rows: readonly RequestRow[], column: 'ttft_ms' | 'first_answer_ms' | 'total_ms' | 'start_lag_ms', percents: number[]): Array<number | undefined> {
  const values = rows.map((row) => numberCell(row[column])).filter((value): value is number => value !== undefined);
  return (quantiles(values, percents) ?? percents.map(() => undefined)).map((value) => round(value, 1));
}

/**
 * One load.csv row from a step's driver counts and its measured rows (warm-up rows excluded).
 * SLO attainment = requests meeting every bound / measured arrivals (dropped ones count as failing);
 * goodput = those requests per second of the measured window. Latency percentiles (Hyndman–Fan 7)
 * are over successful rows; start lag over every sent row. Pure.
 */
export function loadRowOf(account: StepAccount, rows: readonly RequestRow[], slo: SloBounds): LoadRow {
  const ok = rows.filter((row) => row.status === 'ok');
  const errors = rows.length - ok.length;
  const meeting = rows.filter((row) => meetsSlo(row, slo)).length;
  const [ttft50, ttft90, ttft99] = columnQuantiles(ok, 'ttft_ms', [50, 90, 99]);
  const [answer50, answer99] = columnQuantiles(ok, 'first_answer_ms', [50, 99]);
  const [total50, total99] = columnQuantiles(ok, 'total_ms', [50, 99]);
  const [lag99] = columnQuantiles(rows, 'start_lag_ms', [99]);
  const windowS = account.windowS > 0 ? account.windowS : undefined;
  return {
    relay: account.relay,
    offered_rps: account.offeredRps,
    achieved_rps: windowS === undefined ? undefined : round((account.arrivals - account.dropped) / windowS, 3),
    arrivals: account.arrivals,
    dropped: account.dropped,
    completed: rows.length,
    errors,
    http_429: rows.filter((row) => numberCell(row.http_status) === 429).length,
    timeouts: rows.filter((row) => row.error_kind === 'timeout').length,
    ttft_ms_p50: ttft50,
    ttft_ms_p90: ttft90,
    ttft_ms_p99: ttft99,
    first_answer_ms_p50: answer50,
    first_answer_ms_p99: answer99,
    total_ms_p50: total50,
    total_ms_p99: total99,
    start_lag_ms_p99: lag99,
    slo_attainment: account.arrivals === 0 ? undefined : round(meeting / account.arrivals, 4),
    goodput_rps: windowS === undefined ? undefined : round(meeting / windowS, 3),
  };
}
