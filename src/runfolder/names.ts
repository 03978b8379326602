/**
 * The names of a run folder's files (docs/run-folder.md lists what each holds). Every reader and
 * writer names a file through this table, so a rename is one edit.
 */
export const RUN_FILES = {
  /** One row per finished job (docs/run-folder.md#requestscsv). */
  requests: 'requests.csv',
  /** One row per (relay, model, thinking setting). */
  summary: 'summary.csv',
  /** What ran, with which resolved configuration (runfolder/manifest.ts). */
  manifest: 'run.json',
  /** The jobs the folder set out to run (runfolder/planFile.ts). */
  plan: 'plan.json',
  /** Per-job facts without a requests.csv column (runfolder/details.ts). */
  details: 'details.jsonl',
  /** The self-contained HTML report. */
  report: 'report.html',
  /** One row per relay: the honesty verdicts. */
  verdicts: 'verdicts.csv',
  /** Thinking-budget advice per (relay, model). */
  budgets: 'budgets.csv',
  /** The CI verdict in Markdown (also appended to GITHUB_STEP_SUMMARY). */
  summaryMarkdown: 'summary.md',
  /** Load mode: one row per (relay, offered rate). */
  load: 'load.csv',
  /** Raw responses kept by `capture:` (a folder). */
  captures: 'captures',
  /** The folder's lock, held while a command writes into it (runfolder/lock.ts). */
  lock: '.relaybench.lock',
} as const;
