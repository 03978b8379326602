/**
 * How each medium spells a cell (the one place that decides it): the console is compact (bare
 * numbers, units in the footnote, whole percents); Markdown carries the unit and one decimal
 * (`1234 ms`, `83.3%`), for a reviewer reading one pull-request comment; HTML groups thousands
 * (`1,234`) and puts units in the section's caption. USD is `formatUsd` everywhere.
 */
import { EMPTY, fixedNumber, formatUsd, groupedNumber, msWhole, percentOneDecimal, percentWhole, type NumberCell } from '../../format/index.js';
import type { CellValue, Medium } from './table.js';

const isEmpty = (value: NumberCell): boolean => value === undefined || value === '';

/** Markdown's numbers: the unit or one decimal in the cell, {@link EMPTY} for an empty one. */
const markdownNumber = (value: NumberCell, spell: (number: number) => string): string => (isEmpty(value) ? EMPTY : spell(Number(value)));

interface Spelling {
  count(value: NumberCell): string;
  ms(value: NumberCell): string;
  share(value: NumberCell): string;
  tokens(value: NumberCell): string;
  verdict(pass: boolean): string;
}

const SPELLINGS: Record<Medium, Spelling> = {
  text: {
    count: (value) => fixedNumber(value),
    ms: (value) => fixedNumber(value),
    share: percentWhole,
    tokens: (value) => fixedNumber(value),
    verdict: (pass) => (pass ? 'PASS' : 'FAIL'),
  },
  markdown: {
    count: (value) => fixedNumber(value),
    ms: (value) => markdownNumber(value, msWhole),
    share: (value) => markdownNumber(value, percentOneDecimal),
    tokens: (value) => fixedNumber(value),
    verdict: (pass) => (pass ? '✅ pass' : '❌ fail'),
  },
  html: {
    count: (value) => groupedNumber(value),
    ms: (value) => groupedNumber(value),
    share: percentWhole,
    tokens: (value) => groupedNumber(value),
    verdict: (pass) => (pass ? 'PASS' : 'FAIL'),
  },
};

/** The text of a cell in a medium, before any escaping (the Markdown and HTML renderers escape it). */
export function cellText(value: CellValue, medium: Medium): string {
  const spelling = SPELLINGS[medium];
  switch (value.kind) {
    case 'text':
      return value.text;
    case 'count':
      return spelling.count(value.value);
    case 'ms':
      return spelling.ms(value.value);
    case 'share':
      return spelling.share(value.value);
    case 'shareRange':
      return isEmpty(value.low) ? EMPTY : `${spelling.share(value.low)}–${spelling.share(value.high)}`;
    case 'tokens':
      return spelling.tokens(value.value);
    case 'usd':
      return formatUsd(value.value);
    case 'verdict':
      return spelling.verdict(value.pass);
  }
}
