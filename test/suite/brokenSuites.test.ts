import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSuite, SuiteError, formatSuiteIssues } from '../../src/suite/index.js';
import type { SuiteIssue } from '../../src/suite/index.js';
import { makeTempFolder } from './tempFiles.js';
import type { TempFolder } from './tempFiles.js';

let folder: TempFolder;
beforeAll(async () => {
  folder = await makeTempFolder();
});
afterAll(async () => {
  await folder.remove();
});

/** A valid suite; each broken case below changes one thing, so line numbers are easy to check. */
const VALID = `name: broken
model: gemini-2.5-flash
relays:
  - name: google
    apiKey: test-key
cases:
  - id: one
    prompt: What is 1+1?
    expect: { number: 2 }
`;

async function issuesOf(name: string, text: string, extraFiles: Record<string, string> = {}): Promise<SuiteIssue[]> {
  for (const [extraName, extraText] of Object.entries(extraFiles)) await folder.write(extraName, extraText);
  const file = await folder.write(name, text);
  const error = await loadSuite(file, { env: {} }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SuiteError);
  // Paths relative to the temp folder keep the expectations readable.
  const relative = (text: string): string => text.replaceAll(`${folder.dir}/`, '');
  return (error as SuiteError).issues.map((issue) => JSON.parse(relative(JSON.stringify(issue))) as SuiteIssue);
}

type ExpectedIssue = Omit<SuiteIssue, 'file'> & { file?: string };

const BROKEN: Array<{ title: string; text: string; files?: Record<string, string>; issues: ExpectedIssue[] }> = [
  {
    title: 'bad YAML',
    text: 'name: broken\nmodel: [gemini\ncases: []\n',
    issues: [{ line: 3, col: 1, path: '', message: 'YAML: Flow sequence in block collection must be sufficiently indented and end with a ]' }],
  },
  {
    title: 'unknown key with did-you-mean',
    text: VALID.replace('{ number: 2 }', "{ regx: 'a+' }"),
    issues: [{ line: 9, col: 15, path: 'cases[0].expect.regx', message: 'unknown key', hint: 'Did you mean "regex"?' }],
  },
  {
    title: 'misspelled required key',
    text: VALID.replace('model:', 'modle:'),
    issues: [{ line: 2, col: 1, path: 'modle', message: 'unknown key', hint: 'Did you mean "model"?' }],
  },
  {
    title: 'wrong type',
    text: `${VALID}repeats: three\n`,
    issues: [{ line: 10, col: 10, path: 'repeats', message: 'expected a number, got a string' }],
  },
  {
    title: 'missing env var',
    text: VALID.replace('test-key', '${MISSING_KEY}'),
    issues: [
      {
        line: 5,
        col: 13,
        path: 'relays[0].apiKey',
        message: 'environment variable MISSING_KEY is not set',
        hint: 'Export MISSING_KEY=... or add MISSING_KEY=... to .env',
      },
    ],
  },
  {
    title: 'duplicate case id',
    text: `${VALID}  - id: one\n    prompt: again\n`,
    issues: [{ line: 10, col: 9, path: 'cases[1].id', message: 'duplicate case id "one" (first defined on line 7)' }],
  },
  {
    title: 'invalid regex',
    text: VALID.replace('{ number: 2 }', "{ regex: 'a(' }"),
    issues: [{ line: 9, col: 22, path: 'cases[0].expect.regex', message: 'invalid regular expression: Unterminated group' }],
  },
  {
    title: 'missing relays file',
    text: VALID.replace('  - name: google\n    apiKey: test-key\n', '').replace('relays:', 'relays: ./nope.yaml'),
    issues: [{ line: 3, col: 9, path: 'relays', message: 'relays file not found: nope.yaml' }],
  },
  {
    title: 'both thinkingBudgets and thinkingLevels',
    text: `${VALID}thinkingBudgets: [0]\nthinkingLevels: [low]\n`,
    issues: [
      {
        line: 11,
        col: 1,
        path: 'thinkingLevels',
        message: 'give thinkingBudgets or thinkingLevels, not both',
        hint: 'A request carries a thinkingBudget or a thinkingLevel, never both',
      },
    ],
  },
  {
    title: 'expect with two grader keys',
    text: VALID.replace('{ number: 2 }', "{ contains: '2', regex: '2' }"),
    issues: [
      {
        line: 9,
        col: 30,
        path: 'cases[0].expect.regex',
        message: 'only one grader per expectation, found "contains" and "regex"',
        hint: 'Combine them with all: [{contains: ...}, {regex: ...}]',
      },
    ],
  },
  {
    title: 'thinkingConfig inside generationConfig',
    text: `${VALID}generationConfig:\n  thinkingConfig: { thinkingBudget: 0 }\n`,
    issues: [
      {
        line: 11,
        col: 3,
        path: 'generationConfig.thinkingConfig',
        message: 'thinkingConfig is set by relaybench for each job',
        hint: 'Use thinkingBudgets or thinkingLevels and includeThoughts at the top level of the suite',
      },
    ],
  },
  {
    title: 'relay without a key',
    text: VALID.replace('    apiKey: test-key\n', '    preset: kkiai\n'),
    issues: [
      {
        line: 4,
        col: 5,
        path: 'relays[0]',
        message: 'relay "google" has no apiKey',
        hint: 'Set apiKey: ${GOOGLE_API_KEY} and export GOOGLE_API_KEY',
      },
    ],
  },
  {
    title: 'unknown preset and auth mode',
    text: VALID.replace('    apiKey: test-key\n', '    apiKey: k\n    preset: gogle\n    auth: bearr\n'),
    issues: [
      { line: 6, col: 13, path: 'relays[0].preset', message: 'unknown preset "gogle"', hint: 'Did you mean "google"?' },
      { line: 7, col: 11, path: 'relays[0].auth[0]', message: 'must be one of "header", "bearer", "query"', hint: 'Did you mean "bearer"?' },
    ],
  },
  {
    title: 'problems in a relays file, reported at their own positions',
    text: VALID.replace('  - name: google\n    apiKey: test-key\n', '').replace('relays:', 'relays: relays-broken.yaml'),
    files: { 'relays-broken.yaml': 'relays:\n  - name: a\n    apiKey: k\n    basUrl: https://x.example\n  - name: a\n    apiKey: k\n' },
    issues: [
      { file: 'relays-broken.yaml', line: 4, col: 5, path: 'relays[0].basUrl', message: 'unknown key', hint: 'Did you mean "baseUrl"?' },
      { file: 'relays-broken.yaml', line: 5, col: 11, path: 'relays[1].name', message: 'duplicate relay name "a" (first defined on line 2)' },
    ],
  },
  {
    title: 'unknown emulator profile and override',
    text: VALID.replace('    apiKey: test-key\n', '    emulator: honset\n    emulatorOverrides: { accuracyPenalti: 1 }\n'),
    issues: [
      { line: 5, col: 15, path: 'relays[0].emulator', message: 'unknown emulator profile "honset"', hint: 'Did you mean "honest"?' },
      { line: 6, col: 26, path: 'relays[0].emulatorOverrides.accuracyPenalti', message: 'unknown key', hint: 'Did you mean "accuracyPenalty"?' },
    ],
  },
  {
    title: 'unknown safety category and threshold, with did-you-mean',
    text: `${VALID}safetySettings:\n  - { category: HARM_CATEGORY_HATE_SPECH, threshold: OFF }\n  - { category: HARM_CATEGORY_CIVIC_INTEGRITY, threshold: block_none }\n`,
    issues: [
      { line: 11, col: 17, path: 'safetySettings[0].category', message: 'unknown harm category "HARM_CATEGORY_HATE_SPECH"', hint: 'Did you mean "HARM_CATEGORY_HATE_SPEECH"?' },
      { line: 12, col: 59, path: 'safetySettings[1].threshold', message: 'unknown harm block threshold "block_none"', hint: 'Did you mean "BLOCK_NONE"?' },
    ],
  },
  {
    title: 'unknown safety method and a threshold nothing is close to, in a case',
    text: VALID.replace('    expect:', '    safetySettings: [{ category: HARM_CATEGORY_HARASSMENT, threshold: NEVER, method: SEVERTY }]\n    expect:'),
    issues: [
      {
        line: 9,
        col: 71,
        path: 'cases[0].safetySettings[0].threshold',
        message: 'unknown harm block threshold "NEVER"',
        hint: 'Known values: HARM_BLOCK_THRESHOLD_UNSPECIFIED, BLOCK_LOW_AND_ABOVE, BLOCK_MEDIUM_AND_ABOVE, BLOCK_ONLY_HIGH, BLOCK_NONE, OFF',
      },
      { line: 9, col: 86, path: 'cases[0].safetySettings[0].method', message: 'unknown harm block method "SEVERTY"', hint: 'Did you mean "SEVERITY"?' },
    ],
  },
  {
    title: 'a tool that is not a mapping, and a misspelled tool kind',
    text: `${VALID}tools: [googleSearch, { codeExecution: {} }, { urlContxt: {} }, { functionDeclarations: [{ description: no name }] }, 42]\n`,
    issues: [
      { line: 10, col: 9, path: 'tools[0]', message: 'a tool must be a mapping, got "googleSearch"', hint: 'Write { googleSearch: {} }' },
      { line: 10, col: 48, path: 'tools[2].urlContxt', message: 'unknown key', hint: 'Did you mean "urlContext"?' },
      { line: 10, col: 90, path: 'tools[3].functionDeclarations[0].name', message: 'missing required key "name"' },
      {
        line: 10,
        col: 119,
        path: 'tools[4]',
        message: 'a tool must be a mapping, got 42',
        hint: 'Write a mapping such as { googleSearch: {} }; tool kinds: functionDeclarations, googleSearch, googleSearchRetrieval, codeExecution, urlContext, computerUse, fileSearch, googleMaps, mcpServers',
      },
    ],
  },
  {
    title: 'a system instruction Content with a bad role and a misspelled key',
    text: `${VALID}systemInstruction: { role: sytem, prts: [{ text: hi }] }\n`,
    issues: [
      { line: 10, col: 28, path: 'systemInstruction.role', message: 'must be one of "user", "model", "system"', hint: 'Did you mean "system"?' },
      { line: 10, col: 35, path: 'systemInstruction.prts', message: 'unknown key', hint: 'Did you mean "parts"?' },
    ],
  },
  {
    title: 'a system instruction that is neither text nor a Content',
    text: VALID.replace('    expect:', '    systemInstruction: [hi]\n    expect:'),
    issues: [{ line: 9, col: 5, path: 'cases[0].systemInstruction', message: 'expected text or a Content mapping with parts: (and optionally role:)' }],
  },
  {
    title: 'labels that are not text, toolConfig that is not a mapping',
    text: `${VALID}labels: { run: 7 }\ntoolConfig: AUTO\n`,
    issues: [
      { line: 10, col: 16, path: 'labels.run', message: 'expected a string, got an integer' },
      { line: 11, col: 13, path: 'toolConfig', message: 'expected a mapping, got a string' },
    ],
  },
  {
    title: 'a case generationConfig with a typo and a thinkingConfig',
    text: VALID.replace('    expect:', '    generationConfig: { temprature: 1, thinkingConfig: { thinkingBudget: 0 } }\n    expect:'),
    issues: [
      { line: 9, col: 25, path: 'cases[0].generationConfig.temprature', message: 'unknown key', hint: 'Did you mean "temperature"?' },
      {
        line: 9,
        col: 40,
        path: 'cases[0].generationConfig.thinkingConfig',
        message: 'thinkingConfig is set by relaybench for each job',
        hint: 'Use thinkingBudgets or thinkingLevels and includeThoughts at the top level of the suite',
      },
    ],
  },
  {
    title: 'a relay body: setting contents or the thinking config, in either casing',
    text: VALID.replace(
      '    apiKey: test-key\n',
      '    apiKey: test-key\n    body:\n      contents: []\n      generation_config: { thinking_config: { thinking_budget: 0 } }\n      generationConfig: { temperature: 0, thinkingConfig: {} }\n',
    ),
    issues: [
      { line: 7, col: 7, path: 'relays[0].body.contents', message: 'body: may not set contents', hint: 'Each case gives its own prompt: or contents:' },
      {
        line: 8,
        col: 28,
        path: 'relays[0].body.generation_config.thinking_config',
        message: 'body: may not set thinking_config: relaybench sets it for each job',
        hint: 'Use thinkingBudgets or thinkingLevels and includeThoughts at the top level of the suite',
      },
      {
        line: 9,
        col: 43,
        path: 'relays[0].body.generationConfig.thinkingConfig',
        message: 'body: may not set thinkingConfig: relaybench sets it for each job',
        hint: 'Use thinkingBudgets or thinkingLevels and includeThoughts at the top level of the suite',
      },
    ],
  },
  {
    title: 'two reference relays, and a reference that is not a boolean',
    text: VALID.replace(
      '    apiKey: test-key\n',
      '    apiKey: test-key\n    reference: true\n  - { name: b, apiKey: k, reference: true }\n  - { name: c, apiKey: k, reference: yes please }\n',
    ),
    issues: [
      { line: 7, col: 38, path: 'relays[1].reference', message: 'only one relay may be reference: true (the first is on line 6)' },
      { line: 8, col: 38, path: 'relays[2].reference', message: 'expected true or false, got a string' },
    ],
  },
  {
    title: 'prototype keys in pass-through objects: body, tools, toolConfig, labels',
    text:
      VALID.replace('    apiKey: test-key\n', '    apiKey: test-key\n    body: { __proto__: { stream: false }, extra: { constructor: 1 } }\n') +
      'tools: [{ functionDeclarations: [{ name: f, prototype: x }] }]\ntoolConfig: { constructor: { mode: ANY } }\nlabels: { __proto__: x }\n',
    issues: [
      {
        line: 6,
        col: 13,
        path: 'relays[0].body.__proto__',
        message: "the key __proto__ is not allowed: JavaScript treats it as part of the object's prototype, so it would be dropped or misread, not sent",
        hint: 'Remove it; the Gemini API has no field of that name',
      },
      {
        line: 6,
        col: 52,
        path: 'relays[0].body.extra.constructor',
        message: "the key constructor is not allowed: JavaScript treats it as part of the object's prototype, so it would be dropped or misread, not sent",
        hint: 'Remove it; the Gemini API has no field of that name',
      },
      {
        line: 11,
        col: 45,
        path: 'tools[0].functionDeclarations[0].prototype',
        message: "the key prototype is not allowed: JavaScript treats it as part of the object's prototype, so it would be dropped or misread, not sent",
        hint: 'Remove it; the Gemini API has no field of that name',
      },
      {
        line: 12,
        col: 15,
        path: 'toolConfig.constructor',
        message: "the key constructor is not allowed: JavaScript treats it as part of the object's prototype, so it would be dropped or misread, not sent",
        hint: 'Remove it; the Gemini API has no field of that name',
      },
      {
        line: 13,
        col: 11,
        path: 'labels.__proto__',
        message: "the key __proto__ is not allowed: JavaScript treats it as part of the object's prototype, so it would be dropped or misread, not sent",
        hint: 'Remove it; the Gemini API has no field of that name',
      },
    ],
  },
  {
    title: 'a prototype key in a block mapping',
    text: VALID.replace('    apiKey: test-key\n', '    apiKey: test-key\n    body:\n      __proto__:\n        stream: false\n'),
    issues: [
      {
        line: 7,
        col: 7,
        path: 'relays[0].body.__proto__',
        message: "the key __proto__ is not allowed: JavaScript treats it as part of the object's prototype, so it would be dropped or misread, not sent",
        hint: 'Remove it; the Gemini API has no field of that name',
      },
    ],
  },
  {
    // The loader skips the prototype-key walk for text that names no such key: an escape must still count.
    title: 'a prototype key spelled with an escape in a double-quoted key',
    text: VALID.replace('    apiKey: test-key\n', '    apiKey: test-key\n    body: { "\\x5f_proto__": { stream: false } }\n'),
    issues: [
      {
        line: 6,
        col: 13,
        path: 'relays[0].body.__proto__',
        message: "the key __proto__ is not allowed: JavaScript treats it as part of the object's prototype, so it would be dropped or misread, not sent",
        hint: 'Remove it; the Gemini API has no field of that name',
      },
    ],
  },
  {
    title: 'a prototype key reached through an alias and a merge key',
    text: VALID.replace('  - name: google\n', '  - <<: { constructor: &k x }\n    name: google\n'),
    issues: [
      {
        line: 4,
        col: 11,
        path: 'relays[0].constructor',
        message: "the key constructor is not allowed: JavaScript treats it as part of the object's prototype, so it would be dropped or misread, not sent",
        hint: 'Remove it; the Gemini API has no field of that name',
      },
    ],
  },
  {
    title: 'an unknown alias as a merge source',
    text: VALID.replace('  - name: google\n', '  - <<: *defaults\n    name: google\n'),
    issues: [
      {
        line: 4,
        col: 9,
        path: '',
        message: 'YAML: unknown alias *defaults: no anchor &defaults is set before it',
        hint: 'Put the anchor &defaults on a node earlier in the file, or fix the spelling',
      },
    ],
  },
  {
    title: 'unknown aliases in a merge list, as a value, and before their anchor',
    text: `${VALID.replace('  - name: google\n', '  - <<: [*base, *nope]\n    name: *relayName\n')}late: &base { a: 1 }\n`,
    issues: [
      {
        line: 4,
        col: 10,
        path: '',
        message: 'YAML: unknown alias *base: no anchor &base is set before it',
        hint: 'Put the anchor &base on a node earlier in the file, or fix the spelling',
      },
      {
        line: 4,
        col: 17,
        path: '',
        message: 'YAML: unknown alias *nope: no anchor &nope is set before it',
        hint: 'Put the anchor &nope on a node earlier in the file, or fix the spelling',
      },
      {
        line: 5,
        col: 11,
        path: '',
        message: 'YAML: unknown alias *relayName: no anchor &relayName is set before it',
        hint: 'Put the anchor &relayName on a node earlier in the file, or fix the spelling',
      },
    ],
  },
  {
    title: 'function declaration names Gemini refuses',
    text: `${VALID}tools:\n  - functionDeclarations:\n      - { name: get weather }\n      - { name: 2fast }\n      - { name: '' }\n      - { name: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa }\n      - { name: 'café' }\n      - { name: a/b }\n      - { name: -x }\n      - { name: _ok.v1:get-x }\n      - { name: _bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb }\n`,
    issues: [
      {
        line: 12,
        col: 17,
        path: 'tools[0].functionDeclarations[0].name',
        message: 'function name "get weather" has a character Gemini does not accept',
        hint: 'Gemini accepts a-z, A-Z, 0-9, underscores, dots, colons and dashes, at most 64 characters, starting with a letter or an underscore',
      },
      {
        line: 13,
        col: 17,
        path: 'tools[0].functionDeclarations[1].name',
        message: 'function name "2fast" does not start with a letter or an underscore',
        hint: 'Gemini accepts a-z, A-Z, 0-9, underscores, dots, colons and dashes, at most 64 characters, starting with a letter or an underscore',
      },
      {
        line: 14,
        col: 17,
        path: 'tools[0].functionDeclarations[2].name',
        message: 'function name "" is empty',
        hint: 'Gemini accepts a-z, A-Z, 0-9, underscores, dots, colons and dashes, at most 64 characters, starting with a letter or an underscore',
      },
      {
        line: 15,
        col: 17,
        path: 'tools[0].functionDeclarations[3].name',
        message: 'function name "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" is 65 characters long',
        hint: 'Gemini accepts a-z, A-Z, 0-9, underscores, dots, colons and dashes, at most 64 characters, starting with a letter or an underscore',
      },
      {
        line: 16,
        col: 17,
        path: 'tools[0].functionDeclarations[4].name',
        message: 'function name "café" has a character Gemini does not accept',
        hint: 'Gemini accepts a-z, A-Z, 0-9, underscores, dots, colons and dashes, at most 64 characters, starting with a letter or an underscore',
      },
      {
        line: 17,
        col: 17,
        path: 'tools[0].functionDeclarations[5].name',
        message: 'function name "a/b" has a character Gemini does not accept',
        hint: 'Gemini accepts a-z, A-Z, 0-9, underscores, dots, colons and dashes, at most 64 characters, starting with a letter or an underscore',
      },
      {
        line: 18,
        col: 17,
        path: 'tools[0].functionDeclarations[6].name',
        message: 'function name "-x" does not start with a letter or an underscore',
        hint: 'Gemini accepts a-z, A-Z, 0-9, underscores, dots, colons and dashes, at most 64 characters, starting with a letter or an underscore',
      },
    ],
  },
  {
    title: 'allowed function names Gemini refuses',
    text: `${VALID}toolConfig:\n  functionCallingConfig:\n    mode: ANY\n    allowedFunctionNames: [get_weather, get weather, 9lives]\n`,
    issues: [
      {
        line: 13,
        col: 41,
        path: 'toolConfig.functionCallingConfig.allowedFunctionNames[1]',
        message: 'function name "get weather" has a character Gemini does not accept',
        hint: 'Gemini accepts a-z, A-Z, 0-9, underscores, dots, colons and dashes, at most 64 characters, starting with a letter or an underscore',
      },
      {
        line: 13,
        col: 54,
        path: 'toolConfig.functionCallingConfig.allowedFunctionNames[2]',
        message: 'function name "9lives" does not start with a letter or an underscore',
        hint: 'Gemini accepts a-z, A-Z, 0-9, underscores, dots, colons and dashes, at most 64 characters, starting with a letter or an underscore',
      },
    ],
  },
];

describe('broken suites', () => {
  it.each(BROKEN)('$title', async ({ title, text, files, issues }) => {
    const name = `${title.replace(/\W+/g, '-')}.yaml`;
    const expected = issues.map((issue) => ({ file: name, ...issue }));
    expect(await issuesOf(name, text, files)).toEqual(expected);
  });

  it('collects every issue instead of stopping at the first', async () => {
    const text = `${VALID.replace('name: broken', 'name: bad name').replace('{ number: 2 }', '{ numbr: 2 }')}concurrency: 0\n`;
    const issues = await issuesOf('three.yaml', text);
    expect(issues.map((issue) => `${issue.line}:${issue.col} ${issue.path}`)).toEqual(['1:7 name', '9:15 cases[0].expect.numbr', '10:14 concurrency']);
  });

  it('formats issues as file:line:col  path: message. hint', async () => {
    const issues = await issuesOf('format.yaml', VALID.replace('{ number: 2 }', "{ regx: 'a+' }"));
    expect(formatSuiteIssues(issues)).toBe('format.yaml:9:15  cases[0].expect.regx: unknown key. Did you mean "regex"?');
  });

  it('reports a malformed .env line by its line number', async () => {
    const issues = await issuesOf('dotenv.yaml', VALID, { '.env': 'GOOD=1\nthis is not an assignment\n' });
    expect(issues).toEqual([{ file: '.env', line: 2, col: 1, path: '', message: 'expected KEY=VALUE', hint: 'Comment lines start with #' }]);
    await folder.write('.env', '');
  });
});
