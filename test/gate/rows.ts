import { REQUEST_COLUMNS, type RequestRow } from '../../src/runfolder/columns.js';

/** One synthetic job outcome; everything not given takes a plausible successful value. */
export interface RowSpec {
  caseId: string;
  relay: string;
  budget?: number;
  repeat: number;
  /** undefined: the request failed (see errorKind). */
  pass?: boolean | undefined;
  errorKind?: string;
  errorMessage?: string;
  graderReason?: string;
  totalMs?: number;
  firstAnswerMs?: number;
  ttftMs?: number;
  modelVersion?: string;
  model?: string;
}

/** job_id as a pure function of (case, relay, budget, repeat), as the real hash is across runs. */
export function jobIdOf(spec: Pick<RowSpec, 'caseId' | 'relay' | 'budget' | 'repeat'>): string {
  return `${spec.caseId}|${spec.relay}|${spec.budget ?? ''}|${spec.repeat}`;
}

export function makeRow(spec: RowSpec): RequestRow {
  const row = Object.fromEntries(REQUEST_COLUMNS.map((column) => [column, undefined])) as RequestRow;
  const failed = spec.errorKind !== undefined;
  return {
    ...row,
    run_id: 'run-1',
    job_id: jobIdOf(spec),
    suite: 'arith',
    case_id: spec.caseId,
    relay: spec.relay,
    model: spec.model ?? 'gemini-2.5-flash',
    thinking_budget: spec.budget,
    repeat: spec.repeat,
    status: failed ? 'error' : 'ok',
    error_kind: spec.errorKind,
    error_message: spec.errorMessage,
    ttft_ms: failed ? undefined : (spec.ttftMs ?? 100),
    first_answer_ms: failed ? undefined : (spec.firstAnswerMs ?? 200),
    total_ms: spec.totalMs ?? 400,
    model_version: failed ? undefined : (spec.modelVersion ?? 'gemini-2.5-flash-001'),
    pass: failed ? undefined : spec.pass,
    grader_reason: failed || spec.pass === undefined ? undefined : (spec.graderReason ?? (spec.pass ? 'expected 42, got 42' : 'expected 42, got 41')),
  };
}

export interface RunSpec {
  cases: string[];
  relays: string[];
  budgets?: number[];
  repeats: number;
  /** Per job, what differs from a passing, fast, successful request. */
  vary?: (job: { caseId: string; relay: string; budget: number | undefined; repeat: number }) => Partial<RowSpec>;
}

/** Rows of a whole run in plan order: case, relay, budget, repeat. */
export function makeRun(spec: RunSpec): RequestRow[] {
  const rows: RequestRow[] = [];
  for (const caseId of spec.cases) {
    for (const relay of spec.relays) {
      for (const budget of spec.budgets ?? [undefined]) {
        for (let repeat = 1; repeat <= spec.repeats; repeat++) {
          const job = { caseId, relay, budget, repeat };
          rows.push(makeRow({ caseId, relay, ...(budget === undefined ? {} : { budget }), repeat, pass: true, ...spec.vary?.(job) }));
        }
      }
    }
  }
  return rows;
}
