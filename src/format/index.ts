/**
 * The one format module: how numbers, durations, shares, p-values, USD and counts are spelled in
 * relaybench's text, tables and reports. Each distinct spelling a user sees has one function with
 * a precise name; `src/format/` imports nothing from `src/`, so every stage may use it.
 */
export { EMPTY, fixedNumber, groupedNumber, signedGroupedNumber, tokenCount, type NumberCell } from './numbers.js';
export { percentAdaptive, percentagePoints, percentOneDecimal, percentWhole, signedPercentChange } from './percent.js';
export { msAdaptive, msWhole } from './duration.js';
export { pValueEquation, pValueNumber } from './pValue.js';
export { formatUsd } from './usd.js';
export { countValues, formatCounts, passFraction } from './counts.js';
