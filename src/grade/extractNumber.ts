/**
 * Finds "the answer's number" in free text, the way a person skimming the reply would: the number
 * inside the last `\boxed{…}` if there is one (an explicit final-answer marker in math answers),
 * otherwise the last number in the text ("…so the sum is 499,500.").
 *
 * Formats understood:
 * - sign: `-3.5`, `+2`, and the other characters models and typesetters use for minus: U+2212
 *   MINUS SIGN, U+2013 EN DASH, U+2010/U+2011 (non-breaking) hyphens, U+2012 FIGURE DASH, U+FE63
 *   SMALL HYPHEN-MINUS, U+FF0D FULLWIDTH HYPHEN-MINUS, and Markdown/LaTeX escapes `\-`, `\$`. A
 *   sign before a currency (`-$1,716.96`, `−€12`, `-US$5`, `-USD 5`: any Unicode currency symbol,
 *   General Category Sc, with an optional 1–3 letter prefix, or a three-letter ISO 4217 code) or
 *   after one (`$-1,716.96`, `USD -5`) is kept. Accounting parentheses around an amount with a
 *   currency (`($1,716.96)`, `(1,716.96 EUR)`) are negative; bare `(5)` is not, since it is as
 *   often a list marker. A dash directly after a digit or letter is subtraction, a range or a
 *   hyphen, not a sign (`5-3` and `3–5` end in 3 and 5, `COVID-19` in 19), and so is a dash
 *   followed by a space (`3 – 5`);
 * - decimals `3.14`, exponents `1e6`, `2.5E-3`; a trailing full stop is punctuation (`499500.`);
 * - thousands separators: commas in groups of exactly three (`499,500`, `1,234,567.5`), LaTeX
 *   `{,}`, and the typographic thin/narrow no-break/no-break spaces and LaTeX `\,`
 *   (`1 234 567` written with U+202F).
 *
 * Deliberately NOT understood, because each reading is as plausible as the other:
 * - a plain ASCII space as a thousands separator: `1 234 567` reads as three numbers and ends in
 *   567, the same as a list `12 345 678`; the grader's reason shows "got 567", so the mismatch is
 *   visible rather than silently guessed;
 * - a decimal comma (`3,5`): `1,234` is far more often one thousand two hundred and thirty-four;
 * - numbers glued to a preceding Latin letter (`Python3`, `H2O`, `x2`), which are names, not answers;
 * - a number without a leading digit (`.5`), fractions (`1/2` ends in 2) and words ("five").
 */
export interface ExtractedNumber {
  value: number;
  /** The number as written in the answer. */
  text: string;
  /** Where it came from, for the grader's reason. */
  source: 'boxed' | 'last';
}

const NUMBER_PATTERN = /(?<![A-Za-z_\d.])[-+]?(?:\d{1,3}(?:,\d{3}(?!\d))+|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?/g;
const SPACE_GROUPING = /(?<=\d)(?:\{,\}|\\,|[\u00A0\u2009\u202F])(?=\d{3}(?!\d))/g;

/** Characters used for a minus sign or a hyphen besides ASCII `-` (see the list above). */
const MINUS_LIKE = /[\u2010\u2011\u2012\u2013\u2212\uFE63\uFF0D]/g;
/** Markdown and LaTeX escapes of `-` and `$` (`\-\$5`, `-\$1{,}716.96`). */
const ESCAPED_SIGN_OR_DOLLAR = /\\([-$])/g;
/** A currency before an amount: a symbol (Sc) with an optional prefix (`US$`, `R$`), or an ISO 4217 code. */
const CURRENCY = String.raw`(?:[A-Z]{0,3}\p{Sc}\s?|[A-Z]{3}\s?)`;
const AMOUNT = String.raw`\d[\d,]*(?:\.\d+)?`;
/** `-$5` → `-5`: the sign belongs to the amount, the currency is dropped. */
const SIGN_BEFORE_CURRENCY = new RegExp(String.raw`(?<![\p{L}\p{N}_])-${CURRENCY}(?=\d)`, 'gu');
/** `($5)`, `(USD 5)`, `(5 €)`, `(5 EUR)`: accounting notation for a negative amount. */
const ACCOUNTING = new RegExp(String.raw`\(\s*(?:${CURRENCY}\s?(${AMOUNT})|(${AMOUNT})\s?(?:\p{Sc}|[A-Z]{3}))\s*\)`, 'gu');

/**
 * Rewrites every spelling of a sign and of a grouping separator that is unambiguous into plain
 * ASCII (`-`, `,`), so one number pattern reads them all.
 */
function normalizeNumerals(text: string): string {
  return text
    .replace(SPACE_GROUPING, ',')
    .replace(ESCAPED_SIGN_OR_DOLLAR, '$1')
    .replace(MINUS_LIKE, '-')
    .replace(ACCOUNTING, (_match, before: string | undefined, after: string | undefined) => `(-${before ?? after ?? ''})`)
    .replace(SIGN_BEFORE_CURRENCY, '-');
}

/** The content of the last `\boxed{…}`, honouring nested braces such as `\boxed{\frac{1}{2}}`. */
function lastBoxedContent(text: string): string | undefined {
  const start = text.lastIndexOf('\\boxed{');
  if (start < 0) return undefined;
  const contentStart = start + '\\boxed{'.length;
  let depth = 1;
  for (let index = contentStart; index < text.length; index++) {
    if (text[index] === '{') depth++;
    else if (text[index] === '}' && --depth === 0) return text.slice(contentStart, index);
  }
  return undefined;
}

function lastNumberIn(text: string): { value: number; text: string } | undefined {
  let last: string | undefined;
  for (const match of normalizeNumerals(text).matchAll(NUMBER_PATTERN)) last = match[0];
  if (last === undefined) return undefined;
  return { value: Number(last.replace(/,/g, '')), text: last };
}

/**
 * The answer's final number for the `number` grader (docs/graders.md): the last number inside the
 * last `\boxed{…}` when it holds one, else the last number in the whole answer, read with the sign,
 * grouping and currency rules listed on `ExtractedNumber`. Returns undefined when the answer has no
 * number. Never throws.
 */
export function extractFinalNumber(answer: string): ExtractedNumber | undefined {
  const boxed = lastBoxedContent(answer);
  const fromBox = boxed === undefined ? undefined : lastNumberIn(boxed);
  if (fromBox !== undefined) return { ...fromBox, source: 'boxed' };
  const fromText = lastNumberIn(answer);
  return fromText === undefined ? undefined : { ...fromText, source: 'last' };
}
