/**
 * Finds "the answer's number" in free text, the way a person skimming the reply would: the number
 * inside the last `\boxed{…}` if there is one (an explicit final-answer marker in math answers),
 * otherwise the last number in the text ("…so the sum is 499,500.").
 *
 * Formats understood:
 * - sign: `-3.5`, `+2`, and the Unicode minus `−3`; a `-` directly after a digit or letter is
 *   subtraction or a hyphen, not a sign (`5-3` ends in 3, `x-3` ends in 3);
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

/** Rewrites the unambiguous typographic separators as commas and the Unicode minus as `-`. */
function normalizeNumerals(text: string): string {
  return text.replace(SPACE_GROUPING, ',').replace(/\u2212/g, '-');
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

export function extractFinalNumber(answer: string): ExtractedNumber | undefined {
  const boxed = lastBoxedContent(answer);
  const fromBox = boxed === undefined ? undefined : lastNumberIn(boxed);
  if (fromBox !== undefined) return { ...fromBox, source: 'boxed' };
  const fromText = lastNumberIn(answer);
  return fromText === undefined ? undefined : { ...fromText, source: 'last' };
}
