import { describe, expect, it } from 'vitest';
import { parseDotEnv } from '../../src/suite/dotEnv.js';

/**
 * The dotenv dialect, member by member, with the value motdotla/dotenv v16 `parse` gives for each
 * (its LINE regex and unquoting, lib/main.js): a `.env` that works with it works here.
 */
const TABLE: Array<[string, string, Record<string, string>]> = [
  ['plain', 'KEY=value', { KEY: 'value' }],
  ['spaces around =', 'KEY = value ', { KEY: 'value' }],
  ['export prefix', 'export KEY=value', { KEY: 'value' }],
  ['colon form', 'KEY: value', { KEY: 'value' }],
  ['empty value', 'KEY=', { KEY: '' }],
  ['empty quotes', 'KEY=""', { KEY: '' }],
  ['inline comment after space', 'KEY=value # note', { KEY: 'value' }],
  ['inline comment without space', 'KEY=va#lue', { KEY: 'va' }],
  ['hash inside double quotes', 'KEY="va#lue" # note', { KEY: 'va#lue' }],
  ['hash inside single quotes', "KEY='#not a comment'", { KEY: '#not a comment' }],
  ['single quotes are literal', "KEY='a\\nb'", { KEY: 'a\\nb' }],
  ['backticks', 'KEY=`say "hi" and \'bye\'`', { KEY: 'say "hi" and \'bye\'' }],
  ['escaped \\n in double quotes', 'KEY="a\\nb"', { KEY: 'a\nb' }],
  ['escaped \\r in double quotes', 'KEY="a\\rb"', { KEY: 'a\rb' }],
  ['escaped quote does not close (backslash kept, as dotenv)', 'KEY="a\\"b"', { KEY: 'a\\"b' }],
  ['double quotes spanning lines', 'KEY="-----BEGIN KEY-----\nabc\n-----END KEY-----"\nNEXT=1', { KEY: '-----BEGIN KEY-----\nabc\n-----END KEY-----', NEXT: '1' }],
  ['single quotes spanning lines', "KEY='a\nb'", { KEY: 'a\nb' }],
  ['backticks spanning lines', 'KEY=`a\nb`', { KEY: 'a\nb' }],
  ['CRLF file', 'A=1\r\nB="x\r\ny"\r\nC=3\r\n', { A: '1', B: 'x\ny', C: '3' }],
  ['CR-only file', 'A=1\rB=2', { A: '1', B: '2' }],
  ['comment and blank lines', '# c\n\n  # indented\nA=1', { A: '1' }],
  ['leading spaces', '   A=1', { A: '1' }],
  ['dots and dashes in keys', 'a.b-c=1', { 'a.b-c': '1' }],
  ['last duplicate wins', 'A=1\nA=2', { A: '2' }],
  ['value with =', 'A=x=y', { A: 'x=y' }],
  ['URL value', 'BASE=https://relay.example/v1?x=1', { BASE: 'https://relay.example/v1?x=1' }],
  ['no interpolation', 'A=${HOME}', { A: '${HOME}' }],
];

describe('parseDotEnv reads the dotenv dialect', () => {
  it.each(TABLE)('%s', (_name, text, vars) => {
    expect(parseDotEnv(text)).toEqual({ vars, malformedLines: [], malformedReasons: [] });
  });
});

describe('parseDotEnv reports lines it cannot read, by number', () => {
  it.each([
    ['no assignment', 'A=1\nbroken line\nB=2', { A: '1', B: '2' }, [2], ['expected KEY=VALUE']],
    ['unclosed double quote', 'A=1\nB="never closed\nC=3', { A: '1', C: '3' }, [2], ['the double quote is never closed']],
    ['unclosed single quote', "A='x", {}, [1], ['the single quote is never closed']],
    ['text after the closing quote', 'A="x" y\nB=2', { B: '2' }, [1], ['text after the closing double quote']],
    ['line numbers count lines inside multi-line values', 'A="1\n2\n3"\nbad\nB=2', { A: '1\n2\n3', B: '2' }, [4], ['expected KEY=VALUE']],
    ['a key that is not one', '1 2=3', {}, [1], ['expected KEY=VALUE']],
  ])('%s', (_name, text, vars, lines, reasons) => {
    expect(parseDotEnv(text)).toEqual({ vars, malformedLines: lines, malformedReasons: reasons });
  });
});
