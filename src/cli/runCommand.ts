import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { createRedactor } from '../client/redact.js';
import { expandPlan } from '../plan/expand.js';
import { formatErrorKinds, formatSummaryTable } from '../report/consoleSummary.js';
import type { RequestRow, SummaryRow } from '../runfolder/columns.js';
import { checkAppendableFile, checkNotAnInput, checkWritableFile } from '../runfolder/folders.js';
import { openJsonLines, openRequestsCsv, readWarnings } from '../runfolder/requestsCsv.js';
import { readDetailsInto, readRequestsInto } from '../runfolder/readTable.js';
import { intoTable, RunTable } from '../runfolder/table.js';
import { REPORT_TABLE } from '../report/html/gridRows.js';
import { buildRunManifest } from '../run/manifest.js';
import { writeRunJson, writeSummaryCsv } from '../runfolder/write.js';
import { emulatorSampleHeaders, startEmulatorFor } from '../run/emulatorHost.js';
import { runJobs } from '../run/runner.js';
import { type JobDetail } from '../runfolder/details.js';
import { DEFAULT_RELAY_HEALTH } from '../run/relayHealth.js';
import type { FinishCiInput, FinishCiOptions, FinishCiResult } from '../gate/finish.js';
import type { BaselineFolder } from '../gate/baselineFolder.js';
import { toPlannedJobs } from '../runfolder/planFile.js';
import { createPriceBook, type PriceBook } from '../run/pricing.js';
import type { Job } from '../plan/types.js';
import type { Suite } from '../suite/types.js';
import { createSpendingCap, type SpendingCap } from '../run/spendingCap.js';
import { formatWarmup } from '../run/warmup.js';
import { createCaptureSink } from '../run/captures.js';
import { judgeRecord, judgeSecrets, startJudging, unpricedJudge } from '../run/judgeSetup.js';
import { formatJudgeReport } from '../report/consoleJudge.js';
import { assessHarness, harnessWarning, startSelfMonitor, type HarnessSample } from '../run/selfMonitor.js';
import type { CapturePolicy } from '../suite/types.js';
import { parseShard, selectShard, type Shard } from '../plan/shard.js';
import { describeFilter, filterPlan, isFiltered, NO_FILTER, type PlanFilter } from '../plan/filter.js';
import { RelaybenchError } from '../errors/index.js';
import { EXIT } from './exitCodes.js';
import { handleInterruption } from './interrupt.js';
import { loadSuiteOrExit } from './loadOrExit.js';
import { createProgress } from './progress.js';
import { createRunFolder, resumeRunFolder, type RunFolder } from '../runfolder/create.js';
import type { RunCommandOptions } from './runOptions.js';
import { formatUsd } from '../format/index.js';


/** Grace given to requests in flight after the first Ctrl-C, before they are aborted. */
const INTERRUPT_GRACE_MS = 3000;

/**
 * `relaybench run <suite>`: loads and checks everything (suite, flags, paths, baseline, prices)
 * before the first request, claims a locked run folder (new, or `--resume`), runs the plan (or a
 * filter's slice, or a shard) and writes requests.csv row by row, then summary, report, verdicts
 * and the CI verdict. A suite with `load:` goes to `cli/loadCommand.ts`'s open-loop path.
 * Returns the exit code: 0, 1 (a gate failed), 3 (spending cap), 130 (interrupted); bad input
 * throws a RelaybenchError (exit 2) before anything is sent.
 */
export async function runCommand(file: string, options: RunCommandOptions): Promise<number> {
  // A resume writes into its own folder, and --force only loosens a resume: said, not ignored.
  if (options.resume !== undefined && options.out !== undefined) {
    throw new RelaybenchError(`--out ${options.out}: a resume appends to the folder it resumes (--resume ${options.resume}); drop --out, or drop --resume to start a new run there. Nothing was sent.`, 'flag');
  }
  if (options.force === true && options.resume === undefined) {
    throw new RelaybenchError('--force: only changes what --resume accepts (a changed plan); it does nothing alone and never overwrites a folder. Add --resume DIR, or drop --force. Nothing was sent.', 'flag');
  }
  const suite = await loadSuiteOrExit(file);
  // A suite with `load:` is an open-loop load run: its own path (cli/loadCommand.ts).
  if (suite.load !== undefined) return (await import('./loadCommand.js')).runLoadCommand(file, { ...suite, load: suite.load }, options);
  if (options.concurrency !== undefined) suite.concurrency = options.concurrency;
  if (options.repeats !== undefined) suite.repeats = options.repeats;
  const filter = options.filter ?? NO_FILTER;
  let fullPlan = expandPlan(suite);
  // A filtered run's plan is its slice: resume, shards and planned counts all refer to it.
  let planned = filterPlan(suite, fullPlan, filter);
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  let jobs = shard === undefined ? planned : selectShard(planned, shard);

  // A baseline that is not a run folder, or shares no job with this plan, is bad input: say so
  // before anything is sent, not after the whole run.
  if (options.ci !== undefined) (await import('../gate/finish.js')).checkOptions(options.ci);
  const baseline = options.ci?.baseline;
  // Read once, streamed: checked now, compared after the run (finishCi's baselineFolder).
  let baselineFolder: BaselineFolder | undefined;
  if (baseline !== undefined) {
    const { assertNotItself, assertSharesJobs, readBaselineFolderStreamed } = await import('../gate/baselineFolder.js');
    const { readRunRowsStreamed } = await import('../runfolder/read.js');
    try {
      baselineFolder = await readBaselineFolderStreamed(baseline);
      if (options.resume !== undefined) assertNotItself(options.resume, baseline, (await readRunRowsStreamed(options.resume, '--resume')).rows, baselineFolder.rows);
      assertSharesJobs(baseline, baselineFolder, toPlannedJobs(planned), suite);
    } catch (error) {
      if (error instanceof RelaybenchError) throw new RelaybenchError(`${error.message.startsWith(baseline) ? '--baseline ' : ''}${error.message} Nothing was sent.`, 'run-folder');
      throw error;
    }
  }
  // Said once, before anything is sent: which relays' rows will have no cost_usd.
  const prices = createPriceBook(suite);
  const unpriced = [...prices.unpriced(jobs), ...[unpricedJudge(suite)].filter((pair) => pair !== undefined).map((pair) => `judge ${pair}`)];
  if (unpriced.length > 0 && options.maxCost !== undefined) {
    throw new RelaybenchError(`--max-cost ${options.maxCost}: no price is known for ${unpriced.join(', ')}, so the cap cannot count its cost. Set prices: (per model) in the suite or price: on the relay. Nothing was sent.`, 'flag');
  }
  if (unpriced.length > 0) {
    process.stderr.write(`No price for ${unpriced.join(', ')}: their cost_usd stays empty. Set prices: (per model) in the suite or price: on the relay.\n`);
  }
  checkPathsBeforeSending(file, options, shard === undefined);
  if (shard !== undefined && options.maxCost !== undefined) {
    // Each shard is its own process with its own cap: n shards may spend n times the amount.
    process.stderr.write(`--max-cost ${options.maxCost} caps shard ${shard.index}/${shard.count} alone: ${shard.count} shards may spend up to ${shard.count} × $${options.maxCost} together. Give each shard its share of the budget.\n`);
  }
  const startedAt = new Date();
  const folder = options.resume === undefined ? createRunFolder(suite.name, jobs, options.out, startedAt) : resumeRunFolder(options.resume, jobs, options.force === true, suite.name, describeFilter(filter));
  try {
    const claimed: ClaimedRun = { file, suite, options, plan: planFactsOf(suite, planned, jobs, prices), shard, folder, startedAt, filter, fullPlanJobs: fullPlan.length, prices, baselineFolder };
    // From here the plan's Job objects (~230 B each) are held by folder.remaining alone, which the
    // runner takes and lets go when the run ends.
    fullPlan = planned = jobs = [];
    return await runInFolder(claimed);
  } finally {
    folder.lock.release();
  }
}

/**
 * Every path the run will write or read later, checked before anything is sent (the baseline
 * folder was read, and so checked, just before): an unwritable --junit or GITHUB_STEP_SUMMARY (written only after the run),
 * an --emulator-log that cannot be opened, a --junit or --emulator-log naming the suite or a run
 * folder's own file. Each is a one-line usage error (exit 2).
 */
function checkPathsBeforeSending(file: string, options: RunCommandOptions, gates: boolean): void {
  const inputs = {
    files: [file, join(dirname(resolve(file)), '.env')],
    runFolders: [options.out, options.resume, options.ci?.baseline].filter((dir): dir is string => dir !== undefined),
  };
  if (options.ci?.junit !== undefined) checkNotAnInput(options.ci.junit, '--junit', inputs);
  if (options.emulatorLog !== undefined) checkNotAnInput(options.emulatorLog, '--emulator-log', inputs);
  if (options.ci?.junit !== undefined && gates) checkWritableFile(options.ci.junit, '--junit');
  const stepSummary = process.env.GITHUB_STEP_SUMMARY;
  if (stepSummary !== undefined && stepSummary !== '' && gates) checkAppendableFile(stepSummary, 'GITHUB_STEP_SUMMARY');
  if (options.emulatorLog !== undefined) checkAppendableFile(options.emulatorLog, '--emulator-log');
}

interface ClaimedRun {
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

/** Runs the jobs into a claimed (locked) folder, then writes the summary, report and CI verdict. */
async function runInFolder({ file, suite, options, plan, shard, folder, startedAt, filter, fullPlanJobs, prices, baselineFolder }: ClaimedRun): Promise<number> {
  const { outDir, runId } = folder;
  if (options.resume !== undefined) {
    process.stderr.write(`Resuming ${outDir}: ${folder.keptRows} rows kept, ${folder.remaining.length} of ${plan.jobs} jobs to run.\n`);
  }

  const requestsPath = join(outDir, 'requests.csv');
  const detailsPath = join(outDir, 'details.jsonl');
  // Every row and detail of this run, held in columns as each is written (after a resumed folder's
  // kept ones, read once now): everything after the last response reads this, not the files. It
  // keeps what the summary, gates, JUnit (grader reasons) and the report (grid rows' text) read.
  const table = new RunTable({ ...REPORT_TABLE, expectedRows: folder.keptRows + folder.remaining.length, textForAll: ['error_message', ...(options.ci?.junit === undefined ? [] : ['grader_reason' as const])] });
  if (options.resume !== undefined && existsSync(requestsPath)) {
    await readRequestsInto(requestsPath, table);
    await readDetailsInto(detailsPath, table);
  }
  const spendingCap = options.maxCost === undefined ? undefined : createSpendingCap(options.maxCost, options.resume === undefined ? 0 : keptCostUsd(table, join(outDir, 'run.json')));
  if (spendingCap !== undefined && spendingCap.spentUsd >= spendingCap.capUsd) {
    throw new RelaybenchError(`--max-cost ${options.maxCost}: this run has already spent ${formatUsd(spendingCap.spentUsd)}; give a higher cap to finish it. Nothing was sent.`, 'flag');
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

  let result;
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
          process.stderr.write(redact(`${row.relay} ${row.case_id} #${row.repeat}: ${row.status} ${row.error_kind ?? ''} ttft=${row.ttft_ms ?? '-'}ms total=${row.total_ms ?? '-'}ms ${row.error_message ?? ''}\n`));
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
  const ciInput = { outDir, suite, options: options.ci ?? {}, requestConfig: suite, ...(baselineFolder === undefined ? {} : { baselineFolder }), plan: { planned: plan.planned, plannedJobIds: plan.jobIds, interrupted: false } };
  const facts = await readRowFacts(table, requestsPath, suite.relays.map((relay) => relay.name).filter((name) => plan.relays.has(name)), complete ? ciInput : undefined);
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
    process.stderr.write(spendingCapText(spendingCap, facts.count, plan.jobs, outDir, resumeCommand(file, outDir, shard, filter), result.warmup.reduce((sum, report) => sum + (report.costUsd ?? 0), 0), result.capWorstCaseJobs));
    return EXIT.spendingCap;
  }
  if (result.interrupted) {
    process.stderr.write(`Interrupted after ${facts.count} of ${plan.jobs} jobs. What finished is saved in ${outDir}.\nResume with:\n  ${resumeCommand(file, outDir, shard, filter)}\n`);
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

/** What the end of a run needs of its plan: counts, ids, relays and prices, not the Job objects. */
interface PlanFacts {
  /** Jobs the plan covers (the whole suite's, or a filter's slice); a shard's count is `jobs`. */
  planned: number;
  /** Jobs of this run (a shard's slice, or the whole plan). */
  jobs: number;
  /** job_ids of this run's jobs, for the completeness gate. */
  jobIds: string[];
  /** Relays the plan sends to. */
  relays: ReadonlySet<string>;
  /** Relays whose every job has a price. */
  priced: ReadonlySet<string>;
  /** run.json's `prices`. */
  pricesUsed: Record<string, Record<string, unknown>>;
}

function planFactsOf(suite: Suite, planned: readonly Job[], jobs: readonly Job[], prices: PriceBook): PlanFacts {
  return {
    planned: planned.length,
    jobs: jobs.length,
    jobIds: jobs.map((job) => job.jobId),
    relays: new Set(planned.map((job) => job.relay)),
    priced: new Set(suite.relays.filter((relay) => prices.unpriced(jobs.filter((job) => job.relay === relay.name)).length === 0).map((relay) => relay.name)),
    pricesUsed: pricesUsed(suite.relays.map((relay) => relay.name), jobs, prices),
  };
}

/** The folder's remaining jobs, handed over: the folder keeps none, so they go when the runner is done. */
function takeRemaining(folder: RunFolder): Job[] {
  const remaining = folder.remaining;
  folder.remaining = [];
  return remaining;
}

/** The resume command of a run folder, copy-pasteable; `--max-cost` is added by the caller. */
function resumeCommand(file: string, outDir: string, shard: { index: number; count: number } | undefined, filter: PlanFilter): string {
  return `relaybench run ${quoteArg(file)} --resume ${quoteArg(outDir)}${shard === undefined ? '' : ` --shard ${shard.index}/${shard.count}`}${isFiltered(filter) ? ` ${describeFilter(filter)}` : ''}`;
}

/**
 * What a run stopped by \`--max-cost\` says: what it spent (warm-ups included, `warmupUsd` of it), why it stopped, by how much it could
 * have gone over (the in-flight worst case), and the resume command with a higher cap.
 */
function spendingCapText(cap: SpendingCap, rows: number, planned: number, outDir: string, resume: string, warmupUsd: number, worstCaseJobs: number): string {
  const higher = Math.max(cap.capUsd * 2, cap.spentUsd + cap.maxJobWorstUsd);
  const warmups = warmupUsd > 0 ? ` (warm-ups, which have no row, $${warmupUsd.toFixed(6)} of it)` : '';
  return [
    `Spending cap reached: $${cap.spentUsd.toFixed(6)} spent${warmups} of --max-cost $${cap.capUsd} after ${rows} of ${planned} jobs; no new job was started, the ones in flight finished.`,
    `The cap counts finished requests plus the worst case of those in flight, so a run goes over it by at most one request's worst case (${formatUsd(cap.maxJobWorstUsd)} here).`,
    ...(worstCaseJobs > 0 ? [`${worstCaseJobs} answered request(s) carried no usage: each was counted at its worst case, since the relay billed it at a cost it did not report.`] : []),
    `What finished is saved in ${outDir}.`,
    'Resume with a higher cap:',
    `  ${resume} --max-cost ${Number(higher.toPrecision(3))}`,
    '',
  ].join('\n');
}

/** Per relay and model: where its price came from and the prices themselves (run.json). */
function pricesUsed(relays: readonly string[], jobs: readonly Job[], prices: PriceBook): Record<string, Record<string, unknown>> {
  const used: Record<string, Record<string, unknown>> = {};
  for (const relay of relays) {
    const models = [...new Set(jobs.filter((job) => job.relay === relay).map((job) => job.model))];
    used[relay] = Object.fromEntries(models.map((model) => {
      const resolved = prices.pricingOf({ relay, model });
      if (resolved === undefined) return [model, null];
      const pricing = resolved.pricing;
      const detail = pricing.kind === 'perRequest'
        ? { usdPerRequest: pricing.usdPerRequest }
        : { input: pricing.prices.input, output: pricing.prices.output, cachedInput: pricing.prices.cachedInput, ...(pricing.prices.longContext === undefined ? {} : { longContext: pricing.prices.longContext }), multiplier: pricing.multiplier };
      return [model, { source: resolved.source, ...detail }];
    }));
  }
  return used;
}

/** USD already spent by a resumed folder's rows (the table holds them), counted against --max-cost. */
function keptCostUsd(table: RunTable, runJsonPath: string): number {
  let rowsUsd = 0;
  for (const row of table) rowsUsd += Number(row.cost_usd) || 0;
  // A capped session's run.json also counted what no row shows (warm-ups, answers without usage at
  // their worst case): a resume starts from the larger of the two, so that spend is not forgotten.
  return Math.max(rowsUsd, previousCapSpentUsd(runJsonPath));
}

/** run.json `spendingCap.spentUsd` of the folder's last session; 0 when absent or unreadable. */
function previousCapSpentUsd(path: string): number {
  try {
    const spent = (JSON.parse(readFileSync(path, 'utf8')) as { spendingCap?: { spentUsd?: unknown } }).spendingCap?.spentUsd;
    return typeof spent === 'number' && Number.isFinite(spent) && spent > 0 ? spent : 0;
  } catch {
    return 0;
  }
}

/** What the command needs from the finished rows, worked out while they are in memory. */
interface RowFacts {
  count: number;
  ok: number;
  summary: SummaryRow[];
  errorKinds: string;
  /** Successful rows without cost_usd, per relay (no usage, or no price), in first-seen order. */
  uncosted: Map<string, number>;
  /** The CI verdict of a complete run, or its error (e.g. a baseline sharing no job), thrown after the report is written. */
  ci: { result: FinishCiResult } | { error: unknown } | undefined;
}

/**
 * Works out the summary, error kinds, uncosted counts and CI verdict from the run's table (the
 * rows as requests.csv holds them, never read back). Its warnings name `requestsPath`.
 */
async function readRowFacts(table: RunTable, requestsPath: string, relayOrder: string[], ciInput: Omit<FinishCiInput, 'rows'> | undefined): Promise<RowFacts> {
  const rows: RequestRow[] = table.rows();
  const notes = readWarnings(requestsPath, { duplicateRows: table.duplicateRows, tornBytes: 0 });
  // With a CI verdict the notes go into its text (and summary.md); else straight to stderr.
  if (ciInput === undefined) for (const note of notes) process.stderr.write(`${note}\n`);
  let ci: RowFacts['ci'];
  if (ciInput !== undefined) {
    try {
      ci = { result: (await import('../gate/finish.js')).finishCi({ ...ciInput, rows, notes }) };
    } catch (error) {
      ci = { error };
    }
  }
  const uncosted = new Map<string, number>();
  for (const row of rows) {
    if (row.status === 'ok' && (row.cost_usd === undefined || row.cost_usd === '')) uncosted.set(String(row.relay), (uncosted.get(String(row.relay)) ?? 0) + 1);
  }
  return { count: rows.length, ok: rows.filter((row) => row.status === 'ok').length, summary: (await import('../analysis/summary.js')).summarize(rows, relayOrder), errorKinds: formatErrorKinds(rows), uncosted, ci };
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

/** run.json's `filter`: the flags, and the whole suite's job count, so filtered parts merge into the whole. */
function filterRecord(filter: PlanFilter, suitePlanned: number): Record<string, unknown> {
  return isFiltered(filter) ? { filter: { ...filter, flags: describeFilter(filter), suitePlanned } } : {};
}

