import { formatUsd } from '../format/index.js';

/** What the spending-cap message reads of the run's `--max-cost` accounting (run/spendingCap.ts's SpendingCap), in USD. */
export interface SpendingCapFigures {
  /** The `--max-cost` value. */
  readonly capUsd: number;
  /** USD spent by finished requests (kept rows of a resumed folder included). */
  readonly spentUsd: number;
  /** The largest worst case of one job: the most the run can go over the cap. */
  readonly maxJobWorstUsd: number;
}

/**
 * What a run stopped by `--max-cost` prints to stderr (README.md#cost): what it spent (warm-ups
 * included, `warmupUsd` of it), why it stopped after `rows` of `planned` jobs, by how much it could
 * have gone over (the in-flight worst case), the `worstCaseJobs` answers without usage that were
 * counted at their worst case, and `resume` (the resume command) with a higher cap: twice the cap,
 * or spent + one job's worst case when that is more, to 3 significant digits. Ends in a newline.
 */
export function spendingCapText(cap: SpendingCapFigures, rows: number, planned: number, outDir: string, resume: string, warmupUsd: number, worstCaseJobs: number): string {
  const higher = Math.max(cap.capUsd * 2, cap.spentUsd + cap.maxJobWorstUsd);
  const warmups = warmupUsd > 0 ? ` (warm-ups, which have no row, $${warmupUsd.toFixed(6)} of it)` : '';
  return [
    `Spending cap reached: $${cap.spentUsd.toFixed(6)} spent${warmups} of --max-cost $${cap.capUsd} after ${rows} of ${planned} jobs; no new job was started, the ones in flight finished.`,
    `The cap counts finished requests plus the worst case of those in flight, so a run goes over it by at most one request's worst case (${formatUsd(cap.maxJobWorstUsd)} here).`,
    ...(worstCaseJobs > 0
      ? [`${worstCaseJobs} answered request(s) carried no usage: each was counted at its worst case, since the relay billed it at a cost it did not report.`]
      : []),
    `What finished is saved in ${outDir}.`,
    'Resume with a higher cap:',
    `  ${resume} --max-cost ${Number(higher.toPrecision(3))}`,
    '',
  ].join('\n');
}
