/** US dollar amounts as text. Pure; imports nothing from `src/`. */
import { EMPTY, type NumberCell } from './numbers.js';

/**
 * A USD amount with 3 significant digits and no float noise: `$0.0126`, `$0.000405`, `$1.23`
 * (two decimals from $1 up), `$0`, `-$0.05`; {@link EMPTY} for an empty cell or a value that is
 * not a finite number. Sub-cent costs are the norm per request, so fixed decimals would show
 * `$0.00`. The one USD format of the console, the estimate, the advice and the report.
 */
export function formatUsd(value: NumberCell): string {
  if (value === undefined || value === '') return EMPTY;
  const number = Number(value);
  if (!Number.isFinite(number)) return EMPTY;
  const magnitude = Math.abs(number);
  if (magnitude === 0) return '$0';
  const sign = number < 0 ? '-' : '';
  if (magnitude >= 1) return `${sign}$${magnitude.toFixed(2)}`;
  const digits = Math.min(12, 2 - Math.floor(Math.log10(magnitude)));
  return `${sign}$${magnitude.toFixed(digits).replace(/0+$/, '').replace(/\.$/, '')}`;
}
