import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { budgetAdvice, budgetsCsv, compareRelays, relayOrder, relayVerdicts, verdictsCsv, type BudgetAdvice, type RelayVerdict, type RunManifest } from '../../analysis/index.js';
import { evaluateGates } from '../../analysis/gates.js';
import type { CiGates } from '../../suite/types.js';
import { readWarnings } from '../../runfolder/requestsCsv.js';
import { writeFileAtomic, writeFileAtomicParts } from '../../runfolder/write.js';
import { readChartLibrary } from './chartLibrary.js';
import { readRunFolder, runFolderOf } from './readRunFolder.js';
import type { ReadTable } from '../../runfolder/readTable.js';
import { renderReportParts } from './renderReport.js';
import { readLoadCsv } from '../../runfolder/loadCsv.js';
import { RUN_FILES } from '../../runfolder/names.js';

/** Where `writeReport` wrote report.html, verdicts.csv and budgets.csv (inside the run folder). */
export interface ReportPaths {
  reportPath: string;
  verdictsPath: string;
  budgetsPath: string;
}

/** What was written, and the verdicts and advice themselves, so a caller can print them. */
export interface WrittenReport extends ReportPaths {
  verdicts: RelayVerdict[];
  advice: BudgetAdvice[];
  /** One-line warnings about rows left out of the report (duplicate job rows, a torn last line). */
  warnings: string[];
}

/** The bootstrap's seed when run.json names none: any fixed value keeps rebuilt reports identical. */
const DEFAULT_SEED = 1;

/** The suite's `ci:` thresholds as recorded in run.json, without the keys it left unset. */
function ciGatesOf(manifest: RunManifest): CiGates {
  return Object.fromEntries(Object.entries(manifest.config?.ci ?? {}).filter(([, threshold]) => threshold !== undefined)) as CiGates;
}

/**
 * Reads a run folder (or takes its rows from `live`, the table a run filled as it wrote them,
 * whose rows must keep their text as REPORT_TABLE says), runs the analysis and writes report.html, verdicts.csv and budgets.csv
 * beside requests.csv (each via a temporary file and a rename). The bootstrap is seeded from the
 * suite's seed, so rebuilding the report gives the same intervals.
 */
export async function writeReport(runDir: string, live?: ReadTable): Promise<WrittenReport> {
  const { rows, details, manifest, tornBytes, duplicateRows } = live === undefined ? await readRunFolder(runDir) : runFolderOf(runDir, live);
  const verdicts = relayVerdicts(rows, details, manifest);
  const relays = relayOrder(rows, manifest);
  const advice = budgetAdvice(rows, { relayOrder: relays });
  const comparisons = compareRelays(rows, { seed: manifest.config?.seed ?? DEFAULT_SEED, relayOrder: relays });
  const gates = evaluateGates(rows, ciGatesOf(manifest));
  const html = renderReportParts({
    rows,
    details,
    manifest,
    verdicts,
    advice,
    comparisons,
    gates,
    chartLibrary: readChartLibrary(),
    captures: capturedJobIds(runDir),
    ...loadRowsOf(runDir),
  });
  const paths: ReportPaths = {
    reportPath: join(runDir, RUN_FILES.report),
    verdictsPath: join(runDir, RUN_FILES.verdicts),
    budgetsPath: join(runDir, RUN_FILES.budgets),
  };
  writeFileAtomicParts(paths.reportPath, html);
  writeFileAtomic(paths.verdictsPath, verdictsCsv(verdicts));
  writeFileAtomic(paths.budgetsPath, budgetsCsv(advice));
  return { ...paths, verdicts, advice, warnings: readWarnings(join(runDir, RUN_FILES.requests), { tornBytes, duplicateRows }) };
}

/** Job ids with a file in `<run>/captures/` (see run/captures.ts); none when the folder is absent. */
function capturedJobIds(runDir: string): string[] {
  const folder = join(runDir, RUN_FILES.captures);
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => /^([0-9a-f]{16})\.jsonl$/.exec(name)?.[1] ?? []);
}

/**
 * load.csv's rows for the report's load charts; nothing when the run was not a load run, or when
 * the file is not a load.csv (the rest of the report does not depend on it).
 */
function loadRowsOf(runDir: string): { load?: ReturnType<typeof readLoadCsv> & object } {
  let load;
  try {
    load = readLoadCsv(runDir);
  } catch {
    return {};
  }
  return load === undefined ? {} : { load };
}
