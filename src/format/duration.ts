/** Durations in milliseconds as text. Pure; imports nothing from `src/`. */
import { EMPTY } from './numbers.js';

/** Whole milliseconds with the unit, as gates and baseline latency lines print: `1234 ms`. */
export function msWhole(ms: number): string {
  return `${Math.round(ms)} ms`;
}

/**
 * Milliseconds for evidence text, enough digits to check a verdict by hand against requests.csv:
 * one decimal under 10 ms (`4.2 ms`), whole above (`123 ms`); {@link EMPTY} when unknown.
 */
export function msAdaptive(ms: number | undefined): string {
  if (ms === undefined) return EMPTY;
  return Math.abs(ms) < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}
