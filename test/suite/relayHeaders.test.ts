import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSuite, SuiteError } from '../../src/suite/index.js';
import { makeTempFolder } from './tempFiles.js';
import type { TempFolder } from './tempFiles.js';

/**
 * A relay's `headers:` that HTTP cannot carry. undici refused each on every request
 * (`UND_ERR_INVALID_ARG: invalid header key`, retried 3 times per job); each is now one load-time
 * error at the header's line, and a value (it may hold an expanded key) is never quoted.
 */
let folder: TempFolder;
beforeAll(async () => {
  folder = await makeTempFolder();
});
afterAll(async () => {
  await folder.remove();
});

const suiteWith = (headers: string): string => `name: h
model: gemini-2.5-flash
relays:
  - name: r
    apiKey: test-key
    headers: ${headers}
cases:
  - { id: one, prompt: "1+1?", expect: { number: 2 } }
`;

async function messagesOf(headers: string, env: Record<string, string> = {}): Promise<string[]> {
  const file = await folder.write('suite.yaml', suiteWith(headers));
  try {
    await loadSuite(file, { env });
  } catch (error) {
    expect(error).toBeInstanceOf(SuiteError);
    return (error as SuiteError).issues.map((issue) => `${issue.line}:${issue.col} ${issue.path}: ${issue.message}`);
  }
  return [];
}

describe('relay headers HTTP cannot carry', () => {
  const refused: Array<[what: string, headers: string, env: Record<string, string>, message: RegExp]> = [
    ['a space in the name', '{ "X Team": a }', {}, /6:\d+ relays\[0\]\.headers\["X Team"\]: header name "X Team" is not an HTTP token \(U\+0020 at character 2\)/],
    ['${NAME} in the name', '{ "${HOME}": a }', { HOME: '/root' }, /header name "\$\{HOME\}" is not an HTTP token \(U\+007B at character 2\)/],
    ['a colon in the name', '{ "X-Key:": a }', {}, /U\+003A at character 6/],
    ['an empty name', '{ "": a }', {}, /it is empty/],
    ['a non-ASCII name', '{ "X-Clé": a }', {}, /U\+00E9 at character 5/],
    ['a line break in the value', '{ X-Team: "a\\nInjected: 1" }', {}, /header value has U\+000A at character 2/],
    ['a CR in the value', '{ X-Team: "a\\rb" }', {}, /U\+000D at character 2/],
    ['a NUL in the value', '{ X-Team: "a\\0b" }', {}, /U\+0000 at character 2/],
    ['a line break from ${NAME}', '{ X-Team: "${TEAM}" }', { TEAM: 'sk-secret\nX: 1' }, /header value has U\+000A at character 10/],
    ['a character beyond Latin-1', '{ X-Team: "a→b" }', {}, /U\+2192 at character 2/],
  ];
  it.each(refused)('%s: one error at the header, the value never quoted', async (_what, headers, env, message) => {
    const messages = await messagesOf(headers, env);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
    expect(messages[0]).not.toContain('secret');
    expect(messages[0]).not.toContain('Injected');
  });

  const accepted: Array<[what: string, headers: string]> = [
    ['a usual header', '{ X-Team: bench }'],
    ['token punctuation', '{ "X-A!#$%&\'*+.^_`|~1": v }'],
    ['a tab and spaces in the value', '{ X-Team: "a\\tb c" }'],
    ['Latin-1 obs-text', '{ X-Team: "café" }'],
    ['an empty value', '{ X-Team: "" }'],
  ];
  it.each(accepted)('%s is accepted', async (_what, headers) => {
    expect(await messagesOf(headers)).toEqual([]);
  });
});
