import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRowOf } from '../../src/run/load/stepRow.js';
import { LOAD_COLUMNS } from '../../src/runfolder/loadCsv.js';
import { readLoadCsv, writeLoadCsv } from '../../src/runfolder/loadCsv.js';
import { formatLoadReport } from '../../src/report/consoleLoad.js';
import { loadCharts } from '../../src/report/html/charts/loadCharts.js';
import { relayStyles } from '../../src/report/html/palette.js';

const account = (relay: string, offeredRps: number) => ({ relay, offeredRps, arrivals: 10, dropped: 1, windowS: 5 });

describe('load.csv', () => {
  it('round-trips, relay names neutralised against formula injection and restored', () => {
    const folder = mkdtempSync(join(tmpdir(), 'relaybench-loadcsv-'));
    const rows = [loadRowOf(account('=HYPERLINK("x")', 2), [], {}), loadRowOf(account('plain', 4), [], {})];
    writeLoadCsv(folder, rows);
    const text = readFileSync(join(folder, 'load.csv'), 'utf8');
    expect(text.split('\n')[0]).toBe(LOAD_COLUMNS.join(','));
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(readLoadCsv(folder)).toEqual(rows);
  });

  it('is absent for a closed-loop run, and a file with another header is refused', () => {
    const folder = mkdtempSync(join(tmpdir(), 'relaybench-loadcsv-'));
    expect(readLoadCsv(folder)).toBeUndefined();
    writeFileSync(join(folder, 'load.csv'), 'relay,rate\nx,1\n');
    expect(() => readLoadCsv(folder)).toThrow(/not a load.csv/);
  });
});

describe('load output', () => {
  const rows = [
    { ...loadRowOf(account('a', 1), [], {}), completed: 9, errors: 0, slo_attainment: 0.95, start_lag_ms_p99: 30 },
    { ...loadRowOf(account('a', 8), [], {}), completed: 9, errors: 3, slo_attainment: 0.5 },
    { ...loadRowOf(account('b', 1), [], {}), completed: 9, errors: 9, slo_attainment: 0 },
  ];
  it('the console says per relay the highest rate that held, and flags a lagging step', () => {
    const text = formatLoadReport(rows, { ttftMs: 500 }, 10);
    expect(text).toContain('relay a holds up to 1 req/s within the SLO');
    expect(text).toContain('relay b held the SLO at none of the offered rates (lowest: 1.0 req/s)');
    expect(text).toMatch(/warning: a at 1 req\/s: start lag p99 30\.0 ms > 10 ms: .*not trustworthy/);
    expect(text).toContain('SLO: ttft ≤ 500 ms');
  });

  it('the report draws latency and goodput against offered rate, one dataset per relay', () => {
    const charts = loadCharts(rows, ['a', 'b'], relayStyles(['a', 'b']));
    expect(charts.map((chart) => chart.id)).toEqual(['chart-load-latency', 'chart-load-goodput']);
    const goodput = (charts[1]?.config as { data: { datasets: Array<{ label: string; data: Array<{ x: number }> }> } }).data.datasets;
    expect(goodput.map((set) => set.label)).toEqual(['offered (ideal)', 'a', 'b']);
    expect(goodput[1]?.data.map((point) => point.x)).toEqual([1, 8]);
    expect(loadCharts([], ['a'], relayStyles(['a']))).toEqual([]);
  });
});
