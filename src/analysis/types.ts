import type { RequestRow } from '../runfolder/columns.js';
import type { JobDetail } from '../runfolder/details.js';

/**
 * The outcome of one honesty check for one relay: `pass`, `fail`, or `n/a` when the run had nothing
 * to judge it on (docs/run-folder.md#verdictscsv).
 */
export type Verdict = 'pass' | 'fail' | 'n/a';

/** A verdict and the numbers that decided it, phrased so a reader can check them in requests.csv. */
export interface VerdictResult {
  verdict: Verdict;
  evidence: string;
}

/** The thirteen honesty checks, in docs/run-folder.md#verdictscsv's order, which the report follows. */
export const VERDICT_KEYS = [
  'streams',
  'nativelyPaced',
  'honoursBudget',
  'returnsThoughts',
  'usageAddsUp',
  'usagePlausible',
  'promptAsSent',
  'configHonoured',
  'modelAsAsked',
  'qualityParity',
  'singleAttempt',
  'framingClean',
  'errorsInGoogleShape',
] as const;
/** One of the thirteen honesty checks of VERDICT_KEYS (`streams`, … `errorsInGoogleShape`). */
export type VerdictKey = (typeof VERDICT_KEYS)[number];

/** Column names in verdicts.csv, titles in the report, and the console table's short headings. */
export const VERDICT_LABELS: Readonly<Record<VerdictKey, { column: string; title: string; short: string }>> = {
  streams: { column: 'streams', title: 'streams', short: 'strm' },
  nativelyPaced: { column: 'natively_paced', title: 'natively paced', short: 'pace' },
  honoursBudget: { column: 'honours_budget', title: 'honours budget', short: 'budg' },
  returnsThoughts: { column: 'returns_thoughts', title: 'returns thoughts', short: 'thgt' },
  usageAddsUp: { column: 'usage_adds_up', title: 'usage adds up', short: 'sum' },
  usagePlausible: { column: 'usage_plausible', title: 'usage plausible', short: 'bill' },
  promptAsSent: { column: 'prompt_as_sent', title: 'prompt as sent', short: 'prmt' },
  configHonoured: { column: 'config_honoured', title: 'config honoured', short: 'conf' },
  modelAsAsked: { column: 'model_as_asked', title: 'model as asked', short: 'modl' },
  qualityParity: { column: 'quality_parity', title: 'quality parity', short: 'qual' },
  singleAttempt: { column: 'single_attempt', title: 'single attempt', short: 'once' },
  framingClean: { column: 'framing_clean', title: 'framing clean', short: 'fram' },
  errorsInGoogleShape: { column: 'errors_google_shape', title: "errors in Google's shape", short: 'errs' },
};

/** One relay's row of verdicts.csv: its name and, for each VerdictKey, the verdict and its evidence. */
export type RelayVerdict = { relay: string } & Record<VerdictKey, VerdictResult>;

/** What each single verdict sees: one relay's rows, with their details joined by job_id. */
export interface RelayEvidence {
  relay: string;
  rows: readonly RequestRow[];
  detailOf: (row: RequestRow) => JobDetail | undefined;
  includeThoughts: boolean | undefined;
  /** Every relay's rows (this one's included), for the checks that compare relays. */
  peers: ReadonlyMap<string, readonly RequestRow[]>;
  /** The suite's `reference: true` relay, if any. */
  reference: string | undefined;
  /** The suite's generationConfig as run.json recorded it (maxOutputTokens, stopSequences). */
  generationConfig: Readonly<Record<string, unknown>> | undefined;
}

/** An `n/a` VerdictResult whose evidence says why there was nothing to judge. */
export const notApplicable = (evidence: string): VerdictResult => ({ verdict: 'n/a', evidence });
/** A `fail` (when `failed`) or `pass` VerdictResult with the numbers that decided it as evidence. */
export const judged = (failed: boolean, evidence: string): VerdictResult => ({ verdict: failed ? 'fail' : 'pass', evidence });
