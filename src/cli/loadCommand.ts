import { join, relative, resolve } from 'node:path';
import { createRedactor } from '../client/redact.js';
import { RelaybenchError, EXIT } from '../errors/index.js';
import { expandPlan } from '../plan/expand.js';
import { filterPlan, NO_FILTER } from '../plan/filter.js';
import { formatLoadReport, describeSlo } from '../report/consoleLoad.js';
import { formatSummaryTable } from '../report/consoleSummary.js';
import { writeLoadCsv } from '../runfolder/loadCsv.js';
import { openJsonLines, openRequestsCsv } from '../runfolder/requestsCsv.js';
import { intoTable, RunTable } from '../runfolder/table.js';
import { REPORT_TABLE } from '../report/html/gridRows.js';
import { buildRunManifest } from '../run/manifest.js';
import { summarize } from '../analysis/summary.js';
import { writeRunJson, writeSummaryCsv } from '../runfolder/write.js';
import { createCaptureSink } from '../run/captures.js';
import { emulatorSampleHeaders, startEmulatorFor } from '../run/emulatorHost.js';
import { runLoad } from '../run/load/loadRunner.js';
import { createPriceBook } from '../run/pricing.js';
import type { JobDetail } from '../runfolder/details.js';
import { createSpendingCap } from '../run/spendingCap.js';
import type { LoadSettings, Suite } from '../suite/types.js';
import { handleInterruption } from './interrupt.js';
import type { RunCommandOptions } from './runOptions.js';
import { createRunFolder } from '../runfolder/create.js';
import { formatUsd } from '../format/index.js';
import { RUN_FILES } from '../runfolder/names.js';

/** Grace given to requests in flight after the first Ctrl-C, before they are aborted (as in a normal run). */
const INTERRUPT_GRACE_MS = 3000;

/**
 * `relaybench run` for a suite with a `load:` block (README.md#load-mode-how-a-relay-holds-up-at-a-request-rate): refuses --resume and
 * --shard (exit 2: an arrival schedule is a stretch of time, which can be neither continued later
 * nor split across machines), runs every relay's steps open loop, and writes requests.csv (rows
 * with `load_rate`, `start_lag_ms`), load.csv, summary.csv, run.json and report.html. Exit 0 when
 * it ran (load runs apply no CI gate), 3 at the spending cap, 130 when interrupted; what finished
 * is saved either way.
 */
export async function runLoadCommand(file: string, suite: Suite & { load: LoadSettings }, options: RunCommandOptions): Promise<number> {
  if (options.resume !== undefined) {
    throw new RelaybenchError(
      `--resume ${options.resume}: a load run cannot be resumed: its arrivals are a schedule in time, and finishing it later would not offer the same load. Run it again (nothing was sent).`,
      'flag',
    );
  }
  if (options.shard !== undefined) {
    throw new RelaybenchError(
      `--shard ${options.shard}: a load run cannot be sharded: each relay's arrival schedule runs on one clock in one process. Run it whole; for a shorter run use fewer rates, a shorter stepS or --relay (nothing was sent).`,
      'flag',
    );
  }
  if (options.repeats !== undefined) suite.repeats = options.repeats;
  const planned = filterPlan(suite, expandPlan(suite), options.filter ?? NO_FILTER);
  const prices = createPriceBook(suite);
  const unpriced = prices.unpriced(planned);
  if (unpriced.length > 0 && options.maxCost !== undefined) {
    throw new RelaybenchError(
      `--max-cost ${options.maxCost}: no price is known for ${unpriced.join(', ')}, so the cap cannot count its cost. Set prices: (per model) in the suite or price: on the relay. Nothing was sent.`,
      'flag',
    );
  }
  const startedAt = new Date();
  const folder = createRunFolder(suite.name, planned, options.out, startedAt);
  try {
    return await runLoadInFolder(suite, options, planned.length === 0 ? [] : planned, folder.outDir, folder.runId, startedAt, file);
  } finally {
    folder.lock.release();
  }
}

async function runLoadInFolder(
  suite: Suite & { load: LoadSettings },
  options: RunCommandOptions,
  planned: ReturnType<typeof expandPlan>,
  outDir: string,
  runId: string,
  startedAt: Date,
  file: string,
): Promise<number> {
  const load = suite.load;
  const redact = createRedactor(suite.relays.map((relay) => relay.apiKey));
  const requestsPath = join(outDir, RUN_FILES.requests);
  // The rows and details as written, in columns: the summary and the report read this, not the files.
  const table = new RunTable(REPORT_TABLE);
  const rows = intoTable(openRequestsCsv(requestsPath), (row) => table.append(row));
  const details = intoTable(openJsonLines<JobDetail>(join(outDir, RUN_FILES.details)), (detail) => table.appendDetail(detail));
  const capture = createCaptureSink(outDir, options.capture ?? suite.capture ?? 'failed', redact);
  const spendingCap = options.maxCost === undefined ? undefined : createSpendingCap(options.maxCost);
  const emulator = await startEmulatorFor(suite, options.emulatorLog === undefined ? {} : { logFile: resolve(options.emulatorLog) });
  const relayCount = new Set(planned.map((job) => job.relay)).size;
  const stepLabel = load.stepS === undefined ? `${load.requests} measured requests` : `${load.stepS} s`;
  process.stderr.write(
    `Load run: ${relayCount} relays at the same time, ${load.arrival} arrivals at ${load.rates.join(', ')} req/s in turn, ${stepLabel} per step (${load.warmupS} s warm-up not counted), at most ${load.maxInFlight} in flight per relay. SLO: ${describeSlo(load.slo)}.\n`,
  );
  const interruption = handleInterruption(INTERRUPT_GRACE_MS, () => {
    process.stderr.write(`\nInterrupted: no new arrivals; waiting up to ${INTERRUPT_GRACE_MS / 1000} s for requests in flight. Ctrl-C again to exit now.\n`);
  });
  let result;
  try {
    result = await runLoad({
      suite,
      runId,
      jobs: planned,
      rows,
      details,
      redact,
      stopSignal: interruption.stop,
      abortSignal: interruption.abort,
      sampleHeaders: emulatorSampleHeaders,
      ...(spendingCap === undefined ? {} : { spendingCap }),
      capture,
      onStep: (row) =>
        process.stderr.write(
          `  ${row.relay} at ${row.offered_rps} req/s: ${row.completed} done, ${row.dropped} dropped, ${row.errors} errors, SLO met ${row.slo_attainment === undefined ? '–' : `${(row.slo_attainment * 100).toFixed(1)}%`}\n`,
        ),
    });
  } finally {
    interruption.dispose();
    rows.close();
    details.close();
    await emulator?.stop();
  }

  writeLoadCsv(outDir, result.loadRows);
  const written = table.rows();
  const relayOrder = suite.relays.map((relay) => relay.name);
  const summary = summarize(written, relayOrder);
  writeSummaryCsv(outDir, summary);
  const ok = written.filter((row) => row.status === 'ok').length;
  writeRunJson(
    outDir,
    buildRunManifest({
      suite,
      runId,
      startedAtIso: startedAt.toISOString(),
      endedAtIso: new Date().toISOString(),
      planned: written.length,
      rows: written.length,
      ok,
      errors: written.length - ok,
      interrupted: result.interrupted,
      byRelay: {},
      versions: { relaybench: process.env.npm_package_version ?? '0.1.0', node: process.version, platform: `${process.platform}-${process.arch}` },
      redact,
      extra: {
        mode: 'load',
        load: { ...load, steps: result.accounts },
        capture: { policy: capture.policy, files: capture.written },
        ...(spendingCap === undefined ? {} : { spendingCap: { capUsd: spendingCap.capUsd, spentUsd: spendingCap.spentUsd, reached: spendingCap.reached || result.capReached } }),
      },
    }),
  );
  const { writeReport } = await import('../report/html/writeReport.js');
  await writeReport(outDir, { table, completeBytes: 0, tornBytes: 0, duplicateRows: table.duplicateRows });

  process.stdout.write(`${formatSummaryTable(summary)}\n\n${formatLoadReport(result.loadRows, load.slo, load.maxStartLagMs)}\n\n`);
  const shown = relative(process.cwd(), outDir) || '.';
  process.stdout.write(`${written.length} measured requests written to ${shown.startsWith('..') ? outDir : shown}/ (requests.csv, load.csv, summary.csv, run.json, report.html)\n`);
  if (result.capReached && spendingCap !== undefined) {
    process.stderr.write(
      `Spending cap reached: ${formatUsd(spendingCap.spentUsd)} spent of --max-cost $${spendingCap.capUsd}; no new arrival was sent, the ones in flight finished. The cap counts finished requests plus the worst case of those in flight (up to ${formatUsd(spendingCap.maxJobWorstUsd)} each), so a load run stops at the first arrival that could take it over. What finished is saved in ${outDir}. A load run cannot be resumed: run it again with a higher cap (relaybench run ${file} --max-cost ${Number((spendingCap.capUsd * 2).toPrecision(3))}).\n`,
    );
    return EXIT.spendingCap;
  }
  if (result.interrupted) {
    process.stderr.write(
      `Interrupted after ${written.length} measured requests. What finished is saved in ${outDir} (load.csv covers the steps that ran, the last one cut short). A load run cannot be resumed: run it again.\n`,
    );
    return EXIT.interrupted;
  }
  return EXIT.ok;
}
