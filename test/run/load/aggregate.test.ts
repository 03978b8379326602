import { describe, expect, it } from 'vitest';
import { held, highestHeldRates, lagged } from '../../../src/analysis/load.js';
import { loadRowOf, meetsSlo } from '../../../src/run/load/stepRow.js';
import { LOAD_COLUMNS } from '../../../src/runfolder/loadCsv.js';
import { REQUEST_COLUMNS, type RequestRow } from '../../../src/runfolder/columns.js';
import { emulatorStartLags } from '../../../src/bench/startLag.js';

function row(fields: Partial<RequestRow>): RequestRow {
  const base = Object.fromEntries(REQUEST_COLUMNS.map((column) => [column, undefined])) as RequestRow;
  return { ...base, relay: 'r', status: 'ok', ...fields };
}

describe('SLO per request', () => {
  const slo = { ttftMs: 1000, firstAnswerMs: 2000, totalMs: 5000 };
  it.each([
    ['within every bound', { ttft_ms: 999, first_answer_ms: 2000, total_ms: 4000 }, true],
    ['ttft over', { ttft_ms: 1000.1, first_answer_ms: 1500, total_ms: 4000 }, false],
    ['first answer over', { ttft_ms: 10, first_answer_ms: 2001, total_ms: 4000 }, false],
    ['total over', { ttft_ms: 10, first_answer_ms: 20, total_ms: 5001 }, false],
    ['no first answer while bounded (a thought-only stream)', { ttft_ms: 10, total_ms: 100 }, false],
    ['an error, however fast', { status: 'error', error_kind: 'http', http_status: 429, total_ms: 3 }, false],
  ])('%s', (_label, fields, expected) => {
    expect(meetsSlo(row(fields), slo)).toBe(expected);
  });

  it('with no bound, success alone meets it', () => {
    expect(meetsSlo(row({}), {})).toBe(true);
    expect(meetsSlo(row({ status: 'error' }), {})).toBe(false);
  });
});

describe('a load.csv row', () => {
  it('counts dropped arrivals as failing the SLO and divides goodput by the window', () => {
    const rows = [
      ...Array.from({ length: 14 }, (_, index) => row({ ttft_ms: 100 + index, total_ms: 500, start_lag_ms: index === 0 ? 9 : 0.5, load_rate: 2 })),
      row({ ttft_ms: 3000, total_ms: 4000, load_rate: 2, start_lag_ms: 0.2 }),
      row({ status: 'error', error_kind: 'http', http_status: 429, total_ms: 4, load_rate: 2, start_lag_ms: 0.1 }),
      row({ status: 'error', error_kind: 'timeout', total_ms: 9000, load_rate: 2, start_lag_ms: 0.1 }),
    ];
    const result = loadRowOf({ relay: 'r', offeredRps: 2, arrivals: 20, dropped: 3, windowS: 10 }, rows, { ttftMs: 1000 });
    expect(Object.keys(result)).toEqual([...LOAD_COLUMNS]);
    expect(result).toMatchObject({
      relay: 'r',
      offered_rps: 2,
      achieved_rps: 1.7,
      arrivals: 20,
      dropped: 3,
      completed: 17,
      errors: 2,
      http_429: 1,
      timeouts: 1,
      slo_attainment: 0.7,
      goodput_rps: 1.4,
    });
    expect(result.ttft_ms_p50).toBe(107); // 15 successful rows: 100–113 and 3000
    expect(result.start_lag_ms_p99).toBeGreaterThan(5);
    expect(held(result)).toBe(false);
  });

  it.each([
    [0.9, 0, 100, true],
    [0.8999, 0, 100, false],
    [0.95, 5, 100, true],
    [0.95, 6, 100, false],
  ])('attainment %f with %i errors of %i completed: held %s', (attainment, errors, completed, expected) => {
    const base = loadRowOf({ relay: 'r', offeredRps: 1, arrivals: completed, dropped: 0, windowS: 1 }, [], {});
    expect(held({ ...base, slo_attainment: attainment, errors, completed })).toBe(expected);
  });

  it('the highest held rate per relay, and the lag bound', () => {
    const make = (relay: string, rate: number, attainment: number) => ({
      ...loadRowOf({ relay, offeredRps: rate, arrivals: 10, dropped: 0, windowS: 1 }, [], {}),
      completed: 10,
      errors: 0,
      slo_attainment: attainment,
    });
    const rows = [make('a', 1, 1), make('a', 2, 0.95), make('a', 4, 0.5), make('b', 1, 0.2), make('b', 2, 0.1)];
    expect([...highestHeldRates(rows)]).toEqual([
      ['a', 2],
      ['b', undefined],
    ]);
    expect(lagged({ ...rows[0]!, start_lag_ms_p99: 10.5 }, 10)).toBe(true);
    expect(lagged({ ...rows[0]!, start_lag_ms_p99: 10 }, 10)).toBe(false);
  });
});

describe('bench start lag against the emulator log', () => {
  it('is the receive time minus the scheduled time (t0 minus the recorded lag)', () => {
    const received = new Map([
      ['a/1', 1_000_003_500],
      ['b/1', 2_000_000_000],
    ]);
    const result = emulatorStartLags(
      [
        { sample: 'a/1', t0EpochMs: 1_000_002, startLagMs: 0.5 },
        { sample: 'b/1', t0EpochMs: 1_999_999, startLagMs: 0 },
        { sample: 'c/1', t0EpochMs: 5, startLagMs: 0 },
      ],
      received,
    );
    expect(result.lagsMs.map((lag) => Number(lag.toFixed(3)))).toEqual([2, 1]);
    expect(result.unmatched).toBe(1);
  });
});
