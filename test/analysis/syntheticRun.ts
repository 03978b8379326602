import type { RunManifest } from '../../src/analysis/index.js';
import { REQUEST_COLUMNS, type RequestRow } from '../../src/runfolder/columns.js';
import type { JobDetail } from '../../src/runfolder/details.js';

/**
 * Synthetic runs with known behaviour, built the way requests.csv reads back (cells are strings,
 * empty cells undefined), so the analysis is tested on exactly what it sees in a real folder.
 */

export type Behaviour = 'honest' | 'fake-stream' | 'budget-ignorer' | 'thought-stripper' | 'model-swapper' | 'no-usage' | 'html-errors';

export const MODEL = 'gemini-2.5-flash';
export const BUDGETS = [0, 1024, 8192, -1];
export const CASES = ['sum', 'product', 'capital'];

export interface SyntheticJob {
  relay: string;
  behaviour: Behaviour;
  caseIndex: number;
  budget: number;
  repeat: number;
  /** Marks the job as failed with this error body shape. */
  errorShape?: JobDetail['error_shape'];
  answer?: string;
  pass?: boolean;
}

/** What the model naturally thinks for a case, in tokens, before any budget caps it. */
const naturalThoughts = (caseIndex: number): number => 600 + 300 * caseIndex;

function thoughtTokensFor(job: SyntheticJob): number {
  const natural = naturalThoughts(job.caseIndex);
  if (job.behaviour === 'budget-ignorer') return Math.ceil(Math.max(natural, job.budget) * 1.25);
  if (job.budget === -1) return natural;
  return Math.min(natural, job.budget);
}

const text = (value: number | string | undefined): string | undefined => (value === undefined ? undefined : String(value));

export function syntheticRow(job: SyntheticJob): RequestRow {
  const row = Object.fromEntries(REQUEST_COLUMNS.map((column) => [column, undefined])) as RequestRow;
  const jobId = `${job.relay}-${job.caseIndex}-${job.budget}-${job.repeat}`;
  Object.assign(row, {
    run_id: 'synthetic',
    job_id: jobId,
    suite: 'synthetic',
    case_id: CASES[job.caseIndex],
    relay: job.relay,
    model: MODEL,
    thinking_budget: String(job.budget),
    repeat: String(job.repeat),
    started_at: '2025-06-01T12:00:00.000Z',
    attempts: '1',
  });
  if (job.errorShape !== undefined) {
    const html = job.errorShape === 'html';
    return Object.assign(row, {
      status: 'error',
      http_status: html ? '502' : '429',
      error_kind: 'http',
      error_message: html ? 'HTTP 502: <html><body>Bad Gateway</body></html>' : '429 RESOURCE_EXHAUSTED quota exceeded',
      headers_ms: '40',
      total_ms: '41',
    });
  }
  const thoughtTokens = thoughtTokensFor(job);
  const stripped = job.behaviour === 'thought-stripper';
  const thoughtChunks = stripped ? 0 : Math.ceil(thoughtTokens / 240);
  const answerChunks = 3;
  // Honest timing: 250 ms to the first token, thinking at 2500 tokens/s, answer chunks 100 ms apart.
  const honestTtftMs = 250 + job.repeat * 7;
  const firstAnswerMs = honestTtftMs + thoughtTokens / 2.5 + job.caseIndex * 11;
  const totalMs = firstAnswerMs + (answerChunks - 1) * 100 + 1;
  const fake = job.behaviour === 'fake-stream';
  const ttftMs = fake ? totalMs - 0.4 : stripped ? firstAnswerMs : honestTtftMs;
  // About what Gemini bills for "The answer is 42." (the usage_plausible check reads tokens per character).
  const answerTokens = 6;
  const noUsage = job.behaviour === 'no-usage';
  return Object.assign(row, {
    status: 'ok',
    http_status: '200',
    headers_ms: '40',
    ttft_ms: text(ttftMs),
    first_thought_ms: thoughtChunks > 0 ? text(ttftMs) : undefined,
    first_answer_ms: text(fake ? totalMs - 0.2 : firstAnswerMs),
    total_ms: text(totalMs),
    chunks: text(thoughtChunks + answerChunks),
    thought_chunks: text(thoughtChunks),
    answer_chunks: text(answerChunks),
    max_gap_ms: text(fake ? 0.1 : 100),
    prompt_tokens: noUsage ? undefined : '12',
    thought_tokens: noUsage || thoughtTokens === 0 ? undefined : text(thoughtTokens),
    answer_tokens: noUsage ? undefined : text(answerTokens),
    total_tokens: noUsage ? undefined : text(12 + answerTokens + thoughtTokens),
    finish_reason: 'STOP',
    model_version: job.behaviour === 'model-swapper' ? 'gemini-2.0-flash-lite' : `${MODEL}-preview-05-20`,
    pass: String(job.pass ?? true),
    score: job.pass === false ? '0' : '1',
    grader_reason: job.pass === false ? 'expected 42, got 41' : 'expected 42, got 42',
    answer: job.answer ?? (job.pass === false ? 'The answer is 41.' : 'The answer is 42.'),
  });
}

export function syntheticDetail(job: SyntheticJob, row: RequestRow): JobDetail {
  return {
    job_id: String(row.job_id),
    relay: job.relay,
    error_shape: job.errorShape,
    timeout: undefined,
    mid_stream: job.errorShape === undefined ? undefined : false,
    retry_wait_ms: 0,
    usage_present: row.status === 'ok' && job.behaviour !== 'no-usage',
    thought_text: Number(row.thought_chunks ?? 0) > 0 ? `**Planning** for ${String(row.case_id)}` : undefined,
    t0_epoch_ms: 1_748_779_200_000,
    // Honesty signals as an honest stream gives them: Google-sized pieces 100 ms apart, growing usage.
    ...(row.status === 'ok'
      ? { text_chunks: Number(row.chunks ?? 0), piece_chars_median: 100, piece_gap_ms_median: 100, usage_static: false, restarts: [], framing_faults: [] }
      : {}),
  };
}

export interface SyntheticRun {
  rows: RequestRow[];
  details: JobDetail[];
  manifest: RunManifest;
}

/**
 * Every relay runs every case at every budget `repeats` times. Each relay also sees two errors:
 * Google-shaped 429s, or HTML 502 pages for the `html-errors` relay.
 */
export function syntheticRun(relays: ReadonlyArray<{ name: string; behaviour: Behaviour }>, repeats = 3): SyntheticRun {
  const jobs: SyntheticJob[] = [];
  for (const { name, behaviour } of relays) {
    CASES.forEach((_, caseIndex) => {
      for (const budget of BUDGETS) for (let repeat = 1; repeat <= repeats; repeat++) jobs.push({ relay: name, behaviour, caseIndex, budget, repeat });
    });
    const errorShape = behaviour === 'html-errors' ? 'html' : 'google';
    jobs.push({ relay: name, behaviour, caseIndex: 0, budget: 1024, repeat: repeats + 1, errorShape });
    jobs.push({ relay: name, behaviour, caseIndex: 1, budget: 1024, repeat: repeats + 1, errorShape });
  }
  const rows = jobs.map(syntheticRow);
  return {
    rows,
    details: jobs.map((job, index) => syntheticDetail(job, rows[index] as RequestRow)),
    manifest: syntheticManifest(
      relays.map((relay) => relay.name),
      rows.length,
    ),
  };
}

export function syntheticManifest(relays: readonly string[], rowCount: number, includeThoughts = true): RunManifest {
  return {
    runId: 'synthetic-run',
    suite: { name: 'synthetic' },
    startedAt: '2025-06-01T12:00:00.000Z',
    endedAt: '2025-06-01T12:01:30.000Z',
    durationS: 90,
    interrupted: false,
    counts: { planned: rowCount, rows: rowCount, ok: rowCount, errors: 0 },
    config: {
      model: MODEL,
      thinkingBudgets: BUDGETS,
      thinkingLevels: [],
      includeThoughts,
      repeats: 3,
      cases: CASES.map((id) => ({ id })),
      relays: relays.map((name) => ({ name, preset: 'google', emulator: null })),
    },
  };
}
