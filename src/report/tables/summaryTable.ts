/**
 * The summary table, defined once: one row per (relay, model, thinking setting) of summary.csv,
 * shown by the console after a run, by summary.md ("Per relay") and by report.html ("Summary").
 */
import { thinkingOfCells, thinkingShortLabel } from '../../plan/thinking.js';
import type { SummaryRow } from '../../runfolder/columns.js';
import { EMPTY } from '../../format/index.js';
import type { Column, TableDefinition } from './table.js';

type Cells = Column<SummaryRow>;
const text = (header: string, pick: (row: SummaryRow) => string, extra: Partial<Cells> = {}): Cells => ({
  header,
  align: 'left',
  value: (row) => ({ kind: 'text', text: pick(row) }),
  ...extra,
});
const count = (header: string, pick: (row: SummaryRow) => SummaryRow[keyof SummaryRow]): Cells => ({
  header,
  align: 'right',
  value: (row) => ({ kind: 'count', value: pick(row) as string | number | undefined }),
});
const ms = (header: string, key: keyof SummaryRow, headers?: Cells['headers']): Cells => ({
  header,
  align: 'right',
  value: (row) => ({ kind: 'ms', value: row[key] as string | number | undefined }),
  ...(headers ? { headers } : {}),
});
const share = (header: string, key: keyof SummaryRow, headers?: Cells['headers']): Cells => ({
  header,
  align: 'right',
  value: (row) => ({ kind: 'share', value: row[key] as string | number | undefined }),
  ...(headers ? { headers } : {}),
});
const tokens = (header: string, key: keyof SummaryRow, headers?: Cells['headers']): Cells => ({
  header,
  align: 'right',
  value: (row) => ({ kind: 'tokens', value: row[key] as string | number | undefined }),
  ...(headers ? { headers } : {}),
});
const usd = (header: string, key: keyof SummaryRow): Cells => ({ header, align: 'right', value: (row) => ({ kind: 'usd', value: row[key] as string | number | undefined }) });

const COLUMNS = {
  relay: text('relay', (row) => String(row.relay), { rowHeader: true }),
  model: text('model', (row) => String(row.model)),
  thinking: text('thinking', (row) => thinkingShortLabel(thinkingOfCells(row), EMPTY)),
  n: count('n', (row) => row.n),
  errors: count('errors', (row) => row.errors),
  pass: share('pass', 'pass_rate'),
  passAllRepeats: share('pass^k', 'pass_all_repeats_rate', { markdown: 'pass^k (every repeat)' }),
  passCi: { header: 'pass 95% CI', align: 'right', value: (row) => ({ kind: 'shareRange', low: row.pass_ci_low, high: row.pass_ci_high }) } satisfies Cells,
  ttftP50: ms('ttft p50', 'ttft_ms_p50'),
  ttftP90: ms('ttft p90', 'ttft_ms_p90'),
  ttftP99: ms('ttft p99', 'ttft_ms_p99'),
  firstAnswerP50: ms('first answer p50', 'first_answer_ms_p50', { text: 'answer p50', markdown: 'answer p50' }),
  firstAnswerP90: ms('first answer p90', 'first_answer_ms_p90'),
  firstAnswerP99: ms('first answer p99', 'first_answer_ms_p99'),
  totalP50: ms('total p50', 'total_ms_p50'),
  totalP90: ms('total p90', 'total_ms_p90'),
  totalP99: ms('total p99', 'total_ms_p99'),
  thoughtTokensMean: tokens('thought tokens (mean)', 'thought_tokens_mean', { text: 'thought tok' }),
  answerTokensMean: tokens('answer tokens (mean)', 'answer_tokens_mean'),
  answerTokensPerSecondP50: tokens('answer tokens/s p50', 'answer_tokens_per_s_p50'),
  costPerRequest: usd('cost/req', 'cost_usd_mean'),
  costPerPass: usd('cost/pass', 'cost_per_pass_usd'),
} satisfies Record<string, Cells>;

/** A column of the summary table. */
export type SummaryColumn = keyof typeof COLUMNS;

/**
 * The summary table. The console shows pass^k and cost for a quick read; summary.md keeps to what a
 * reviewer decides on (pass rates and p50/p90 times); report.html shows every percentile and the
 * token columns. The texts around each (footnote, caption) stay with their renderers.
 */
export const SUMMARY_TABLE: TableDefinition<SummaryRow, SummaryColumn> = {
  columns: COLUMNS,
  views: {
    text: [
      'relay',
      'model',
      'thinking',
      'n',
      'errors',
      'pass',
      'passAllRepeats',
      'passCi',
      'ttftP50',
      'ttftP90',
      'firstAnswerP50',
      'totalP50',
      'totalP90',
      'thoughtTokensMean',
      'costPerRequest',
      'costPerPass',
    ],
    markdown: ['relay', 'model', 'thinking', 'n', 'errors', 'pass', 'passAllRepeats', 'passCi', 'ttftP50', 'firstAnswerP50', 'totalP50', 'totalP90'],
    html: [
      'relay',
      'model',
      'thinking',
      'n',
      'errors',
      'pass',
      'passCi',
      'ttftP50',
      'ttftP90',
      'ttftP99',
      'firstAnswerP50',
      'firstAnswerP90',
      'firstAnswerP99',
      'totalP50',
      'totalP90',
      'totalP99',
      'thoughtTokensMean',
      'answerTokensMean',
      'answerTokensPerSecondP50',
    ],
  },
};
