import { existsSync, mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createRedactor } from '../client/redact.js';
import { expandPlan } from '../plan/expand.js';
import { formatSummaryTable } from '../report/consoleSummary.js';
import { openJsonLines, openRequestsCsv, readRequestsCsv } from '../report/requestsCsv.js';
import { buildRunManifest } from '../report/runManifest.js';
import { summarize } from '../report/summary.js';
import { writeRunJson, writeSummaryCsv } from '../report/writeRun.js';
import { emulatorSampleHeaders, startEmulatorFor } from '../run/emulatorHost.js';
import { runJobs, type JobDetail } from '../run/runner.js';
import { CliError, EXIT } from './exitCodes.js';
import { handleInterruption } from './interrupt.js';
import { loadSuiteOrExit } from './loadOrExit.js';
import { createProgress } from './progress.js';

export interface RunCommandOptions {
  out?: string;
  concurrency?: number;
  repeats?: number;
  verbose?: boolean;
}

/** Grace given to requests in flight after the first Ctrl-C, before they are aborted. */
const INTERRUPT_GRACE_MS = 3000;

/** `2026-11-22T00-07-20Z`: sortable, and safe as a folder name on every OS. */
function utcStamp(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
}

export async function runCommand(file: string, options: RunCommandOptions): Promise<number> {
  const suite = await loadSuiteOrExit(file);
  if (options.concurrency !== undefined) suite.concurrency = options.concurrency;
  if (options.repeats !== undefined) suite.repeats = options.repeats;
  const jobs = expandPlan(suite);

  const startedAt = new Date();
  const runId = `${utcStamp(startedAt)}-${process.pid.toString(36)}`;
  const outDir = resolve(options.out ?? join('results', suite.name, utcStamp(startedAt)));
  if (existsSync(join(outDir, 'requests.csv'))) {
    throw new CliError(`${outDir} already holds a run (requests.csv exists). Choose another --out.`);
  }
  mkdirSync(outDir, { recursive: true });

  const redact = createRedactor(suite.relays.map((relay) => relay.apiKey));
  const emulator = await startEmulatorFor(suite);
  const requestsPath = join(outDir, 'requests.csv');
  const rows = openRequestsCsv(requestsPath);
  const details = openJsonLines<JobDetail>(join(outDir, 'details.jsonl'));
  const progress = await createProgress(jobs.length);
  const interruption = handleInterruption(INTERRUPT_GRACE_MS, () => {
    progress.stop();
    process.stderr.write(`\nInterrupted: no new jobs; waiting up to ${INTERRUPT_GRACE_MS / 1000} s for ${'requests in flight'}. Ctrl-C again to exit now.\n`);
  });

  let result;
  try {
    result = await runJobs({
      suite,
      runId,
      jobs,
      rows,
      details,
      redact,
      clock: () => performance.now(),
      stopSignal: interruption.stop,
      abortSignal: interruption.abort,
      sampleHeaders: emulatorSampleHeaders,
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

  const allRows = readRequestsCsv(requestsPath).rows;
  const summary = summarize(allRows);
  writeSummaryCsv(outDir, summary);
  const ok = allRows.filter((row) => row.status === 'ok').length;
  writeRunJson(
    outDir,
    buildRunManifest({
      suite,
      runId,
      startedAtIso: startedAt.toISOString(),
      endedAtIso: new Date().toISOString(),
      planned: jobs.length,
      rows: allRows.length,
      ok,
      errors: allRows.length - ok,
      interrupted: result.interrupted,
      byRelay: result.byRelay,
      versions: { relaybench: process.env.npm_package_version ?? '0.1.0', node: process.version, platform: `${process.platform}-${process.arch}` },
      redact,
    }),
  );

  process.stdout.write(`${formatSummaryTable(summary)}\n\n`);
  process.stdout.write(`${allRows.length} of ${jobs.length} jobs written to ${relative(process.cwd(), outDir) || '.'}/ (requests.csv, summary.csv, run.json)\n`);
  if (result.interrupted) {
    process.stderr.write(`Interrupted after ${allRows.length} of ${jobs.length} jobs. What finished is saved in ${outDir}.\n`);
    return EXIT.interrupted;
  }
  return EXIT.ok;
}
