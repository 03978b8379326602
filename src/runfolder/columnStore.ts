/**
 * Growable typed columns: the storage under `RunTable` (table.ts). A whole run's cells live in
 * a few typed arrays instead of one object per row, so 100,000 rows cost a few MB, not ~70 MB
 * (742 B per RequestRow object, measured at 100,000 rows before the run table existed).
 */

/** Capacity after `needed`: the expected row count while it suffices (no slack), else 1.5× growth, at least 1,024 slots. */
function grownCapacity(current: number, needed: number, expected: number): number {
  return needed <= expected ? expected : Math.max(needed, 1024, Math.ceil(current * 1.5));
}

type IdArray = Uint8Array | Uint16Array | Uint32Array;

/**
 * Small integer ids, one per row, in the narrowest array that holds the largest id: 1 byte per
 * row while a column has at most 255 distinct values, 2 bytes up to 65,535, else 4.
 */
export class IdColumn {
  private ids: IdArray = new Uint8Array(0);
  private limit = 0xff;

  /** `expectedRows`: the row count to size the array for at once (0: unknown, grow as rows come). */
  constructor(private readonly expectedRows = 0) {}

  /** The id at `index`; 0 when never set. */
  get(index: number): number {
    return index < this.ids.length ? (this.ids[index] as number) : 0;
  }

  set(index: number, id: number): void {
    if (id > this.limit) this.widen(id);
    if (index >= this.ids.length) {
      if (id === 0) return;
      this.resize(grownCapacity(this.ids.length, index + 1, this.expectedRows));
    }
    this.ids[index] = id;
  }

  private widen(id: number): void {
    const wider = id > 0xffff ? new Uint32Array(this.ids.length) : new Uint16Array(this.ids.length);
    wider.set(this.ids);
    this.ids = wider;
    this.limit = id > 0xffff ? 0xffffffff : 0xffff;
  }

  private resize(capacity: number): void {
    const grown = new (this.ids.constructor as new (length: number) => IdArray)(capacity);
    grown.set(this.ids);
    this.ids = grown;
  }
}

/**
 * A dictionary-encoded text column: each distinct string is kept once, each row holds its id
 * (1–4 bytes, see IdColumn). Id 0 is an empty cell (undefined); `''` is a value of its own.
 */
export class DictColumn {
  private readonly ids: IdColumn;
  private readonly values: Array<string | undefined> = [undefined];
  private readonly idOf = new Map<string, number>();

  constructor(expectedRows = 0) {
    this.ids = new IdColumn(expectedRows);
  }

  get(index: number): string | undefined {
    return this.values[this.ids.get(index)];
  }

  set(index: number, value: string | undefined): void {
    this.ids.set(index, value === undefined ? 0 : this.intern(value));
  }

  /** The id of `value`, added to the dictionary when new. */
  intern(value: string): number {
    let id = this.idOf.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.idOf.set(value, id);
    }
    return id;
  }

  /** The id stored at `index` (0: empty), for callers that keep their own per-id cache. */
  idAt(index: number): number {
    return this.ids.get(index);
  }

  /** The string of an id. */
  valueOf(id: number): string | undefined {
    return this.values[id];
  }
}

/**
 * A numeric text column: 8 bytes per row in a Float64Array, NaN for an empty cell. A cell whose
 * text is not exactly how JavaScript prints its number (`1e3`, `-0`, `007`, `NaN`, text) is kept
 * verbatim beside it, so reading a cell back gives the very string that was stored.
 */
export class NumberColumn {
  private numbers = new Float64Array(0);
  private readonly verbatim = new Map<number, string>();
  private length = 0;

  constructor(private readonly expectedRows = 0) {}

  get(index: number): string | undefined {
    const value = index < this.numbers.length ? (this.numbers[index] as number) : Number.NaN;
    if (!Number.isNaN(value)) return String(value);
    return this.verbatim.size === 0 ? undefined : this.verbatim.get(index);
  }

  set(index: number, text: string | undefined): void {
    if (text === undefined && index >= this.numbers.length) {
      // An empty cell past the array's end needs no storage: a column nobody fills costs nothing.
      this.length = Math.max(this.length, index + 1);
      this.verbatim.delete(index);
      return;
    }
    if (index >= this.numbers.length) {
      const grown = new Float64Array(grownCapacity(this.numbers.length, index + 1, this.expectedRows)).fill(Number.NaN);
      grown.set(this.numbers.subarray(0, this.length));
      this.numbers = grown;
    }
    this.length = Math.max(this.length, index + 1);
    const value = text === undefined ? Number.NaN : Number(text);
    if (text !== undefined && !(Number.isFinite(value) && String(value) === text)) {
      this.numbers[index] = Number.NaN;
      this.verbatim.set(index, text);
      return;
    }
    this.numbers[index] = value;
    this.verbatim.delete(index);
  }

  /** The numbers of rows 0..length-1 (NaN: empty or not a plain number), without copying. */
  view(length: number): Float64Array {
    if (length > this.numbers.length) {
      const grown = new Float64Array(length).fill(Number.NaN);
      grown.set(this.numbers.subarray(0, Math.min(this.length, length)));
      this.numbers = grown;
    }
    return this.numbers.subarray(0, length);
  }
}

/**
 * A column of JSON values (a details.jsonl field): numbers in a Float64Array, anything else as
 * its JSON text in a dictionary, parsed once per distinct text. `undefined` when never set.
 */
export class JsonColumn {
  /** Id 1 of `kinds` means "a number, in `numbers`"; ids from 2 are dictionary entries. */
  private readonly kinds: IdColumn;
  private numbers = new Float64Array(0);
  private readonly texts = new DictColumn();
  private readonly parsed: unknown[] = [];

  constructor(private readonly expectedRows = 0) {
    this.kinds = new IdColumn(expectedRows);
  }

  get(index: number): unknown {
    const id = this.kinds.get(index);
    if (id === 0) return undefined;
    if (id === 1) return this.numbers[index];
    if (!(id in this.parsed)) this.parsed[id] = JSON.parse(this.texts.valueOf(id - 1) as string);
    return this.parsed[id];
  }

  set(index: number, value: unknown): void {
    if (value === undefined) {
      this.kinds.set(index, 0);
      return;
    }
    // Small integers (counts, retry waits) repeat: a dictionary id is 1–2 bytes, not 8.
    if (typeof value === 'number' && Number.isFinite(value) && !(Number.isInteger(value) && Math.abs(value) < 1e6)) {
      if (index >= this.numbers.length) {
        const grown = new Float64Array(grownCapacity(this.numbers.length, index + 1, this.expectedRows));
        grown.set(this.numbers);
        this.numbers = grown;
      }
      // JSON writes -0 as 0: store what a reader of the file would get.
      this.numbers[index] = value === 0 ? 0 : value;
      this.kinds.set(index, 1);
      return;
    }
    // JSON's own spelling of the value: what reading details.jsonl back would give.
    this.kinds.set(index, this.texts.intern(JSON.stringify(value) ?? 'null') + 1);
  }
}
