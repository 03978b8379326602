import { join, relative, resolve } from 'node:path';
import { createRedactor } from '../client/redact.js';
import { expandPlan } from '../plan/expand.js';
import { formatErrorKinds, formatSummaryTable } from '../report/consoleSummary.js';
import type { RequestColumn, SummaryRow } from '../report/columns.js';
import { checkAppendableFile, checkWritableFile } from '../report/folders.js';
import { openJsonLines, openRequestsCsv, readRequestRows, readWarnings } from '../report/requestsCsv.js';
import { checkRunFolder } from '../report/runFolderCheck.js';
import { buildRunManifest } from '../report/runManifest.js';
import { summarize } from '../report/summary.js';
import { writeRunJson, writeSummaryCsv } from '../report/writeRun.js';
import { emulatorSampleHeaders, startEmulatorFor } from '../run/emulatorHost.js';
import { runJobs, type JobDetail } from '../run/runner.js';
import { DEFAULT_RELAY_HEALTH } from '../run/relayHealth.js';
import { finishCi, type FinishCiInput, type FinishCiOptions, type FinishCiResult } from '../gate/finish.js';
import { parseShard, selectShard, type Shard } from '../plan/shard.js';
import type { Job } from '../plan/types.js';
import type { Suite } from '../suite/types.js';
import { CliError, EXIT } from './exitCodes.js';
import { handleInterruption } from './interrupt.js';
import { loadSuiteOrExit } from './loadOrExit.js';
import { createProgress } from './progress.js';
import { createRunFolder, resumeRunFolder, type RunFolder } from './runFolder.js';

export interface RunCommandOptions {
  out?: string;
  concurrency?: number;
  repeats?: number;
  verbose?: boolean;
  resume?: string;
  force?: boolean;
  maxErrorRate?: number;
  emulatorLog?: string;
  shard?: string;
  /** CI: flags on top of the suite's `ci:` block (see `relaybench gate`). */
  ci?: FinishCiOptions;
}

/** Grace given to requests in flight after the first Ctrl-C, before they are aborted. */
const INTERRUPT_GRACE_MS = 3000;

export async function runCommand(file: string, options: RunCommandOptions): Promise<number> {
  const suite = await loadSuiteOrExit(file);
  if (options.concurrency !== undefined) suite.concurrency = options.concurrency;
  if (options.repeats !== undefined) suite.repeats = options.repeats;
  const planned = expandPlan(suite);
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  const jobs = shard === undefined ? planned : selectShard(planned, shard);

  checkPathsBeforeSending(options, shard === undefined);
  const startedAt = new Date();
  const folder = options.resume === undefined ? createRunFolder(suite.name, jobs, options.out, startedAt) : resumeRunFolder(options.resume, jobs, options.force === true, suite.name);
  try {
    return await runInFolder({ file, suite, options, planned, jobs, shard, folder, startedAt });
  } finally {
    folder.lock.release();
  }
}

/**
 * Every path the run will write or read later, checked before anything is sent: a baseline that
 * is not a run folder, an unwritable --junit or GITHUB_STEP_SUMMARY (written only after the run),
 * an --emulator-log that cannot be opened. Each is a one-line usage error (exit 2).
 */
function checkPathsBeforeSending(options: RunCommandOptions, gates: boolean): void {
  if (options.ci?.baseline !== undefined) checkRunFolder(options.ci.baseline, '--baseline');
  if (options.ci?.junit !== undefined && gates) checkWritableFile(options.ci.junit, '--junit');
  const stepSummary = process.env.GITHUB_STEP_SUMMARY;
  if (stepSummary !== undefined && stepSummary !== '' && gates) checkAppendableFile(stepSummary, 'GITHUB_STEP_SUMMARY');
  if (options.emulatorLog !== undefined) checkAppendableFile(options.emulatorLog, '--emulator-log');
}

interface ClaimedRun {
  file: string;
  suite: Suite;
  options: RunCommandOptions;
  /** The whole suite's plan. */
  planned: Job[];
  /** The jobs of this run (a shard's slice, or the whole plan). */
  jobs: Job[];
  shard: Shard | undefined;
  folder: RunFolder;
  startedAt: Date;
}

/** Runs the jobs into a claimed (locked) folder, then writes the summary, report and CI verdict. */
async function runInFolder({ file, suite, options, planned, jobs, shard, folder, startedAt }: ClaimedRun): Promise<number> {
  const { outDir, runId } = folder;
  if (options.resume !== undefined) {
    process.stderr.write(`Resuming ${outDir}: ${folder.keptRows} rows kept, ${folder.remaining.length} of ${jobs.length} jobs to run.\n`);
  }

  const redact = createRedactor(suite.relays.map((relay) => relay.apiKey));
  const requestsPath = join(outDir, 'requests.csv');
  const rows = openRequestsCsv(requestsPath);
  const details = openJsonLines<JobDetail>(join(outDir, 'details.jsonl'));
  // Opened after the files, so a file the OS refuses leaves no emulator child keeping us alive.
  const emulator = await startEmulatorFor(suite, options.emulatorLog === undefined ? {} : { logFile: resolve(options.emulatorLog) });
  const progress = await createProgress(folder.remaining.length);
  const interruption = handleInterruption(INTERRUPT_GRACE_MS, () => {
    progress.stop();
    process.stderr.write(`\nInterrupted: no new jobs; waiting up to ${INTERRUPT_GRACE_MS / 1000} s for ${'requests in flight'}. Ctrl-C again to exit now.\n`);
  });

  let result;
  try {
    result = await runJobs({
      suite,
      runId,
      jobs: folder.remaining,
      rows,
      details,
      redact,
      clock: () => performance.now(),
      stopSignal: interruption.stop,
      abortSignal: interruption.abort,
      sampleHeaders: emulatorSampleHeaders,
      health: { ...DEFAULT_RELAY_HEALTH, maxErrorRate: options.maxErrorRate },
      onRow: (row, state) => {
        progress.update(state);
        if (options.verbose === true) {
          process.stderr.write(redact(`${row.relay} ${row.case_id} #${row.repeat}: ${row.status} ${row.error_kind ?? ''} ttft=${row.ttft_ms ?? '-'}ms total=${row.total_ms ?? '-'}ms ${row.error_message ?? ''}\n`));
        }
      },
    });
  } finally {
    progress.stop();
    interruption.dispose();
    rows.close();
    details.close();
    await emulator?.stop();
  }

  const complete = !result.interrupted && shard === undefined;
  const ciInput = { outDir, suite, options: options.ci ?? {}, plan: { planned: planned.length, plannedJobIds: jobs.map((job) => job.jobId), interrupted: false } };
  const facts = await readRowFacts(requestsPath, suite.relays.map((relay) => relay.name), complete ? ciInput : undefined);
  writeSummaryCsv(outDir, facts.summary);
  writeRunJson(
    outDir,
    buildRunManifest({
      suite,
      runId,
      startedAtIso: startedAt.toISOString(),
      endedAtIso: new Date().toISOString(),
      // The whole suite's count, the same in every shard: merge checks shards against it.
      planned: planned.length,
      rows: facts.count,
      ok: facts.ok,
      errors: facts.count - facts.ok,
      interrupted: result.interrupted,
      byRelay: result.byRelay,
      versions: { relaybench: process.env.npm_package_version ?? '0.1.0', node: process.version, platform: `${process.platform}-${process.arch}` },
      redact,
      extra: { resources: resourcesUsed(), ...(shard === undefined ? {} : { shard: { index: shard.index, count: shard.count, jobs: jobs.length } }) },
    }),
  );

  // The report and verdicts are loaded only now: chart.js and the analysis are not start-up costs.
  const { writeReport } = await import('../report/html/writeReport.js');
  const report = await writeReport(outDir);
  const { formatBudgetAdvice, formatVerdicts } = await import('../report/consoleVerdicts.js');

  process.stdout.write(`${formatSummaryTable(facts.summary)}\n\n`);
  if (facts.errorKinds !== '') process.stdout.write(`${facts.errorKinds}\n\n`);
  process.stdout.write(`${formatVerdicts(report.verdicts)}\n\n${formatBudgetAdvice(report.advice)}\n\n`);
  process.stdout.write(`${facts.count} of ${jobs.length} jobs written to ${displayPath(outDir)}/ (requests.csv, summary.csv, run.json, report.html, verdicts.csv, budgets.csv)\n`);
  if (result.interrupted) {
    process.stderr.write(`Interrupted after ${facts.count} of ${jobs.length} jobs. What finished is saved in ${outDir}.\nResume with:\n  relaybench run ${quoteArg(file)} --resume ${quoteArg(outDir)}${shard === undefined ? '' : ` --shard ${shard.index}/${shard.count}`}\n`);
    return EXIT.interrupted;
  }
  if (shard !== undefined) {
    // A shard is a slice of the run: gates apply to the merged whole (relaybench merge, then gate).
    process.stdout.write(`Shard ${shard.index}/${shard.count}: gates are not applied to a shard. Merge the shards, then run \`relaybench gate\` on the merged folder.\n`);
    return EXIT.ok;
  }
  // A complete, unsharded run: readRowFacts was given the CI input, so the verdict is there.
  if (facts.ci === undefined) throw new Error('internal: the CI verdict of a complete run was not computed');
  if ('error' in facts.ci) throw facts.ci.error;
  process.stdout.write(facts.ci.result.consoleText);
  return facts.ci.result.exitCode;
}

/** What the command needs from the finished rows, worked out while they are in memory. */
interface RowFacts {
  count: number;
  ok: number;
  summary: SummaryRow[];
  errorKinds: string;
  /** The CI verdict of a complete run, or its error (e.g. a baseline sharing no job), thrown after the report is written. */
  ci: { result: FinishCiResult } | { error: unknown } | undefined;
}

/**
 * Reads the run's rows back once and lets them go on return, before the report reads its own: one
 * whole-run copy in memory at a time. Without the cells nothing here reads: answers (only the
 * report's grid shows them), start times and response ids, and the grader's reasons unless a
 * JUnit file, which quotes them, is asked for.
 */
async function readRowFacts(requestsPath: string, relayOrder: string[], ciInput: Omit<FinishCiInput, 'rows'> | undefined): Promise<RowFacts> {
  const unread: RequestColumn[] = ['answer', 'started_at', 'response_id'];
  if (ciInput?.options.junit === undefined) unread.push('grader_reason');
  const parsed = await readRequestRows(requestsPath, { omitColumns: unread });
  const { rows } = parsed;
  const notes = readWarnings(requestsPath, parsed);
  // With a CI verdict the notes go into its text (and summary.md); else straight to stderr.
  if (ciInput === undefined) for (const note of notes) process.stderr.write(`${note}\n`);
  let ci: RowFacts['ci'];
  if (ciInput !== undefined) {
    try {
      ci = { result: finishCi({ ...ciInput, rows, notes }) };
    } catch (error) {
      ci = { error };
    }
  }
  return { count: rows.length, ok: rows.filter((row) => row.status === 'ok').length, summary: summarize(rows, relayOrder), errorKinds: formatErrorKinds(rows), ci };
}

/** Peak memory and CPU time of this process: what the benchmark's memory and scaling figures read. */
function resourcesUsed(): Record<string, number> {
  const usage = process.resourceUsage();
  return { maxRssMb: Math.round(usage.maxRSS / 1024), cpuUserMs: Math.round(usage.userCPUTime / 1000), cpuSystemMs: Math.round(usage.systemCPUTime / 1000) };
}

/** A path relative to the working directory when it is inside it, else absolute. */
function displayPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown === '' ? '.' : shown.startsWith('..') ? path : shown;
}

/** Quotes a path for a copy-pasteable shell command. */
function quoteArg(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, "'\\''")}'`;
}
