import { thinkingKey } from '../plan/thinking.js';
import type { Job } from '../plan/types.js';

/** One line of `plan.json`: enough to match rows and to explain how a plan changed. */
export interface PlannedJob {
  job_id: string;
  case_id: string;
  relay: string;
  model: string;
  thinking: string;
  repeat: number;
}

/**
 * The plan.json entries of `jobs`, in plan order (docs/run-folder.md#planjson): `job_id`, `case_id`,
 * `relay`, `model`, `thinking` (plan/thinking.ts `thinkingKey`: `budget <n>`, `level <name>` or
 * `none`) and `repeat`. Pure.
 */
export function toPlannedJobs(jobs: readonly Job[]): PlannedJob[] {
  return jobs.map((job) => ({ job_id: job.jobId, case_id: job.caseId, relay: job.relay, model: job.model, thinking: thinkingKey(job.thinking), repeat: job.repeat }));
}

function distinct(values: Iterable<string>): Set<string> {
  return new Set(values);
}

function setDifference(left: Set<string>, right: Set<string>): string[] {
  return [...left].filter((value) => !right.has(value));
}

/**
 * Says, in the suite's own terms, how a saved plan differs from the current one: cases, relays,
 * models, thinking settings or repeats added or removed, and cases whose request changed (same
 * coordinates, different job id: a prompt, expectation-independent config or relay shape changed).
 * Returns no lines when the plans hold the same jobs.
 */
export function explainPlanChange(saved: readonly PlannedJob[], current: readonly PlannedJob[]): string[] {
  const savedIds = distinct(saved.map((job) => job.job_id));
  const currentIds = distinct(current.map((job) => job.job_id));
  if (savedIds.size === currentIds.size && [...savedIds].every((id) => currentIds.has(id))) return [];
  const lines: string[] = [];
  const dimensions: Array<[string, (job: PlannedJob) => string]> = [
    ['case', (job) => job.case_id],
    ['relay', (job) => job.relay],
    ['model', (job) => job.model],
    ['thinking setting', (job) => job.thinking],
    ['repeat', (job) => String(job.repeat)],
  ];
  for (const [name, keyOf] of dimensions) {
    const before = distinct(saved.map(keyOf));
    const after = distinct(current.map(keyOf));
    const added = setDifference(after, before);
    const removed = setDifference(before, after);
    if (added.length > 0) lines.push(`${name} added: ${added.join(', ')}`);
    if (removed.length > 0) lines.push(`${name} removed: ${removed.join(', ')}`);
  }
  const coordinates = (job: PlannedJob): string => [job.case_id, job.relay, job.model, job.thinking, job.repeat].join(' / ');
  const savedByCoordinates = new Map(saved.map((job) => [coordinates(job), job.job_id]));
  const changedCases = new Set<string>();
  for (const job of current) {
    const before = savedByCoordinates.get(coordinates(job));
    if (before !== undefined && before !== job.job_id) changedCases.add(`${job.case_id} on ${job.relay}`);
  }
  if (changedCases.size > 0)
    lines.push(
      `request changed (prompt, system instruction, generation config or relay shape) for: ${[...changedCases].slice(0, 10).join(', ')}${changedCases.size > 10 ? ` and ${changedCases.size - 10} more` : ''}`,
    );
  if (lines.length === 0) lines.push(`${setDifference(currentIds, savedIds).length} job id(s) differ`);
  return lines;
}
