import { describe, expect, it } from 'vitest';
import { buildGeminiBody } from '../../src/plan/body.js';
import type { Case } from '../../src/suite/types.js';
import { promptCase, relay, suite } from './fixtures.js';

const camel = relay({ name: 'google', preset: 'google', apiKey: 'KEY' });
const snake = relay({ name: 'gptproto', preset: 'gptproto', apiKey: 'KEY' });
const question = promptCase('q', 'Why?');

describe('buildGeminiBody', () => {
  it('sends thinkingLevel (never a budget) for a level setting', () => {
    const body = buildGeminiBody(suite({ generationConfig: {} }), question, camel, { kind: 'level', level: 'high' }, 'gemini-3-pro-preview');
    expect(body.generationConfig).toEqual({ thinkingConfig: { thinkingLevel: 'high', includeThoughts: true } });
  });

  it('sends no thinkingConfig without a sweep, and no generationConfig when nothing is left', () => {
    const body = buildGeminiBody(suite({ generationConfig: {}, systemInstruction: undefined }), question, camel, { kind: 'none' }, 'm');
    expect(body).toEqual({ contents: question.contents });
  });

  it('passes multi-turn contents through and lets the case replace the system instruction', () => {
    const chat: Case = {
      ...promptCase('chat', 'unused'),
      contents: [
        { role: 'user', parts: [{ text: 'My number is 7.' }] },
        { role: 'model', parts: [{ text: 'Noted.' }] },
        { role: 'user', parts: [{ text: 'Times six?' }] },
      ],
      systemInstruction: 'Be brief.',
    };
    const body = buildGeminiBody(suite(), chat, camel, { kind: 'budget', budget: 0 }, 'm');
    expect(body.contents).toEqual(chat.contents);
    expect(body.systemInstruction).toEqual({ parts: [{ text: 'Be brief.' }] });
  });

  it('an empty case systemInstruction removes the suite one', () => {
    const body = buildGeminiBody(suite(), { ...question, systemInstruction: '' }, camel, { kind: 'none' }, 'm');
    expect(body).not.toHaveProperty('systemInstruction');
  });

  it('snake_cases protocol keys but leaves user text and the responseSchema (keys and keywords) as written', () => {
    const generationConfig = {
      maxOutputTokens: 100,
      responseMimeType: 'application/json',
      responseSchema: {
        type: 'OBJECT',
        properties: { finalAnswer: { type: 'STRING' }, stepList: { type: 'ARRAY', items: { type: 'OBJECT', properties: { stepText: { type: 'STRING' } } } } },
        propertyOrdering: ['finalAnswer', 'stepList'],
      },
    };
    const textCase = promptCase('t', 'keep camelCase and snake_case here');
    const body = buildGeminiBody(suite({ generationConfig }), textCase, snake, { kind: 'budget', budget: -1 }, 'gemini-2.5-flash');
    expect(body).toEqual({
      model: 'gemini-2.5-flash',
      contents: [{ role: 'user', parts: [{ text: 'keep camelCase and snake_case here' }] }],
      system_instruction: { parts: [{ text: 'Answer with the number only.' }] },
      generation_config: {
        max_output_tokens: 100,
        response_mime_type: 'application/json',
        response_schema: {
          type: 'OBJECT',
          properties: {
            finalAnswer: { type: 'STRING' },
            stepList: { type: 'ARRAY', items: { type: 'OBJECT', properties: { stepText: { type: 'STRING' } } } },
          },
          propertyOrdering: ['finalAnswer', 'stepList'],
        },
        thinking_config: { thinking_budget: -1, include_thoughts: true },
      },
    });
  });
});

describe('the rest of the request body', () => {
  const safety = [{ category: 'HARM_CATEGORY_HARASSMENT' as const, threshold: 'OFF' as const }];
  const searchTool = [{ googleSearch: {} }];

  it('a case replaces systemInstruction, safetySettings, tools, toolConfig and cachedContent whole, and merges labels and generationConfig by key', () => {
    const base = suite({
      systemInstruction: { role: 'user', parts: [{ text: 'hi' }] },
      generationConfig: { temperature: 1, topP: 1 },
      request: {
        safetySettings: safety,
        tools: searchTool,
        toolConfig: { functionCallingConfig: { mode: 'AUTO' } },
        cachedContent: 'cachedContents/a',
        labels: { team: 'bench', run: 'nightly' },
      },
    });
    const override: Case = {
      ...question,
      systemInstruction: 'Be brief.',
      request: { tools: [], cachedContent: 'cachedContents/b', labels: { run: 'ci' } },
      generationConfig: { topP: 0.5, maxOutputTokens: 64 },
    };
    expect(buildGeminiBody(base, override, camel, { kind: 'budget', budget: 128 }, 'm')).toEqual({
      contents: question.contents,
      systemInstruction: { parts: [{ text: 'Be brief.' }] },
      safetySettings: safety,
      tools: [],
      toolConfig: { functionCallingConfig: { mode: 'AUTO' } },
      cachedContent: 'cachedContents/b',
      labels: { team: 'bench', run: 'ci' },
      generationConfig: { temperature: 1, topP: 0.5, maxOutputTokens: 64, thinkingConfig: { thinkingBudget: 128, includeThoughts: true } },
    });
    // Without case fields the suite's are sent as written, the Content system instruction included.
    expect(buildGeminiBody(base, question, camel, { kind: 'none' }, 'm')).toMatchObject({
      systemInstruction: { role: 'user', parts: [{ text: 'hi' }] },
      tools: searchTool,
      labels: { team: 'bench', run: 'nightly' },
    });
  });

  it('snake_case never renames user data: schema properties, function parameters, labels, args', () => {
    const parameters = { type: 'object', properties: { firstNumber: { type: 'integer' }, lastNumber: { type: 'integer' } }, required: ['firstNumber'] };
    const responseJsonSchema = { type: 'object', properties: { finalAnswer: { type: 'string', maxLength: 10 } }, additionalProperties: false };
    const chat: Case = {
      ...question,
      contents: [
        { role: 'user', parts: [{ text: 'Sum 1..999' }] },
        { role: 'model', parts: [{ functionCall: { name: 'sumRange', args: { firstNumber: 1, lastNumber: 999 } } }] },
        { role: 'user', parts: [{ functionResponse: { name: 'sumRange', response: { totalSum: 499500 } } }] },
      ],
      request: {
        tools: [{ functionDeclarations: [{ name: 'sumRange', parameters, response: { type: 'object', properties: { totalSum: { type: 'integer' } } } }] }, { codeExecution: {} }],
        toolConfig: { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['sumRange'] } },
        labels: { userId: '12345', session_id: 's1' },
      },
      generationConfig: { responseMimeType: 'application/json', responseJsonSchema },
    };
    const body = buildGeminiBody(suite({ systemInstruction: undefined, generationConfig: {} }), chat, snake, { kind: 'none' }, 'gemini-2.5-flash');
    expect(body).toEqual({
      model: 'gemini-2.5-flash',
      contents: [
        { role: 'user', parts: [{ text: 'Sum 1..999' }] },
        { role: 'model', parts: [{ function_call: { name: 'sumRange', args: { firstNumber: 1, lastNumber: 999 } } }] },
        { role: 'user', parts: [{ function_response: { name: 'sumRange', response: { totalSum: 499500 } } }] },
      ],
      tools: [{ function_declarations: [{ name: 'sumRange', parameters, response: { type: 'object', properties: { totalSum: { type: 'integer' } } } }] }, { code_execution: {} }],
      tool_config: { function_calling_config: { mode: 'ANY', allowed_function_names: ['sumRange'] } },
      labels: { userId: '12345', session_id: 's1' },
      generation_config: { response_mime_type: 'application/json', response_json_schema: responseJsonSchema },
    });
  });

  it("merges the relay's body: last, as written: mappings by key, anything else replaces", () => {
    const withBody = relay({
      name: 'gptproto',
      preset: 'gptproto',
      apiKey: 'KEY',
      body: { stream: false, generation_config: { audioTimestamp: false, response_modalities: null }, model: 'gemini-2.0-flash' },
    });
    const body = buildGeminiBody(suite(), question, withBody, { kind: 'budget', budget: 1000 }, 'gemini-2.5-flash');
    expect(body).toEqual({
      model: 'gemini-2.0-flash',
      contents: question.contents,
      system_instruction: { parts: [{ text: 'Answer with the number only.' }] },
      generation_config: {
        temperature: 0,
        thinking_config: { thinking_budget: 1000, include_thoughts: true },
        audioTimestamp: false,
        response_modalities: null,
      },
      stream: false,
    });
  });
});
