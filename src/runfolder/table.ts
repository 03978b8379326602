/**
 * RunTable: a whole run's requests.csv rows and details.jsonl records in columns, filled once
 * (live as a run writes each row, or by one streaming read of the folder, see readTable.ts) and
 * read by every analysis after the run through light row views.
 *
 * Sizes per row (measured against the 742 B a RequestRow object took before this table):
 * - 13 timing/rate/cost columns in Float64Arrays: 8 B each (NaN = empty cell), exact values;
 * - ~25 low-cardinality columns (relay, model, case_id, status, tokens, error_message…)
 *   dictionary-encoded: 1 B each while a column has ≤ 255 distinct values, 2 B up to 65,535;
 * - job_id: its string (~40 B) plus one Map entry (~30 B) for duplicate detection and the
 *   details join;
 * - bulky text (answer, started_at, response_id; grader_reason and error_message unless
 *   `textForAll` names them) only for rows `keepTextOf` picks: nothing for the others;
 * - details.jsonl fields: 1 B per field id, 8 B per numeric field; thought_text only for kept rows.
 * About 200 B per row in all at 100,000 rows. A view (`rowAt`) is an object of two slots (~24 B),
 * made on demand and garbage after use.
 */
import { MEASURE_KINDS, REQUEST_COLUMN_SPECS, REQUEST_COLUMNS, type MeasureColumn, type RequestColumn, type RequestRow } from './columns.js';
import { DictColumn, JsonColumn, NumberColumn } from './columnStore.js';
import type { JobDetail } from './details.js';
import type { RowAppender } from './requestsCsv.js';
import { DETAIL_KEYS, DetailView, RowView, viewIndexIn } from './rowViews.js';

/** Columns whose cells are measurements (ms, rates, USD): stored as numbers. */
const NUMERIC_COLUMNS: ReadonlySet<RequestColumn> = new Set(REQUEST_COLUMN_SPECS.filter((spec) => MEASURE_KINDS.has(spec.kind)).map((spec) => spec.name));

/** Per-request text that is most of a row's bytes; kept only for chosen rows (see RunTableOptions). */
export const BULKY_COLUMNS: readonly RequestColumn[] = REQUEST_COLUMN_SPECS.filter((spec) => spec.kind === 'text').map((spec) => spec.name);

/** The measurement columns `column()` gives as numbers. */
export type NumericColumn = MeasureColumn;

/** What a run table keeps beyond its numbers and labels: which rows keep their bulky text, which text columns are kept for every row, and how many rows to size for. */
export interface RunTableOptions {
  /**
   * Rows whose bulky text (BULKY_COLUMNS) and thought summary are kept: the report's grid rows.
   * Called once per row, with a view of its other cells. Default: none.
   */
  keepTextOf?: (row: RequestRow) => boolean;
  /** Bulky columns kept for every row anyway, dictionary-encoded (e.g. grader_reason for JUnit). */
  textForAll?: readonly RequestColumn[];
  /** Rows the table will most likely hold (a run's planned jobs): its arrays are sized once, without growth slack. */
  expectedRows?: number;
}

/** A cell of a row as reading requests.csv back gives it: strings, NUL as U+FFFD, '' as empty. */
export function fileCellOf(value: string | number | boolean | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = typeof value === 'string' ? (value.includes('\u0000') ? value.replaceAll('\u0000', '\uFFFD') : value) : String(value);
  return text === '' ? undefined : text;
}

interface CellStore {
  get(index: number): string | undefined;
  set(index: number, text: string | undefined): void;
}

/** Text kept for a few rows only: a sparse map. */
class SparseText implements CellStore {
  private readonly cells = new Map<number, string>();
  get(index: number): string | undefined {
    return this.cells.get(index);
  }
  set(index: number, text: string | undefined): void {
    if (text === undefined) this.cells.delete(index);
    else this.cells.set(index, text);
  }
}

/** Job ids: distinct per row, so a plain array. */
class TextArray implements CellStore {
  private readonly cells: Array<string | undefined> = [];
  get(index: number): string | undefined {
    return this.cells[index];
  }
  set(index: number, text: string | undefined): void {
    this.cells[index] = text;
  }
}

const JOB_ID = REQUEST_COLUMNS.indexOf('job_id');
const RUN_ID = REQUEST_COLUMNS.indexOf('run_id');
const THOUGHT_TEXT = DETAIL_KEYS.indexOf('thought_text');
const JOB_ID_KEY = DETAIL_KEYS.indexOf('job_id');

/**
 * The rows of one run, one per job_id (the first row of a job wins; later ones and repeated
 * header lines are counted in `duplicateRows`, as `firstRowPerJob` does), and their details.
 */
export class RunTable {
  /** Rows left out because their job_id was already in the table (or they were a header line). */
  duplicateRows = 0;
  private length = 0;
  private readonly stores: CellStore[];
  /** Per column: its cells are kept only for rows `keepTextOf` picks. */
  private readonly keptOnly: boolean[];
  private readonly kept = new Set<number>();
  private readonly rowOfJob = new Map<string, number>();
  private readonly keepTextOf: ((row: RequestRow) => boolean) | undefined;
  private readonly detailColumns: JsonColumn[];
  private readonly thoughtTexts = new Map<number, string>();

  constructor(options: RunTableOptions = {}) {
    const forAll = new Set(options.textForAll ?? []);
    this.keepTextOf = options.keepTextOf;
    const expected = options.expectedRows ?? 0;
    this.detailColumns = DETAIL_KEYS.map(() => new JsonColumn(expected));
    this.keptOnly = REQUEST_COLUMNS.map((column) => BULKY_COLUMNS.includes(column) && !forAll.has(column));
    this.stores = REQUEST_COLUMNS.map((column, position): CellStore => {
      if (column === 'job_id') return new TextArray();
      if (this.keptOnly[position] === true) return new SparseText();
      return NUMERIC_COLUMNS.has(column) ? new NumberColumn(expected) : new DictColumn(expected);
    });
  }

  /** Rows in the table. */
  get size(): number {
    return this.length;
  }

  /**
   * Adds a live row (numbers, booleans, strings) as reading it back from requests.csv would give
   * it (see fileCellOf). False when its job_id was already in the table (a duplicate, left out).
   */
  append(row: RequestRow): boolean {
    return this.appendCells(REQUEST_COLUMNS.map((column) => fileCellOf(row[column])));
  }

  /**
   * Adds a row given as cell texts in REQUEST_COLUMNS order (undefined: empty cell), as a reader
   * of requests.csv has them. False when it was left out as a duplicate or a repeated header.
   */
  appendCells(cells: ReadonlyArray<string | undefined>): boolean {
    const jobId = cells[JOB_ID];
    if (jobId !== undefined && (this.rowOfJob.has(jobId) || (jobId === 'job_id' && cells[RUN_ID] === 'run_id'))) {
      this.duplicateRows++;
      return false;
    }
    const index = this.length++;
    for (let position = 0; position < cells.length; position++) {
      if (this.keptOnly[position] !== true) (this.stores[position] as CellStore).set(index, cells[position]);
    }
    if (jobId !== undefined) this.rowOfJob.set(jobId, index);
    if (this.keepTextOf?.(this.rowAt(index)) === true) {
      this.kept.add(index);
      for (let position = 0; position < cells.length; position++) {
        if (this.keptOnly[position] === true) (this.stores[position] as CellStore).set(index, cells[position]);
      }
    }
    return true;
  }

  /**
   * Adds a details.jsonl record, joined to its row by job_id; a later record of the same job
   * replaces an earlier one (as a Map built over the file would). A record whose job has no row
   * is left out: nothing reads it. thought_text is kept only for rows `keepTextOf` picked.
   */
  appendDetail(detail: JobDetail): void {
    const index = this.rowOfJob.get(detail.job_id);
    if (index === undefined) return;
    const record = detail as unknown as Record<string, unknown>;
    DETAIL_KEYS.forEach((key, position) => {
      const value = record[key];
      if (position === JOB_ID_KEY) {
        // The row's own job_id is the value; the column only marks that the row has a detail.
        (this.detailColumns[position] as JsonColumn).set(index, true);
        return;
      }
      if (position === THOUGHT_TEXT) {
        // Present (even as undefined) when the record has the field, as `{ ...detail, thought_text: undefined }` was.
        (this.detailColumns[position] as JsonColumn).set(index, value === undefined ? undefined : 0);
        if (typeof value === 'string' && this.kept.has(index)) this.thoughtTexts.set(index, value);
        else this.thoughtTexts.delete(index);
        return;
      }
      (this.detailColumns[position] as JsonColumn).set(index, value);
    });
  }

  /**
   * Drops rows from `size` on (their details too), as if they had never been appended: a reader
   * that finds a file unparsable at its end starts over. `duplicates` restores the count.
   */
  truncate(size: number, duplicates: number): void {
    for (let index = size; index < this.length; index++) {
      const jobId = this.cellAt(index, JOB_ID);
      if (jobId !== undefined && this.rowOfJob.get(jobId) === index) this.rowOfJob.delete(jobId);
      if (this.kept.delete(index)) {
        for (const [position, store] of this.stores.entries()) if (this.keptOnly[position] === true) store.set(index, undefined);
      }
      this.thoughtTexts.delete(index);
      (this.detailColumns[JOB_ID_KEY] as JsonColumn).set(index, undefined);
    }
    this.length = Math.min(this.length, size);
    this.duplicateRows = duplicates;
  }

  /** A view of row `index` (0 ≤ index < size): a RequestRow whose cells read the columns. */
  rowAt(index: number): RequestRow {
    return new RowView(this, index) as unknown as RequestRow;
  }

  /** Views of every row, in table order: an array of ~24 B objects for the analyses that take one. */
  rows(): RequestRow[] {
    const rows = new Array<RequestRow>(this.length);
    for (let index = 0; index < this.length; index++) rows[index] = this.rowAt(index);
    return rows;
  }

  *[Symbol.iterator](): IterableIterator<RequestRow> {
    for (let index = 0; index < this.length; index++) yield this.rowAt(index);
  }

  /** The details.jsonl record of a row (a view), or undefined when the run wrote none for it. */
  detailOf(row: RequestRow): JobDetail | undefined {
    const index = viewIndexIn(row, this) ?? this.rowOfJob.get(String(row.job_id));
    if (index === undefined || this.detailColumns[0]?.get(index) === undefined) return undefined;
    return new DetailView(this, index) as unknown as JobDetail;
  }

  /** A numeric column's values for rows 0..size-1 (NaN: empty, or not a plain number); no copy. */
  column(name: NumericColumn): Float64Array {
    const store = this.stores[REQUEST_COLUMNS.indexOf(name)];
    if (!(store instanceof NumberColumn)) throw new Error(`internal: ${name} is not a numeric column`);
    return store.view(this.length);
  }

  /** Whether requests.csv names this job (a row of the table). */
  hasJob(jobId: string): boolean {
    return this.rowOfJob.has(jobId);
  }

  /** @internal The cell of row `index`, column `position` of REQUEST_COLUMNS (RowView's getters). */
  cellAt(index: number, position: number): string | undefined {
    return (this.stores[position] as CellStore).get(index);
  }

  /** @internal A field of row `index`'s detail, `position` of DETAIL_KEYS (DetailView's getters). */
  detailFieldAt(index: number, position: number): unknown {
    if (position === THOUGHT_TEXT) return this.thoughtTexts.get(index);
    if (position === JOB_ID_KEY) return this.cellAt(index, JOB_ID);
    return (this.detailColumns[position] as JsonColumn).get(index);
  }
}

/** The details.jsonl record of a row, found by its job_id (undefined: none). */
export type DetailLookup = (row: RequestRow) => JobDetail | undefined;

/**
 * A lookup over details given either way: a RunTable's join (`table.detailOf`), or an array of
 * records (the last record of a job_id wins, as a Map built over details.jsonl's lines).
 */
export function detailLookupOf(details: readonly JobDetail[] | DetailLookup): DetailLookup {
  if (typeof details === 'function') return details;
  const byId = new Map(details.map((detail) => [detail.job_id, detail]));
  return (row) => byId.get(String(row.job_id));
}

/**
 * An appender that writes each record to `file`, then hands it to `add` (a RunTable's append or
 * appendDetail): a record is in the table only once it is in the file, so the table holds what
 * reading the file back would give, and nothing has to read it back.
 */
export function intoTable<T>(file: RowAppender<T>, add: (record: T) => void): RowAppender<T> {
  return {
    append(record) {
      file.append(record);
      add(record);
    },
    close: () => file.close(),
  };
}
