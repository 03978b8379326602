import { formatTable } from '../report/table.js';
import { TTFT_P99_LIMIT_MS } from './targets.js';
import type { BenchResult, CommandTimeResult, MemoryOnlyResult, TargetCheck, TimelineResult } from './types.js';

/** The console report of a bench, hyperfine-style: what ran, the numbers, each target's verdict. */

const fixed = (value: number | null, digits = 2): string => (value === null ? '–' : value.toFixed(digits));
const count = (value: number): string => value.toLocaleString('en-US');
const verdict = (check: TargetCheck | undefined): string => (check === undefined ? '' : `${check.target}  ${check.pass ? 'PASS' : 'FAIL'}`);

function fidelitySection(result: BenchResult): string {
  const header = ['concurrency', 'requests', 'ttft p50', 'ttft p99', 'ttft min', 'ttft max', 'total p50', 'total p99', 'total max', 'target (ttft p99)'];
  const body = result.fidelity.map((entry) => {
    const limited = TTFT_P99_LIMIT_MS.some((limit) => limit.concurrency === entry.concurrency);
    const check = limited ? result.targets.find((target) => target.name === `TTFT error p99 at concurrency ${entry.concurrency}`) : undefined;
    return [
      String(entry.concurrency),
      String(entry.requests),
      fixed(entry.ttft_err_ms_p50),
      fixed(entry.ttft_err_ms_p99),
      fixed(entry.ttft_err_ms_min),
      fixed(entry.ttft_err_ms_max),
      fixed(entry.total_err_ms_p50),
      fixed(entry.total_err_ms_p99),
      fixed(entry.total_err_ms_max),
      verdict(check),
    ];
  });
  const unmatched = result.fidelity.reduce((sum, entry) => sum + entry.unmatched, 0);
  return [
    'Fidelity: harness timestamp − emulator send time, ms (honest profile, ground truth from the emulator log)',
    formatTable(header, body),
    ...(unmatched > 0 ? [`${unmatched} row(s) had no matching ground truth and were left out.`] : []),
  ].join('\n');
}

function throughputSection(result: BenchResult): string {
  const { throughput } = result;
  const check = result.targets.find((target) => target.name.startsWith('throughput'));
  return [
    `Throughput: instant profile, concurrency ${throughput.concurrency}, ${count(throughput.jobs)} streams of ${fixed(throughput.chunks_per_stream, 1)} chunks each; steady rate (10th–90th percentile of completions)`,
    formatTable(
      ['', 'streams/s', 'target'],
      [
        ['relaybench run (decode, metrics, grading, CSV)', fixed(throughput.harness_streams_per_s, 1), ''],
        ['bare undici loop (ceiling)', fixed(throughput.baseline_streams_per_s, 1), ''],
        ['ratio', fixed(throughput.ratio), verdict(check)],
      ],
    ),
  ].join('\n');
}

/** The memory figure: peak RSS at the largest size, and its growth over the smallest. */
function memoryLine(result: Pick<BenchResult, 'memory' | 'targets'>): string {
  const { memory } = result;
  const peak = result.targets.find((target) => target.name.startsWith('peak RSS,'));
  const growth = result.targets.find((target) => target.name.startsWith('peak RSS growth'));
  return [
    `Memory: peak RSS of the harness process, ${count(memory.jobs)} jobs (instant profile): ${memory.peak_rss_mb} MB   ${verdict(peak)}`,
    `  growth from ${memory.base_jobs === null ? '–' : count(memory.base_jobs)} jobs (${memory.base_peak_rss_mb ?? '–'} MB): ${memory.growth_mb === null ? '–' : `${memory.growth_mb} MB`}   ${verdict(growth)}`,
  ].join('\n');
}

function scalingTable(scaling: BenchResult['scaling']): string {
  return formatTable(
    ['jobs', 'cpu s', 'cpu ms/request', 'marginal ms/request', 'peak RSS MB', 'wall s'],
    scaling.map((point) => [
      count(point.jobs),
      fixed(point.cpu_ms / 1000, 1),
      fixed(point.cpu_ms_per_request, 3),
      fixed(point.marginal_cpu_ms_per_request, 3),
      String(point.peak_rss_mb),
      fixed(point.wall_s, 1),
    ]),
  );
}

function memorySection(result: BenchResult): string {
  return [memoryLine(result), '', "Scaling: the harness process's CPU time (user + system) per request", scalingTable(result.scaling)].join('\n');
}

/** Start-up and post-run of each timed run, and the two targets (checked on the reference runs and the largest run). */
function timelineSection(timeline: readonly TimelineResult[], targets: readonly TargetCheck[]): string {
  const firstRequest = targets.find((target) => target.name.startsWith('start-up to first request'));
  const postRun = targets.find((target) => target.name.startsWith('post-run per'));
  return [
    'Time outside the run: relaybench run against a local server (instant profile); spawn → first request received → last response sent → exit',
    formatTable(
      ['jobs', 'concurrency', 'start-up ms', 'run s', 'post-run s', 'post-run s per 10,000 rows', 'wall s'],
      timeline.map((run) => [
        count(run.jobs),
        String(run.concurrency),
        fixed(run.startup_ms, 0),
        fixed(run.run_s),
        fixed(run.post_run_s),
        fixed(run.post_run_s_per_10k_rows),
        fixed(run.wall_s),
      ]),
    ),
    ...[firstRequest, postRun].filter((check) => check !== undefined).map((check) => `${check.name}: ${check.measured}   ${verdict(check)}`),
  ].join('\n');
}

function commandLine(command: CommandTimeResult, check: TargetCheck | undefined): string {
  return [
    `${command.command}`,
    `  Time (mean ± σ):  ${command.mean_ms.toFixed(1)} ms ± ${fixed(command.stddev_ms, 1)} ms    Range (min … max):  ${command.min_ms.toFixed(1)} ms … ${command.max_ms.toFixed(1)} ms    ${command.runs} runs    CPU ${command.cpu_ms_mean.toFixed(0)} ms    ${verdict(check)}`,
  ].join('\n');
}

function commandsSection(result: BenchResult): string {
  return [
    commandLine(
      result.validate,
      result.targets.find((target) => target.name.startsWith('validate time')),
    ),
    commandLine(
      result.report,
      result.targets.find((target) => target.name.startsWith('report time')),
    ),
  ].join('\n');
}

function startupSection(result: BenchResult): string {
  const { startup } = result;
  const check = result.targets.find((target) => target.name.startsWith('start-up ('));
  return [
    `Start-up: ${startup.command}`,
    `  Time (mean ± σ):  ${startup.mean_ms.toFixed(1)} ms ± ${fixed(startup.stddev_ms, 1)} ms    Range (min … max):  ${startup.min_ms.toFixed(1)} ms … ${startup.max_ms.toFixed(1)} ms    ${startup.runs} runs    ${verdict(check)}`,
  ].join('\n');
}

/** Load mode's start lag, measured against the emulator's receive times. */
export function startLagSection(result: Pick<BenchResult, 'start_lag' | 'targets'>): string {
  const lag = result.start_lag;
  if (lag === null) return 'Load start lag: not measured';
  const check = result.targets.find((target) => target.name.startsWith('load start lag'));
  return [
    `Load start lag: Poisson arrivals at ${lag.offered_rps} req/s for ${lag.step_s} s on the instant profile, ${lag.requests} requests (${lag.errors} errors); emulator receive time − scheduled time, ms`,
    formatTable(
      ['', 'p50', 'p99', 'max', 'target (p99)'],
      [
        ['emulator (ground truth)', fixed(lag.emulator_lag_ms_p50), fixed(lag.emulator_lag_ms_p99), fixed(lag.emulator_lag_ms_max), verdict(check)],
        ['requests.csv start_lag_ms', fixed(lag.harness_lag_ms_p50), fixed(lag.harness_lag_ms_p99), '', ''],
      ],
    ),
    ...(lag.unmatched > 0 ? [`${lag.unmatched} row(s) had no matching ground truth and were left out.`] : []),
  ].join('\n');
}

/** The whole console report of a bench (machine, fidelity, throughput, memory, scaling, start-up, start lag, targets) as text. */
export function formatBenchReport(result: BenchResult): string {
  const { machine } = result;
  return [
    `relaybench bench${result.quick ? ' --quick' : ''} — ${machine.cpus} × ${machine.model}, ${(machine.memory_mb / 1024).toFixed(1)} GB, ${machine.platform}, node ${result.node}, commit ${result.commit.slice(0, 12)}`,
    '',
    fidelitySection(result),
    '',
    throughputSection(result),
    '',
    memorySection(result),
    '',
    startupSection(result),
    '',
    timelineSection(result.timeline, result.targets),
    '',
    commandsSection(result),
    '',
    startLagSection(result),
    '',
    targetsSummary(result.targets),
  ].join('\n');
}

function targetsSummary(targets: readonly TargetCheck[]): string {
  const met = targets.filter((target) => target.pass).length;
  return [
    `Targets met: ${met} of ${targets.length}`,
    ...targets.filter((target) => !target.pass).map((target) => `  FAIL  ${target.name}: ${target.measured} (target ${target.target})`),
  ].join('\n');
}

/** The console report of `--only memory`. */
export function formatMemoryOnly(result: MemoryOnlyResult): string {
  return [memoryLine(result), '', scalingTable(result.scaling), '', timelineSection(result.timeline, result.targets), '', targetsSummary(result.targets)].join('\n');
}
