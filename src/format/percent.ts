/** Shares (0..1) and percentage changes as text. Pure; imports nothing from `src/`. */
import { EMPTY, type NumberCell } from './numbers.js';

/**
 * A share as a whole percent, as the console and HTML summary tables print: `83%`;
 * {@link EMPTY} for an empty cell or one that is not a number.
 */
export function percentWhole(share: NumberCell): string {
  if (share === undefined || share === '') return EMPTY;
  const number = Number(share);
  return Number.isFinite(number) ? `${(number * 100).toFixed(0)}%` : EMPTY;
}

/** A share with one decimal, as gates, summary.md and the load table print: `83.3%`, `100.0%`. */
export function percentOneDecimal(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/**
 * A share for evidence text, as precise as it needs to be: one decimal under 10% (`4.2%`), whole
 * percent otherwise (`83%`, `0%`); {@link EMPTY} when unknown.
 */
export function percentAdaptive(share: number | undefined): string {
  if (share === undefined) return EMPTY;
  const percent = share * 100;
  return Math.abs(percent) < 10 && percent !== 0 ? `${percent.toFixed(1)}%` : `${Math.round(percent)}%`;
}

/** A change already in percent (not a share), signed, one decimal: `+12.5%`, `-3.0%`; `+∞%` from zero. */
export function signedPercentChange(pct: number): string {
  if (!Number.isFinite(pct)) return '+∞%';
  return `${pct >= 0 ? '+' : ''}${pct.toFixed(1)}%`;
}

/** A share of pairs as percentage points, one decimal: `5.0 points`. */
export function percentagePoints(share: number): string {
  return `${(share * 100).toFixed(1)} points`;
}
