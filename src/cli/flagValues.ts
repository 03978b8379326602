import { FlagError } from '../errors/index.js';
import { parseShard, SHARD_ACCEPTS } from '../plan/shard.js';

/**
 * Parsers for command-line values. Each is built for one flag and throws a {@link FlagError}
 * naming that flag, the text it got and what it accepts, so a bad value ends the command with
 * exit 2 and one line before anything is loaded or sent. Numbers are read with strict patterns,
 * not `Number()`: `Number('')` is 0, `Number('1e3')` is 1000 and `Number('0x10')` is 16, none of
 * which a user typing a count or a rate means.
 */

/** A parser that also says what it accepts, so a missing value can be reported the same way. */
export type FlagParser<T> = ((value: string) => T) & { accepts: string };

const WHOLE = /^\d+$/;
const SIGNED_WHOLE = /^[-+]?\d+$/;
const DECIMAL = /^\+?(?:\d+(?:\.\d*)?|\.\d+)$/;

function parser<T>(flag: string, accepts: string, parse: (value: string) => T | undefined): FlagParser<T> {
  const run = (value: string): T => {
    const parsed = parse(value.trim());
    if (parsed === undefined) throw new FlagError(flag, value, accepts);
    return parsed;
  };
  return Object.assign(run, { accepts });
}

/** A whole number from `min` to `max` (inclusive). */
export function wholeNumber(flag: string, min: number, max: number = Number.MAX_SAFE_INTEGER): FlagParser<number> {
  const accepts = max === Number.MAX_SAFE_INTEGER ? `a whole number of at least ${min}` : `a whole number from ${min} to ${max}`;
  return parser(flag, accepts, (text) => {
    if (!WHOLE.test(text)) return undefined;
    const value = Number(text);
    return value >= min && value <= max ? value : undefined;
  });
}

/** Any whole number that fits a 32-bit seed (negative allowed), e.g. `--seed`. */
export function seedNumber(flag: string): FlagParser<number> {
  return parser(flag, 'a whole number from -2147483648 to 4294967295', (text) => {
    if (!SIGNED_WHOLE.test(text)) return undefined;
    const value = Number(text);
    return value >= -2147483648 && value <= 4294967295 ? value : undefined;
  });
}

/**
 * A plain decimal number within a range; `openLow`/`openHigh` exclude the bounds (a significance
 * level of 0 or 1 means nothing).
 */
export function decimal(flag: string, range: { min: number; max?: number; openLow?: boolean; openHigh?: boolean }, accepts: string): FlagParser<number> {
  const { min, max = Number.POSITIVE_INFINITY, openLow = false, openHigh = false } = range;
  return parser(flag, accepts, (text) => {
    if (!DECIMAL.test(text)) return undefined;
    const value = Number(text);
    const aboveLow = openLow ? value > min : value >= min;
    const belowHigh = openHigh ? value < max : value <= max;
    return Number.isFinite(value) && aboveLow && belowHigh ? value : undefined;
  });
}

/** A rate from 0 to 1 inclusive (`--min-pass-rate 0.9`). */
export function rate(flag: string): FlagParser<number> {
  return decimal(flag, { min: 0, max: 1 }, 'a rate from 0 to 1, e.g. 0.9');
}

/** `--shard k/n`, checked when the command line is read rather than after the suite is loaded. */
export function shardText(): FlagParser<string> {
  const run = (value: string): string => {
    parseShard(value);
    return value;
  };
  return Object.assign(run, { accepts: SHARD_ACCEPTS });
}

/** Text that must not be empty or blank (a host name). */
export function nonEmpty(flag: string, accepts: string): FlagParser<string> {
  return parser(flag, accepts, (text) => (text === '' || /\s/.test(text) ? undefined : text));
}
