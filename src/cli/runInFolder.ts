import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRedactor } from '../client/redact.js';
import type { FinishCiInput, FinishCiResult } from '../gate/finish.js';
import type { BaselineFolder } from '../gate/baselineFolder.js';
import type { Job } from '../plan/types.js';
import { filterRecord, type PlanFilter } from '../plan/filter.js';
import type { Shard } from '../plan/shard.js';
import { formatErrorKinds, formatSummaryTable } from '../report/consoleSummary.js';
import { formatJudgeReport } from '../report/consoleJudge.js';
import { spendingCapText } from '../report/consoleSpendingCap.js';
import { REPORT_TABLE } from '../report/html/gridRows.js';
import type { RowFacts } from '../analysis/rowFacts.js';
import type { RequestRow } from '../runfolder/columns.js';
import { createCaptureSink } from '../run/captures.js';
import { emulatorSampleHeaders, startEmulatorFor } from '../run/emulatorHost.js';
import { judgeRecord, judgeSecrets, startJudging } from '../run/judgeSetup.js';
import { buildRunManifest } from '../run/manifest.js';
import type { PlanFacts } from '../run/planFacts.js';
import type { PriceBook } from '../run/pricing.js';
import { DEFAULT_RELAY_HEALTH } from '../run/relayHealth.js';
import { resourcesUsed } from '../run/resourcesUsed.js';
import { runJobs } from '../run/runner.js';
import { assessHarness, harnessWarning, startSelfMonitor, type HarnessSample } from '../run/selfMonitor.js';
import { createSpendingCap } from '../run/spendingCap.js';
import { formatWarmup } from '../run/warmup.js';
import type { RunFolder } from '../runfolder/create.js';
import type { JobDetail } from '../runfolder/details.js';
import { keptCostUsd } from '../runfolder/keptCost.js';
import { readDetailsInto, readRequestsInto } from '../runfolder/readTable.js';
import { openJsonLines, openRequestsCsv, readWarnings } from '../runfolder/requestsCsv.js';
import { intoTable, RunTable } from '../runfolder/table.js';
import { writeRunJson, writeSummaryCsv } from '../runfolder/write.js';
import type { Suite } from '../suite/types.js';
import { formatUsd } from '../format/index.js';
import { RelaybenchError } from '../errors/index.js';
import { EXIT } from './exitCodes.js';
import { handleInterruption } from './interrupt.js';
import { createProgress } from './progress.js';
import type { RunCommandOptions } from './runOptions.js';
import { displayPath, resumeCommand } from './shellArgs.js';
import { RUN_FILES } from '../runfolder/names.js';

/** Grace given to requests in flight after the first Ctrl-C, before they are aborted. */
const INTERRUPT_GRACE_MS = 3000;

/** A run whose folder is claimed (locked): everything `runInFolder` needs, worked out before the first request. */
export interface ClaimedRun {
  file: string;
  suite: Suite;
  options: RunCommandOptions;
  /** What the end of the run needs of the plan (worked out before it, so its Jobs can go). */
  plan: PlanFacts;
  /** The filter that sliced the plan (`NO_FILTER` for none). */
  filter: PlanFilter;
  /** How many jobs the whole suite plans, filter or not (run.json's `filter.suitePlanned`). */
  fullPlanJobs: number;
  /** Prices each relay's rows are billed at (`cost_usd`). */
  prices: PriceBook;
  shard: Shard | undefined;
  folder: RunFolder;
  startedAt: Date;
  /** --baseline, read before the run. */
  baselineFolder: BaselineFolder | undefined;
}

/**
 * Runs the jobs into a claimed (locked) folder, writing requests.csv and details.jsonl row by row,
 * then writes summary.csv, run.json, the report and verdicts, prints the console summary and the
 * CI verdict. Returns the exit code: 0, 1 (a gate failed), 3 (spending cap), 130 (interrupted).
 * Throws a RelaybenchError (exit 2) when a resumed folder already spent `--max-cost`.
 */
export async function runInFolder({ file, suite, options, plan, shard, folder, startedAt, filter, fullPlanJobs, baselineFolder }: ClaimedRun): Promise<number> {
  const { outDir, runId } = folder;
  if (options.resume !== undefined) {
    process.stderr.write(`Resuming ${outDir}: ${folder.keptRows} rows kept, ${folder.remaining.length} of ${plan.jobs} jobs to run.\n`);
  }

  const requestsPath = join(outDir, RUN_FILES.requests);
  const detailsPath = join(outDir, RUN_FILES.details);
  // Every row and detail of this run, held in columns as each is written (after a resumed folder's
  // kept ones, read once now): everything after the last response reads this, not the files. It
  // keeps what the summary, gates, JUnit (grader reasons) and the report (grid rows' text) read.
  const table = new RunTable({
    ...REPORT_TABLE,
    expectedRows: folder.keptRows + folder.remaining.length,
    textForAll: ['error_message', ...(options.ci?.junit === undefined ? [] : ['grader_reason' as const])],
  });
  if (options.resume !== undefined && existsSync(requestsPath)) {
    await readRequestsInto(requestsPath, table);
    await readDetailsInto(detailsPath, table);
  }
  const spendingCap =
    options.maxCost === undefined ? undefined : createSpendingCap(options.maxCost, options.resume === undefined ? 0 : keptCostUsd(table, join(outDir, RUN_FILES.manifest)));
  if (spendingCap !== undefined && spendingCap.spentUsd >= spendingCap.capUsd) {
    throw new RelaybenchError(
      `--max-cost ${options.maxCost}: this run has already spent ${formatUsd(spendingCap.spentUsd)}; give a higher cap to finish it. Nothing was sent.`,
      'flag',
    );
  }

  const redact = createRedactor([...suite.relays.map((relay) => relay.apiKey), ...judgeSecrets(suite)]);
  const rows = intoTable(openRequestsCsv(requestsPath), (row) => table.append(row));
  const details = intoTable(openJsonLines<JobDetail>(detailsPath), (detail) => table.appendDetail(detail));
  const capture = createCaptureSink(outDir, options.capture ?? suite.capture ?? 'failed', redact);
  // Opened after the files, so a file the OS refuses leaves no emulator child keeping us alive.
  const emulator = await startEmulatorFor(suite, options.emulatorLog === undefined ? {} : { logFile: resolve(options.emulatorLog) });
  const progress = await createProgress(folder.remaining.length);
  const interruption = handleInterruption(INTERRUPT_GRACE_MS, () => {
    progress.stop();
    process.stderr.write(`\nInterrupted: no new jobs; waiting up to ${INTERRUPT_GRACE_MS / 1000} s for ${'requests in flight'}. Ctrl-C again to exit now.\n`);
  });
  const judging = startJudging(suite, redact, interruption.abort, spendingCap === undefined ? undefined : (usd) => spendingCap.finish(0, usd));

  let result: Awaited<ReturnType<typeof runJobs>>;
  const selfMonitor = startSelfMonitor();
  let harness: HarnessSample | undefined;
  try {
    result = await runJobs({
      suite,
      runId,
      jobs: takeRemaining(folder),
      rows,
      details,
      redact,
      clock: () => performance.now(),
      stopSignal: interruption.stop,
      abortSignal: interruption.abort,
      sampleHeaders: emulatorSampleHeaders,
      health: { ...DEFAULT_RELAY_HEALTH, maxErrorRate: options.maxErrorRate },
      ...(spendingCap === undefined ? {} : { spendingCap }),
      capture,
      ...(judging === undefined ? {} : { judging }),
      onWarmup: (reports) => process.stderr.write(`${formatWarmup(reports)}\n`),
      onRelayDown: (relay, reason) => {
        process.stderr.write(redact(`\nGiving up on relay ${relay}: ${reason}. Its remaining jobs are written as skipped rows.\n`));
      },
      onRow: (row, state) => {
        progress.update(state);
        if (options.verbose === true) {
          process.stderr.write(
            redact(
              `${row.relay} ${row.case_id} #${row.repeat}: ${row.status} ${row.error_kind ?? ''} ttft=${row.ttft_ms ?? '-'}ms total=${row.total_ms ?? '-'}ms ${row.error_message ?? ''}\n`,
            ),
          );
        }
      },
    });
  } finally {
    harness = selfMonitor.stop();
    progress.stop();
    interruption.dispose();
    rows.close();
    details.close();
    await judging?.close();
    await emulator?.stop();
  }

  const harnessAssessment = assessHarness(harness, suite.concurrency);
  const harnessNote = harnessWarning(harnessAssessment);
  const complete = !result.interrupted && !result.capReached && shard === undefined;
  const ciInput = {
    outDir,
    suite,
    options: options.ci ?? {},
    requestConfig: suite,
    ...(baselineFolder === undefined ? {} : { baselineFolder }),
    plan: { planned: plan.planned, plannedJobIds: plan.jobIds, interrupted: false },
  };
  const facts = await readRowFacts(
    table,
    requestsPath,
    suite.relays.map((relay) => relay.name).filter((name) => plan.relays.has(name)),
    complete ? ciInput : undefined,
  );
  writeSummaryCsv(outDir, facts.summary);
  writeRunJson(
    outDir,
    buildRunManifest({
      suite,
      runId,
      startedAtIso: startedAt.toISOString(),
      endedAtIso: new Date().toISOString(),
      // The whole suite's count, the same in every shard: merge checks shards against it.
      planned: plan.planned,
      rows: facts.count,
      ok: facts.ok,
      errors: facts.count - facts.ok,
      interrupted: result.interrupted,
      byRelay: result.byRelay,
      versions: { relaybench: process.env.npm_package_version ?? '0.1.0', node: process.version, platform: `${process.platform}-${process.arch}` },
      redact,
      extra: {
        resources: resourcesUsed(),
        harness: { ...harness, concurrency: suite.concurrency, boundMs: harnessAssessment.boundMs, ...(harnessNote === undefined ? {} : { warning: harnessNote }) },
        ...filterRecord(filter, fullPlanJobs),
        ...(result.warmup.length === 0 ? {} : { warmup: result.warmup }),
        capture: { policy: capture.policy, files: capture.written },
        ...(shard === undefined ? {} : { shard: { index: shard.index, count: shard.count, jobs: plan.jobs } }),
        // Which price each relay's cost_usd used, so a total can be checked or redone later.
        prices: plan.pricesUsed,
        ...(spendingCap === undefined ? {} : { spendingCap: { capUsd: spendingCap.capUsd, spentUsd: spendingCap.spentUsd, reached: spendingCap.reached } }),
        ...(judging === undefined ? {} : { judge: judgeRecord(suite, judging.report()) }),
      },
    }),
  );

  // The report and verdicts are loaded only now: chart.js and the analysis are not start-up costs.
  const { writeReport } = await import('../report/html/writeReport.js');
  const report = await writeReport(outDir, { table, completeBytes: 0, tornBytes: 0, duplicateRows: table.duplicateRows });
  const { formatBudgetAdvice, formatVerdicts } = await import('../report/consoleVerdicts.js');

  process.stdout.write(`${formatSummaryTable(facts.summary)}\n\n`);
  if (facts.errorKinds !== '') process.stdout.write(`${facts.errorKinds}\n\n`);
  if (judging !== undefined) process.stdout.write(`${redact(formatJudgeReport(judging.report()))}\n\n`);
  if (harnessNote !== undefined) process.stderr.write(`⚠ ${harnessNote}\n\n`);
  const noUsage = [...facts.uncosted].filter(([relay]) => plan.priced.has(relay));
  if (noUsage.length > 0) {
    process.stdout.write(`cost_usd is empty where a response carried no usage: ${noUsage.map(([relay, count]) => `${relay} ×${count}`).join(', ')}.\n\n`);
  }
  process.stdout.write(`${formatVerdicts(report.verdicts)}\n\n${formatBudgetAdvice(report.advice)}\n\n`);
  const { formatCostAdvice } = await import('../report/consoleCostAdvice.js');
  const costAdviceText = formatCostAdvice(report.advice);
  if (costAdviceText !== '') process.stdout.write(`${costAdviceText}\n\n`);
  process.stdout.write(`${facts.count} of ${plan.jobs} jobs written to ${displayPath(outDir)}/ (requests.csv, summary.csv, run.json, report.html, verdicts.csv, budgets.csv)\n`);
  if (result.capReached && spendingCap !== undefined) {
    process.stderr.write(
      spendingCapText(
        spendingCap,
        facts.count,
        plan.jobs,
        outDir,
        resumeCommand(file, outDir, shard, filter),
        result.warmup.reduce((sum, report) => sum + (report.costUsd ?? 0), 0),
        result.capWorstCaseJobs,
      ),
    );
    return EXIT.spendingCap;
  }
  if (result.interrupted) {
    process.stderr.write(
      `Interrupted after ${facts.count} of ${plan.jobs} jobs. What finished is saved in ${outDir}.\nResume with:\n  ${resumeCommand(file, outDir, shard, filter)}\n`,
    );
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

/** The folder's remaining jobs, handed over: the folder keeps none, so they go when the runner is done. */
function takeRemaining(folder: RunFolder): Job[] {
  const remaining = folder.remaining;
  folder.remaining = [];
  return remaining;
}

/** What the command needs from the finished rows, worked out while they are in memory. */
interface PostRunFacts extends RowFacts {
  errorKinds: string;
  /** The CI verdict of a complete run, or its error (e.g. a baseline sharing no job), thrown after the report is written. */
  ci: { result: FinishCiResult } | { error: unknown } | undefined;
}

/**
 * Works out the summary, error kinds, uncosted counts and CI verdict from the run's table (the
 * rows as requests.csv holds them, never read back). Its warnings name `requestsPath`.
 */
async function readRowFacts(table: RunTable, requestsPath: string, relayOrder: string[], ciInput: Omit<FinishCiInput, 'rows'> | undefined): Promise<PostRunFacts> {
  const rows: RequestRow[] = table.rows();
  const notes = readWarnings(requestsPath, { duplicateRows: table.duplicateRows, tornBytes: 0 });
  // With a CI verdict the notes go into its text (and summary.md); else straight to stderr.
  if (ciInput === undefined) for (const note of notes) process.stderr.write(`${note}\n`);
  let ci: PostRunFacts['ci'];
  if (ciInput !== undefined) {
    try {
      ci = { result: (await import('../gate/finish.js')).finishCi({ ...ciInput, rows, notes }) };
    } catch (error) {
      ci = { error };
    }
  }
  // The analysis is loaded only now: it is not a start-up cost.
  return { ...(await import('../analysis/rowFacts.js')).rowFacts(rows, relayOrder), errorKinds: formatErrorKinds(rows), ci };
}
