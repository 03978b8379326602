/**
 * The shape of `bench.json`. Key names are the contract (snake_case, units in names);
 * a value that could not be measured is null rather than missing, so every key is always there.
 */

/** `bench.json` `fidelity[]`: at one concurrency, harness-minus-emulator timing errors in ms (TTFT and total), as p50/p99/min/max. */
export interface FidelityResult {
  concurrency: number;
  /** Requests whose timings were compared with ground truth. */
  requests: number;
  ttft_err_ms_p50: number | null;
  ttft_err_ms_p99: number | null;
  ttft_err_ms_min: number | null;
  ttft_err_ms_max: number | null;
  total_err_ms_p50: number | null;
  total_err_ms_p99: number | null;
  total_err_ms_max: number | null;
  /** Rows left out of the comparison: no ground-truth line, or a chunk count that disagrees. */
  unmatched: number;
}

/** `bench.json` `throughput`: streams/s of relaybench and of a bare undici loop against the instant emulator, and their ratio. */
export interface ThroughputResult {
  concurrency: number;
  jobs: number;
  /** Decoded chunks per stream, from the harness's rows: the work each stream stands for. */
  chunks_per_stream: number | null;
  /** Steady rates: completions between the 10th and 90th percentile of end times (see throughput.ts). */
  harness_streams_per_s: number | null;
  baseline_streams_per_s: number | null;
  ratio: number | null;
}

/** `bench.json` `memory`: peak RSS (MB) of one run of `jobs` jobs. */
export interface MemoryResult {
  /** The largest instant-profile run: its size and its process's peak RSS, MB. */
  jobs: number;
  peak_rss_mb: number;
  /** The smallest run the growth is measured from; null when only one size ran. */
  base_jobs: number | null;
  base_peak_rss_mb: number | null;
  /** peak_rss_mb − base_peak_rss_mb, MB: what the run's size adds (memoryGrowth.ts). */
  growth_mb: number | null;
}

/**
 * One `relaybench run` against a local server, timed from outside (timeline.ts): spawn → first
 * request received (start-up) → last response sent (run) → exit (post-run).
 */
export interface TimelineResult {
  jobs: number;
  concurrency: number;
  /** Requests the server logged (jobs plus any warm-ups and retries). */
  requests: number;
  startup_ms: number;
  run_s: number;
  post_run_s: number;
  /** post_run_s × 10,000 / rows: the target is ≤ 1 s. */
  post_run_s_per_10k_rows: number;
  wall_s: number;
}

/** Wall time of a short command (spawn to exit), repeated: `relaybench validate` or `report`. */
export interface CommandTimeResult extends StartupResult {
  /** What it was given: cases in the suite (validate) or rows in the run folder (report). */
  size: number;
  /** Mean CPU time (user + system) of the command's process, ms: steadier than wall time under load. */
  cpu_ms_mean: number;
}

/** `bench.json` `scaling[]`: one run's CPU, memory and wall time at `jobs` jobs. */
export interface ScalingPoint {
  jobs: number;
  /** User plus system CPU time of the whole harness process (the emulator child excluded). */
  cpu_ms: number;
  cpu_ms_per_request: number;
  /** CPU per request added since the previous, smaller run: constant when cost grows linearly. */
  marginal_cpu_ms_per_request: number | null;
  peak_rss_mb: number;
  wall_s: number;
}

/** `bench.json` `startup`: wall time (ms) of `command` over `runs` runs, spawn to exit. */
export interface StartupResult {
  command: string;
  runs: number;
  mean_ms: number;
  stddev_ms: number | null;
  min_ms: number;
  max_ms: number;
}

/** What the bare undici loop child prints. */
export interface BareLoopResult {
  streams: number;
  streams_per_s: number | null;
  bytes: number;
  /** Responses with a status other than 200: the ceiling is only valid when this is 0. */
  failures: number;
}

/** One target's verdict: its name, the bound as text, the measured value as text, and whether it held. */
export interface TargetCheck {
  name: string;
  target: string;
  measured: string;
  pass: boolean;
}

/** `bench.json` `machine`: logical CPUs, CPU model, memory in MB, platform. */
export interface MachineInfo {
  cpus: number;
  model: string;
  memory_mb: number;
  platform: string;
}

/** Load mode's start-lag fidelity (startLag.ts): how late arrivals reached the emulator, ms. */
export interface StartLagResult {
  offered_rps: number;
  step_s: number;
  /** Measured requests compared with the emulator's log. */
  requests: number;
  errors: number;
  /** Emulator receive time − scheduled time (ground truth: includes the trip to the emulator). */
  emulator_lag_ms_p50: number | null;
  emulator_lag_ms_p99: number | null;
  emulator_lag_ms_max: number | null;
  /** What requests.csv's start_lag_ms says (t0 − scheduled time). */
  harness_lag_ms_p50: number | null;
  harness_lag_ms_p99: number | null;
  unmatched: number;
}

/** The whole `bench.json`: mode, start time (ISO), machine, Node version, git commit, each section, and the target verdicts. */
export interface BenchResult {
  quick: boolean;
  started_at: string;
  machine: MachineInfo;
  node: string;
  commit: string;
  fidelity: FidelityResult[];
  throughput: ThroughputResult;
  memory: MemoryResult;
  scaling: ScalingPoint[];
  startup: StartupResult;
  /** Start-up and post-run time of runs against a local server (issue 18). */
  timeline: TimelineResult[];
  /** `relaybench validate` of a 2,000-case suite. */
  validate: CommandTimeResult;
  /** `relaybench report` of a 2,000-row run folder. */
  report: CommandTimeResult;
  /** Load mode's start-lag fidelity; null in a bench run before load mode existed. */
  start_lag: StartLagResult | null;
  targets: TargetCheck[];
}

/** `bench.json` of `--only memory` (with the usual quick, started_at, machine, node, commit). */
export interface MemoryOnlyResult {
  memory: MemoryResult;
  scaling: ScalingPoint[];
  timeline: TimelineResult[];
  targets: TargetCheck[];
}
