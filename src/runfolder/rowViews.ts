/**
 * The light views a RunTable (table.ts) hands out: a row or a details.jsonl record as an object of
 * two slots (the table and the row index, ~24 B) whose fields are prototype getters reading the
 * table's columns. Made on demand, garbage after use.
 */
import { REQUEST_COLUMNS, type RequestRow } from './columns.js';
import type { JobDetail } from './details.js';

/** Every field of a details.jsonl record, in the order the runner writes them. */
export const DETAIL_KEYS = [
  'job_id',
  'relay',
  'error_shape',
  'attempt_error_shapes',
  'timeout',
  'mid_stream',
  'retry_wait_ms',
  'usage_present',
  'thought_text',
  't0_epoch_ms',
  'text_chunks',
  'piece_chars_median',
  'piece_gap_ms_median',
  'usage_static',
  'restarts',
  'framing_faults',
  'other_candidates',
] as const satisfies ReadonlyArray<keyof JobDetail>;

/** What a view reads: RunTable's cell and detail-field accessors (by row index and field position). */
export interface ViewSource {
  /** The cell of row `index`, column `position` of REQUEST_COLUMNS (undefined: empty). */
  cellAt(index: number, position: number): string | undefined;
  /** A field of row `index`'s detail, `position` of DETAIL_KEYS. */
  detailFieldAt(index: number, position: number): unknown;
}

const TABLE = Symbol('table');
const INDEX = Symbol('index');

/** A row of a RunTable: its cells are getters reading the columns (prototype, not own, properties). */
export class RowView {
  [TABLE]: ViewSource;
  [INDEX]: number;
  constructor(table: ViewSource, index: number) {
    this[TABLE] = table;
    this[INDEX] = index;
  }
}
REQUEST_COLUMNS.forEach((column, position) => {
  Object.defineProperty(RowView.prototype, column, {
    enumerable: true,
    get(this: RowView) {
      return this[TABLE].cellAt(this[INDEX], position);
    },
  });
});

/** A details.jsonl record of a RunTable, read through getters like RowView. */
export class DetailView {
  [TABLE]: ViewSource;
  [INDEX]: number;
  constructor(table: ViewSource, index: number) {
    this[TABLE] = table;
    this[INDEX] = index;
  }
}
DETAIL_KEYS.forEach((key, position) => {
  Object.defineProperty(DetailView.prototype, key, {
    enumerable: true,
    get(this: DetailView) {
      return this[TABLE].detailFieldAt(this[INDEX], position);
    },
  });
});

/** The row index of `row` when it is a view made by `source`; undefined for any other row object. */
export function viewIndexIn(row: RequestRow, source: ViewSource): number | undefined {
  return row instanceof RowView && row[TABLE] === source ? row[INDEX] : undefined;
}
