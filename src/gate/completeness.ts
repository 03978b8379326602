import type { ShardCoverage } from '../runfolder/manifest.js';
import type { RequestRow } from '../runfolder/columns.js';

/** What the completeness gate needs to know about a run. */
export interface CompletenessInput {
  /** Jobs the whole suite plans (run.json `counts.planned`; the same in every shard). */
  planned: number;
  /**
   * job_ids this folder set out to run (plan.json: the whole plan for a run, the shards' plans for
   * a merge), when known. Rows of other jobs (kept by a forced resume) do not count as present.
   */
  plannedJobIds?: readonly string[];
  /** The run's rows, one per job_id. */
  rows: ReadonlyArray<Pick<RequestRow, 'job_id' | 'relay' | 'error_kind' | 'error_message'>>;
  /** run.json `interrupted`: stopped by Ctrl-C, SIGTERM or the spending cap. */
  interrupted: boolean;
  /** run.json `spendingCap` when `--max-cost` stopped the run (`reached`): the jobs it left are not lost rows. */
  spendingCap?: { capUsd: number; spentUsd: number };
  shards?: ShardCoverage;
  /** `--allow-incomplete` or `ci: { allowIncomplete: true }`: report the gap but do not fail on it. */
  allowIncomplete: boolean;
}

/** The completeness gate's verdict. */
export interface CompletenessResult {
  planned: number;
  /** Planned jobs with a row that ran (a `skipped` row was never sent, so it is missing). */
  present: number;
  missing: number;
  /** Why jobs are missing, one phrase per cause: `lost shard: …`, `interrupted: …`, `skipped: …`. */
  reasons: string[];
  /** False when jobs are missing and that was not allowed. */
  pass: boolean;
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

function skippedReasons(skipped: CompletenessInput['rows']): string[] {
  const byRelay = new Map<string, { count: number; why: string | undefined }>();
  for (const row of skipped) {
    const relay = String(row.relay ?? '?');
    // The runner's message already says `skipped: relay X given up after …`: keep the cause only.
    const why = row.error_message === undefined ? undefined : String(row.error_message).replace(/^skipped:\s*/, '');
    const entry = byRelay.get(relay) ?? { count: 0, why };
    entry.count += 1;
    byRelay.set(relay, entry);
  }
  return [...byRelay].map(([relay, { count, why }]) => `skipped: ${plural(count, 'job')} on relay ${relay} — ${why ?? 'relay given up'}`);
}

function shardReason(shards: ShardCoverage, jobs: number | undefined): string | undefined {
  const missing = Array.from({ length: shards.count }, (_, index) => index + 1).filter((index) => !shards.present.includes(index));
  if (missing.length === 0) return undefined;
  const held = shards.merged ? `merge of ${shards.present.length} of ${shards.count} shards` : `shard ${shards.present.join(', ')}/${shards.count} alone`;
  const named = missing.map((index) => `${index}/${shards.count}`).join(', ');
  return `lost shard: ${held} (missing ${missing.length === 1 ? 'shard' : 'shards'} ${named}${jobs === undefined ? '' : `: ${plural(jobs, 'job')}`})`;
}

/**
 * Did every planned job run? A gate over a run that lacks jobs judges a different sample than the
 * suite describes — a merge of one shard of two passes on half the jobs — so missing jobs fail it
 * (exit 1) unless allowed, naming how many and why: a lost shard (planned jobs that no shard in
 * the folder planned), an interruption or the spending cap (stopped at N of M), relays given up (`skipped` rows), or
 * rows simply absent. Pure: data in, verdict out.
 */
export function checkCompleteness(input: CompletenessInput): CompletenessResult {
  const plannedHere = input.plannedJobIds === undefined ? undefined : new Set(input.plannedJobIds);
  const counted = input.rows.filter((row) => plannedHere === undefined || plannedHere.has(String(row.job_id)));
  const skipped = counted.filter((row) => row.error_kind === 'skipped');
  const present = Math.min(input.planned, counted.length - skipped.length);
  const missing = Math.max(0, input.planned - present);
  const reasons: string[] = [];
  if (missing > 0) {
    // Jobs no shard in this folder planned belong to the lost shards.
    const lostShardJobs = plannedHere === undefined ? undefined : Math.max(0, input.planned - plannedHere.size);
    const shard = input.shards === undefined ? undefined : shardReason(input.shards, lostShardJobs);
    if (shard !== undefined) reasons.push(shard);
    const absent = missing - skipped.length - (shard === undefined ? 0 : (lostShardJobs ?? 0));
    const expected = plannedHere?.size ?? input.planned;
    if (input.interrupted) reasons.push(`interrupted: stopped at ${counted.length} of ${plural(expected, 'job')}`);
    const cap = input.spendingCap;
    if (cap !== undefined) {
      reasons.push(
        `spending cap: stopped at ${counted.length} of ${plural(expected, 'job')} ($${Number(cap.spentUsd.toPrecision(6))} spent of --max-cost $${cap.capUsd}; resume with a higher cap)`,
      );
    }
    reasons.push(...skippedReasons(skipped));
    if (!input.interrupted && cap === undefined && absent > 0 && (shard === undefined || plannedHere !== undefined)) {
      reasons.push(`no row: ${plural(absent, 'planned job')} (the run ended early or rows were removed)`);
    }
  }
  return { planned: input.planned, present, missing, reasons, pass: missing === 0 || input.allowIncomplete };
}

/** `incomplete: 24 of 48 planned jobs missing — lost shard: …; interrupted: …`, for every output. */
export function completenessLine(result: CompletenessResult): string {
  if (result.missing === 0) return `complete: all ${plural(result.planned, 'planned job')} present`;
  const allowed = result.pass ? ' (allowed by --allow-incomplete / ci.allowIncomplete)' : '';
  return `incomplete: ${result.missing} of ${plural(result.planned, 'planned job')} missing — ${result.reasons.join('; ')}${allowed}`;
}
