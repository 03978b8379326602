import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSuite } from '../../src/suite/index.js';
import { HARM_BLOCK_THRESHOLDS, HARM_CATEGORIES } from '../../src/suite/requestFieldsSchema.js';
import { makeTempFolder } from './tempFiles.js';
import type { TempFolder } from './tempFiles.js';

let folder: TempFolder;
beforeAll(async () => {
  folder = await makeTempFolder();
});
afterAll(async () => {
  await folder.remove();
});

const SUITE = `name: fields
model: gemini-2.5-flash
systemInstruction: { role: system, parts: [{ text: Be brief. }] }
safetySettings:
  - { category: HARM_CATEGORY_HATE_SPEECH, threshold: OFF }
  - { category: HARM_CATEGORY_CIVIC_INTEGRITY, threshold: BLOCK_NONE, method: SEVERITY }
tools:
  - functionDeclarations:
      - name: report_sum
        parameters: { type: OBJECT, properties: { totalSum: { type: INTEGER } } }
  - { googleSearch: {} }
  - { googleSearchRetrieval: { dynamicRetrievalConfig: { mode: MODE_DYNAMIC } } }
  - { codeExecution: {} }
  - { urlContext: {} }
  - {}
toolConfig: { functionCallingConfig: { mode: ANY } }
cachedContent: cachedContents/abc
labels: { team: bench }
relays:
  - { name: proto, preset: gptproto, apiKey: k-123456, body: { stream: false } }
cases:
  - id: plain
    prompt: "6*7?"
  - id: own
    prompt: "6*7?"
    systemInstruction: ""
    tools: []
    labels: { team: other }
    generationConfig: { temperature: 0.2 }
`;

describe('request fields in a suite', () => {
  it('loads every kind as written (OFF unquoted is text, not a YAML 1.1 boolean)', async () => {
    const suite = await loadSuite(await folder.write('fields.yaml', SUITE), { env: {} });
    expect(suite.systemInstruction).toEqual({ role: 'system', parts: [{ text: 'Be brief.' }] });
    expect(suite.request?.safetySettings?.[0]).toEqual({ category: 'HARM_CATEGORY_HATE_SPEECH', threshold: 'OFF' });
    expect(suite.request?.tools).toHaveLength(6);
    expect(suite.request).toMatchObject({ toolConfig: { functionCallingConfig: { mode: 'ANY' } }, cachedContent: 'cachedContents/abc', labels: { team: 'bench' } });
    expect(suite.relays[0]?.body).toEqual({ stream: false });
    expect(suite.cases[0]).not.toHaveProperty('request');
    expect(suite.cases[0]).not.toHaveProperty('generationConfig');
    expect(suite.cases[1]).toMatchObject({ systemInstruction: '', request: { tools: [], labels: { team: 'other' } }, generationConfig: { temperature: 0.2 } });
  });

  it("knows Google's enums, OFF and BLOCK_NONE included", () => {
    expect(HARM_BLOCK_THRESHOLDS).toEqual(expect.arrayContaining(['OFF', 'BLOCK_NONE', 'BLOCK_ONLY_HIGH', 'BLOCK_MEDIUM_AND_ABOVE', 'BLOCK_LOW_AND_ABOVE']));
    expect(HARM_CATEGORIES).toEqual(
      expect.arrayContaining([
        'HARM_CATEGORY_HARASSMENT',
        'HARM_CATEGORY_HATE_SPEECH',
        'HARM_CATEGORY_SEXUALLY_EXPLICIT',
        'HARM_CATEGORY_DANGEROUS_CONTENT',
        'HARM_CATEGORY_CIVIC_INTEGRITY',
      ]),
    );
  });
});
