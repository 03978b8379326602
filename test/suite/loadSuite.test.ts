import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSuite, SuiteError, formatSuiteIssues } from '../../src/suite/index.js';
import { makeTempFolder } from './tempFiles.js';
import type { TempFolder } from './tempFiles.js';

let folder: TempFolder;
beforeEach(async () => {
  folder = await makeTempFolder();
});
afterEach(async () => {
  await folder.remove();
});

const SUITE = `name: smoke-test
description: a small suite
model: gemini-2.5-flash
thinkingBudgets: [0, -1]
systemInstruction: Answer with the number only.
generationConfig: { temperature: 0, maxOutputTokens: 512 }
relays: ./relays.yaml
cases:
  - id: sum
    prompt: "1+2+3+4+5+....+999?"
    expect: { number: 499500 }
    tags: [sum]
  - id: chat
    systemInstruction: Be brief.
    contents:
      - role: user
        parts: [{ text: My number is 7. }]
      - role: model
        parts: [{ text: Noted. }]
      - { role: user, parts: [{ text: "Times " }, { text: "six?" }] }
    expect:
      all:
        - { number: 42 }
        - { notContains: [error], ignoreCase: true }
  - id: escaped
    prompt: "Explain \${HOME} and $\${HOME} in bash"
ci: { minPassRate: 0.9 }
`;

const RELAYS = `relays:
  - name: google
    apiKey: \${GOOGLE_KEY}
  - name: proto
    preset: gptproto
    apiKey: \${PROTO_KEY}
    stream: sse
    model: gemini-2.5-pro
    headers: { X-Team: bench }
    timeouts: { totalMs: 1000 }
    retry: { max: 0 }
  - name: selfhosted
    baseUrl: https://relay.example/
    apiKey: literal-key
    auth: bearer
  - name: fake
    emulator: honest
`;

describe('loadSuite on a valid suite', () => {
  it('resolves the suite, its relays file, presets, defaults and env', async () => {
    const file = await folder.write('suite.yaml', SUITE);
    await folder.write('relays.yaml', RELAYS);
    await folder.write('.env', '# keys\nGOOGLE_KEY="from-dotenv"\nexport PROTO_KEY=dotenv-loses # comment\n');

    const suite = await loadSuite(file, { env: { PROTO_KEY: 'from-process', UNRELATED: undefined } });

    expect(suite).toMatchObject({
      name: 'smoke-test',
      description: 'a small suite',
      file,
      model: 'gemini-2.5-flash',
      thinkingBudgets: [0, -1],
      thinkingLevels: [],
      includeThoughts: true,
      repeats: 1,
      concurrency: 8,
      seed: 1,
      systemInstruction: 'Answer with the number only.',
      generationConfig: { temperature: 0, maxOutputTokens: 512 },
      ci: { minPassRate: 0.9 },
    });
    const [google, proto, selfhosted, fake] = suite.relays;
    expect(google).toEqual({
      name: 'google',
      preset: 'google',
      baseUrl: 'https://generativelanguage.googleapis.com',
      apiKey: 'from-dotenv',
      auth: ['header'],
      stream: 'sse',
      casing: 'camel',
      modelInBody: false,
      model: undefined,
      headers: {},
      concurrency: undefined,
      rpm: undefined,
      timeouts: { connectMs: 10000, firstByteMs: 60000, idleMs: 30000, totalMs: 300000 },
      retry: { max: 2, statuses: [408, 429, 500, 502, 503, 504], midStream: false },
      proxy: undefined,
      emulator: undefined,
      maxBodyBytes: 16 * 1024 * 1024,
      reference: false,
    });
    expect(proto).toMatchObject({
      preset: 'gptproto',
      baseUrl: 'https://gptproto.com',
      apiKey: 'from-process',
      auth: ['query'],
      stream: 'sse',
      casing: 'snake',
      modelInBody: true,
      model: 'gemini-2.5-pro',
      headers: { 'X-Team': 'bench' },
      timeouts: { connectMs: 10000, firstByteMs: 60000, idleMs: 30000, totalMs: 1000 },
      retry: { max: 0, statuses: [408, 429, 500, 502, 503, 504], midStream: false },
    });
    expect(selfhosted).toMatchObject({
      preset: undefined,
      baseUrl: 'https://relay.example',
      auth: ['bearer'],
      stream: 'sse',
      casing: 'camel',
    });
    expect(fake).toMatchObject({
      preset: undefined,
      baseUrl: 'emulator://fake',
      apiKey: 'relaybench-emulator-key',
      emulator: 'honest',
    });
  });

  it('turns prompts into contents and keeps the question of multi-turn cases', async () => {
    const file = await folder.write('suite.yaml', SUITE);
    await folder.write('relays.yaml', RELAYS);
    const suite = await loadSuite(file, { env: { GOOGLE_KEY: 'g', PROTO_KEY: 'p' } });
    const [sum, chat, escaped] = suite.cases;

    expect(sum).toEqual({
      id: 'sum',
      contents: [{ role: 'user', parts: [{ text: '1+2+3+4+5+....+999?' }] }],
      prompt: '1+2+3+4+5+....+999?',
      systemInstruction: undefined,
      expect: { number: 499500 },
      tags: ['sum'],
    });
    expect(chat?.contents).toHaveLength(3);
    expect(chat?.prompt).toBe('Times six?');
    expect(chat?.systemInstruction).toBe('Be brief.');
    expect(chat?.expect).toEqual({ all: [{ number: 42 }, { notContains: ['error'], ignoreCase: true }] });
    // `${NAME}` is expanded in relay settings only: a prompt is sent exactly as written.
    expect(escaped?.prompt).toBe('Explain ${HOME} and $${HOME} in bash');
  });

  it('accepts inline relays and a relays file that is a bare list', async () => {
    const inline = await folder.write('inline.yaml', 'name: inline\nmodel: m\nrelays:\n  - { name: a, apiKey: k }\ncases:\n  - { id: x, prompt: hi }\n');
    await folder.write('list.yaml', '- { name: b, preset: apigo, apiKey: k }\n');
    const listed = await folder.write('listed.yaml', 'name: listed\nmodel: m\nrelays: list.yaml\ncases:\n  - { id: x, prompt: hi }\n');

    expect((await loadSuite(inline, { env: {} })).relays.map((relay) => relay.baseUrl)).toEqual(['https://generativelanguage.googleapis.com']);
    expect((await loadSuite(listed, { env: {} })).relays.map((relay) => relay.baseUrl)).toEqual(['https://maas.apigo.ai']);
  });

  it('never puts a resolved secret into an issue', async () => {
    const file = await folder.write(
      'suite.yaml',
      'name: s\nmodel: m\nrelays:\n  - { name: a, apiKey: k, baseUrl: "${URL_WITH_TOKEN}", proxy: "${PATTERN}" }\ncases:\n  - { id: x, prompt: hi }\n',
    );
    const error = await loadSuite(file, {
      env: { URL_WITH_TOKEN: 'ftp://user:sup3r-secret@host', PATTERN: 'sup3r-secret(' },
    }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(SuiteError);
    const text = formatSuiteIssues((error as SuiteError).issues);
    expect(text).toContain('relays[0].baseUrl: must be an http:// or https:// URL');
    expect(text).toContain('relays[0].proxy: must be an http:// or https:// URL');
    expect(text).not.toContain('sup3r-secret');
  });
});
