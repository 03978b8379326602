import type { RequestRow } from '../report/columns.js';
import type { JobDetail } from '../run/runner.js';

export type Verdict = 'pass' | 'fail' | 'n/a';

/** A verdict and the numbers that decided it, phrased so a reader can check them in requests.csv. */
export interface VerdictResult {
  verdict: Verdict;
  evidence: string;
}

/** The six honesty checks, in the order the report shows them. */
export const VERDICT_KEYS = ['streams', 'honoursBudget', 'returnsThoughts', 'usageAddsUp', 'modelAsAsked', 'errorsInGoogleShape'] as const;
export type VerdictKey = (typeof VERDICT_KEYS)[number];

/** Column names in verdicts.csv and titles in the report. */
export const VERDICT_LABELS: Readonly<Record<VerdictKey, { column: string; title: string }>> = {
  streams: { column: 'streams', title: 'streams' },
  honoursBudget: { column: 'honours_budget', title: 'honours budget' },
  returnsThoughts: { column: 'returns_thoughts', title: 'returns thoughts' },
  usageAddsUp: { column: 'usage_adds_up', title: 'usage adds up' },
  modelAsAsked: { column: 'model_as_asked', title: 'model as asked' },
  errorsInGoogleShape: { column: 'errors_google_shape', title: 'errors in Google\'s shape' },
};

export type RelayVerdict = { relay: string } & Record<VerdictKey, VerdictResult>;

/** What each single verdict sees: one relay's rows, with their details joined by job_id. */
export interface RelayEvidence {
  relay: string;
  rows: readonly RequestRow[];
  detailOf: (row: RequestRow) => JobDetail | undefined;
  includeThoughts: boolean | undefined;
}

export const notApplicable = (evidence: string): VerdictResult => ({ verdict: 'n/a', evidence });
export const judged = (failed: boolean, evidence: string): VerdictResult => ({ verdict: failed ? 'fail' : 'pass', evidence });
