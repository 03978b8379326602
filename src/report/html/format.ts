/** Cell formats for the report's tables; `–` marks a value there is no data for. */
export const EMPTY = '–';

/**
 * A number cell of the report's tables with `digits` decimals and en-US grouping (`12,345`); `–` when empty; a non-numeric value is shown as written.
 */
export function cellNumber(value: string | number | undefined, digits = 0): string {
  if (value === undefined || value === '') return EMPTY;
  const number = Number(value);
  return Number.isFinite(number) ? number.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : String(value);
}

/** A share in [0,1] as a whole percentage (`0.833` → `83%`); `–` when empty or not a number. */
export function cellPercent(share: string | number | undefined): string {
  if (share === undefined || share === '') return EMPTY;
  const number = Number(share);
  return Number.isFinite(number) ? `${(number * 100).toFixed(0)}%` : EMPTY;
}

/**
 * A difference with an explicit sign (U+2212 minus), en-US grouping, `digits` decimals and `unit`
 * appended (`+120 ms`, `−3%`); `–` when undefined or not finite.
 */
export function cellSigned(value: number | undefined, unit: string, digits = 0): string {
  if (value === undefined || !Number.isFinite(value)) return EMPTY;
  const text = Math.abs(value).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return `${value > 0 ? '+' : value < 0 ? '−' : ''}${text}${unit}`;
}
