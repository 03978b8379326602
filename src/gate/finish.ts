import { appendFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { EXIT, RelaybenchError } from '../errors/index.js';
import { fileSystemError } from '../errors/index.js';
import { checkWritableFile } from '../runfolder/folders.js';
import type { RequestRow } from '../runfolder/columns.js';
import { summarize } from '../analysis/summary.js';
import { writeFileAtomic } from '../runfolder/write.js';
import type { CiSettings, Suite } from '../suite/types.js';
import { compareToBaseline, type BaselineComparison } from './baseline.js';
import { checkCompleteness, type CompletenessInput, type CompletenessResult } from './completeness.js';
import { renderConsoleText } from './consoleText.js';
import { evaluateGates, type GateOptions } from '../analysis/gates.js';
import { renderJUnit } from './junit.js';
import { renderSummaryMarkdown } from './markdown.js';
import { assertSharesJobs, readBaselineFolder, type BaselineFolder } from './baselineFolder.js';
import { plannedJobsOfRows, type RequestConfig } from './requestChange.js';
import { ciVerdict } from './verdict.js';
import { RUN_FILES } from '../runfolder/names.js';

/**
 * The CI flags of `run` and `gate` (README.md#use-in-ci); each overrides the suite's `ci:` block
 * (docs/suite.md#ci). Rates are shares in [0,1], `alpha` in (0,1), `latencyGatePct` a percentage
 * ≥ 0. `checkOptions` rejects a bad value, or a baseline-only flag without `baseline`, with
 * RelaybenchError cause `flag` (exit 2) naming the flag.
 */
export interface FinishCiOptions {
  /** Write JUnit XML here. */
  junit?: string;
  /** A run folder of the same suite to compare against. */
  baseline?: string;
  /** Override the suite's `ci.minPassRate`. */
  minPassRate?: number;
  /** Override the suite's `ci.maxErrorRate`. */
  maxErrorRate?: number;
  /** Significance level of the baseline comparison; only with `baseline` (default 0.05, applied by compareToBaseline). */
  alpha?: number;
  /** Fail when a relay's p50 or p90 latency rose by more than this percentage over the baseline. */
  latencyGatePct?: number;
  /** Also gate each (relay, thinking setting), not only overall and per relay. */
  perThinking?: boolean;
  /** With a baseline, fail on any pass→fail pair (overrides the suite's `ci.failOnFlip`). */
  failOnFlip?: boolean;
  /** Let a run that lacks planned jobs pass (overrides `ci.allowIncomplete`). */
  allowIncomplete?: boolean;
}

/**
 * Everything `finishCi` reads: the run folder (summary.md is written there), the suite's name and
 * `ci:` block, the rows of requests.csv, the CI options, and optionally the request config (to say
 * why jobs did not pair), an injected environment (GITHUB_STEP_SUMMARY), the plan (for the
 * completeness gate) and reading warnings.
 */
export interface FinishCiInput {
  /** The run folder: summary.md is written here. */
  outDir: string;
  suite: Pick<Suite, 'name' | 'ci'>;
  rows: RequestRow[];
  options: FinishCiOptions;
  /** This run's request-shaping configuration (a Suite, or run.json's `config`): says why jobs did not pair. */
  requestConfig?: RequestConfig;
  /** Read for GITHUB_STEP_SUMMARY; the process environment unless a caller injects one. */
  env?: Readonly<Record<string, string | undefined>>;
  /** What the run planned, for the completeness gate; without it, completeness is not checked. */
  plan?: Omit<CompletenessInput, 'rows' | 'allowIncomplete'>;
  /** One-line warnings about the rows read (duplicates, a torn last line), shown with the gates. */
  notes?: string[];
  /** `options.baseline` already read (readBaselineFolderStreamed); without it, it is read here. */
  baselineFolder?: BaselineFolder;
}

/**
 * The outcome of `finishCi`: the exit code (0 every gate held, 1 a gate failed: docs/exit-codes.md)
 * and the plain text for stdout.
 */
export interface FinishCiResult {
  exitCode: number;
  /** Plain lines for stdout, no colour codes. */
  consoleText: string;
}

/**
 * Checks the CI flags alone, so `run` can refuse bad ones before anything is sent.
 * @throws RelaybenchError (exit 2) naming the flag.
 */
export function checkOptions(options: FinishCiOptions): void {
  const inUnitRange = (value: number | undefined): boolean => value === undefined || (value >= 0 && value <= 1);
  if (!inUnitRange(options.minPassRate)) throw new RelaybenchError(`--min-pass-rate must be between 0 and 1, got ${options.minPassRate}`);
  if (!inUnitRange(options.maxErrorRate)) throw new RelaybenchError(`--max-error-rate must be between 0 and 1, got ${options.maxErrorRate}`);
  if (options.alpha !== undefined && !(options.alpha > 0 && options.alpha < 1)) throw new RelaybenchError(`--alpha must be between 0 and 1 (exclusive), got ${options.alpha}`);
  if (options.latencyGatePct !== undefined && !(options.latencyGatePct >= 0))
    throw new RelaybenchError(`--latency-gate must be a percentage of at least 0, got ${options.latencyGatePct}`);
  if (options.latencyGatePct !== undefined && options.baseline === undefined) throw new RelaybenchError('--latency-gate compares with a baseline: add --baseline <run folder>');
  if (options.failOnFlip === true && options.baseline === undefined) throw new RelaybenchError('--fail-on-flip compares with a baseline: add --baseline <run folder>');
  // No default here: 0.05 is applied where the comparison is made (baseline.ts DEFAULT_ALPHA), so a given --alpha is seen.
  if (options.alpha !== undefined && options.baseline === undefined)
    throw new RelaybenchError('--alpha is the significance level of the baseline comparison: add --baseline <run folder>');
}

/** The suite's `ci:` block with the command-line flags on top. */
function gateOptionsOf(ci: CiSettings, options: FinishCiOptions): GateOptions {
  return {
    ...ci,
    ...(options.minPassRate === undefined ? {} : { minPassRate: options.minPassRate }),
    ...(options.maxErrorRate === undefined ? {} : { maxErrorRate: options.maxErrorRate }),
    ...(options.perThinking === undefined ? {} : { perThinking: options.perThinking }),
  };
}

function compareWithFolder(input: FinishCiInput, dir: string, notes: string[]): BaselineComparison {
  const { rows, options } = input;
  const baseline = input.baselineFolder ?? readBaselineFolder(dir);
  notes.push(...baseline.warnings);
  // Comparing with an unrelated folder would find nothing and pass: refuse it instead, saying why.
  assertSharesJobs(dir, baseline, plannedJobsOfRows(rows), input.requestConfig);
  const failOnFlip = options.failOnFlip ?? input.suite.ci.failOnFlip;
  return compareToBaseline(rows, baseline.rows, {
    ...(options.alpha === undefined ? {} : { alpha: options.alpha }),
    ...(failOnFlip === undefined ? {} : { failOnFlip }),
    ...(options.latencyGatePct === undefined ? {} : { latencyGate: { maxIncreasePct: options.latencyGatePct } }),
    ...(input.requestConfig === undefined ? {} : { requestConfigs: { current: input.requestConfig, baseline: baseline.config } }),
  });
}

/** Runs a write; an OS error on `path` becomes a one-line usage error (exit 2), not a stack trace. */
function writeOrExplain(path: string, write: () => void): void {
  try {
    write();
  } catch (error) {
    throw fileSystemError(error, 'write', path);
  }
}

/** A path as the user would type it: relative when inside the working directory, else absolute. */
function shown(path: string): string {
  const fromCwd = relative(process.cwd(), resolve(path));
  return fromCwd.startsWith('..') ? resolve(path) : fromCwd || '.';
}

/**
 * Ends a run in CI: evaluates the gates (flags override the suite's `ci:` block), compares with the
 * baseline when given, writes summary.md (and appends it to GitHub's job summary when
 * GITHUB_STEP_SUMMARY is set) and the JUnit file when asked. Exit 1 when a gate failed or a
 * significant regression exists; a missing or unreadable baseline is a usage error (exit 2).
 */
export function finishCi(input: FinishCiInput): FinishCiResult {
  const { outDir, suite, rows, options } = input;
  checkOptions(options);
  const notes = [...(input.notes ?? [])];
  const gates = evaluateGates(rows, gateOptionsOf(suite.ci, options));
  const baseline = options.baseline === undefined ? undefined : compareWithFolder(input, options.baseline, notes);
  const completeness: CompletenessResult | undefined =
    input.plan === undefined ? undefined : checkCompleteness({ ...input.plan, rows, allowIncomplete: options.allowIncomplete ?? suite.ci.allowIncomplete ?? false });

  const ok = rows.filter((row) => row.status === 'ok').length;
  const markdown = renderSummaryMarkdown({
    suiteName: suite.name,
    summaryRows: summarize(rows, input.requestConfig?.relays?.map((relay) => relay.name) ?? []),
    gates,
    counts: { rows: rows.length, ok, errors: rows.length - ok },
    ...(completeness === undefined ? {} : { completeness }),
    notes,
    ...(baseline === undefined ? {} : { baseline }),
    ...(options.baseline === undefined ? {} : { baselineName: shown(options.baseline) }),
  });
  const summaryPath = join(outDir, RUN_FILES.summaryMarkdown);
  writeOrExplain(summaryPath, () => writeFileAtomic(summaryPath, markdown));
  const written = [shown(summaryPath)];

  const stepSummary = (input.env ?? process.env).GITHUB_STEP_SUMMARY;
  if (stepSummary !== undefined && stepSummary !== '') {
    writeOrExplain(stepSummary, () => appendFileSync(stepSummary, `${markdown}\n`));
    written.push('$GITHUB_STEP_SUMMARY');
  }
  if (options.junit !== undefined) {
    const junit = options.junit;
    checkWritableFile(junit, '--junit');
    writeOrExplain(junit, () => writeFileAtomic(junit, renderJUnit(rows, suite.name, baseline?.paired, completeness)));
    written.push(shown(junit));
  }

  const verdict = ciVerdict(gates, baseline, completeness);
  const consoleText = renderConsoleText({
    gates,
    written,
    notes,
    ...(completeness === undefined ? {} : { completeness }),
    ...(baseline === undefined ? {} : { baseline }),
    ...(options.baseline === undefined ? {} : { baselineName: shown(options.baseline) }),
  });
  return { exitCode: verdict.passed ? EXIT.ok : EXIT.gateFailed, consoleText };
}
