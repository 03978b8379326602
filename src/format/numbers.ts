/**
 * Plain number formats for tables and text. Pure; `src/format/` imports nothing from `src/`, so
 * every stage may use it.
 */

/** The mark for a value there is no data for, in every table and evidence string: an en dash. */
export const EMPTY = '–';

/** A cell as a live row holds it (number) or as a CSV holds it (string); undefined or '' is empty. */
export type NumberCell = string | number | undefined;

/**
 * Fixed decimals without grouping, as the console tables print: `1234`, `12.5`; {@link EMPTY}
 * for an empty cell; a cell that is not a number is printed as written.
 */
export function fixedNumber(value: NumberCell, digits = 0): string {
  if (value === undefined || value === '') return EMPTY;
  const number = Number(value);
  return Number.isFinite(number) ? number.toFixed(digits) : String(value);
}

/**
 * Fixed decimals with en-US thousands separators, as report.html's tables print: `1,234`;
 * {@link EMPTY} for an empty cell; a cell that is not a number is printed as written.
 */
export function groupedNumber(value: NumberCell, digits = 0): string {
  if (value === undefined || value === '') return EMPTY;
  const number = Number(value);
  return Number.isFinite(number) ? number.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : String(value);
}

/**
 * A signed difference with thousands separators and a unit: `+1,234 ms`, `−12 ms` (a true minus
 * sign, U+2212), `0 ms`; {@link EMPTY} when undefined or not finite. `unit` includes its space.
 */
export function signedGroupedNumber(value: number | undefined, unit: string, digits = 0): string {
  if (value === undefined || !Number.isFinite(value)) return EMPTY;
  const text = Math.abs(value).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return `${value > 0 ? '+' : value < 0 ? '−' : ''}${text}${unit}`;
}

/** A token count in evidence text, rounded to a whole token: `1024`; {@link EMPTY} when unknown. */
export function tokenCount(value: number | undefined): string {
  return value === undefined ? EMPTY : String(Math.round(value));
}
