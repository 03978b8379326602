import { describe, expect, it } from 'vitest';
import {
  fixedNumber,
  formatCounts,
  formatUsd,
  groupedNumber,
  msAdaptive,
  msWhole,
  percentAdaptive,
  percentagePoints,
  percentOneDecimal,
  percentWhole,
  pValueEquation,
  pValueNumber,
  signedGroupedNumber,
  signedPercentChange,
  tokenCount,
} from '../../src/format/index.js';

// Each distinct spelling a user sees, with its own name; the values are the ones printed before
// the formats moved here (console summary, report.html, summary.md, gates, evidence, estimate).
describe('src/format', () => {
  it.each<[string, () => string, string]>([
    ['fixedNumber rounds without grouping', () => fixedNumber(1234.5), '1235'],
    ['fixedNumber reads a CSV string', () => fixedNumber('12.25', 1), '12.3'],
    ['fixedNumber marks an empty cell', () => fixedNumber(''), '–'],
    ['fixedNumber keeps a non-number as written', () => fixedNumber('n/a'), 'n/a'],
    ['groupedNumber groups thousands', () => groupedNumber(12345.6), '12,346'],
    ['groupedNumber with decimals', () => groupedNumber('0.0123', 3), '0.012'],
    ['groupedNumber marks undefined', () => groupedNumber(undefined), '–'],
    ['signedGroupedNumber positive', () => signedGroupedNumber(1234, ' ms'), '+1,234 ms'],
    ['signedGroupedNumber uses a true minus', () => signedGroupedNumber(-12, ' ms'), '−12 ms'],
    ['signedGroupedNumber zero has no sign', () => signedGroupedNumber(0, ''), '0'],
    ['signedGroupedNumber not finite', () => signedGroupedNumber(Number.NaN, ''), '–'],
    ['tokenCount rounds', () => tokenCount(1023.6), '1024'],
    ['percentWhole', () => percentWhole(0.833), '83%'],
    ['percentWhole from CSV', () => percentWhole('1'), '100%'],
    ['percentWhole not a number', () => percentWhole('x'), '–'],
    ['percentOneDecimal', () => percentOneDecimal(0.8333), '83.3%'],
    ['percentAdaptive under 10%', () => percentAdaptive(0.042), '4.2%'],
    ['percentAdaptive above 10%', () => percentAdaptive(0.833), '83%'],
    ['percentAdaptive zero', () => percentAdaptive(0), '0%'],
    ['percentAdaptive unknown', () => percentAdaptive(undefined), '–'],
    ['signedPercentChange up', () => signedPercentChange(12.5), '+12.5%'],
    ['signedPercentChange down', () => signedPercentChange(-3), '-3.0%'],
    ['signedPercentChange from zero', () => signedPercentChange(Number.POSITIVE_INFINITY), '+∞%'],
    ['percentagePoints', () => percentagePoints(0.05), '5.0 points'],
    ['msWhole', () => msWhole(1234.4), '1234 ms'],
    ['msAdaptive under 10 ms', () => msAdaptive(4.25), '4.3 ms'],
    ['msAdaptive above 10 ms', () => msAdaptive(123.4), '123 ms'],
    ['msAdaptive unknown', () => msAdaptive(undefined), '–'],
    ['pValueEquation', () => pValueEquation(0.0123), 'p = 0.012'],
    ['pValueEquation floor', () => pValueEquation(0.0001), 'p < 0.001'],
    ['pValueNumber', () => pValueNumber(0.5), '0.500'],
    ['pValueNumber floor', () => pValueNumber(0.0009), '< 0.001'],
    ['formatUsd sub-cent, 3 significant digits', () => formatUsd(0.000405), '$0.000405'],
    ['formatUsd no float noise', () => formatUsd(0.1 + 0.2), '$0.3'],
    ['formatUsd cents', () => formatUsd(0.01264), '$0.0126'],
    ['formatUsd dollars', () => formatUsd(12.3), '$12.30'],
    ['formatUsd zero', () => formatUsd(0), '$0'],
    ['formatUsd negative', () => formatUsd(-0.05), '-$0.05'],
    ['formatUsd from CSV', () => formatUsd('0.00123'), '$0.00123'],
    ['formatUsd empty', () => formatUsd(''), '–'],
    [
      'formatCounts most frequent first',
      () =>
        formatCounts(
          new Map([
            ['a', 1],
            ['b', 3],
          ]),
        ),
      'b ×3, a ×1',
    ],
  ])('%s', (_name, format, expected) => {
    expect(format()).toBe(expected);
  });
});
