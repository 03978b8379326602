/** Cell formats for the report's tables; `–` marks a value there is no data for. */
export const EMPTY = '–';

export function cellNumber(value: string | number | undefined, digits = 0): string {
  if (value === undefined || value === '') return EMPTY;
  const number = Number(value);
  return Number.isFinite(number) ? number.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : String(value);
}

export function cellPercent(share: string | number | undefined): string {
  if (share === undefined || share === '') return EMPTY;
  const number = Number(share);
  return Number.isFinite(number) ? `${(number * 100).toFixed(0)}%` : EMPTY;
}

export function cellSigned(value: number | undefined, unit: string, digits = 0): string {
  if (value === undefined || !Number.isFinite(value)) return EMPTY;
  const text = Math.abs(value).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return `${value > 0 ? '+' : value < 0 ? '−' : ''}${text}${unit}`;
}
