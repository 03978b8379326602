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
    expect(body['generationConfig']).toEqual({ thinkingConfig: { thinkingLevel: 'high', includeThoughts: true } });
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
    expect(body['contents']).toEqual(chat.contents);
    expect(body['systemInstruction']).toEqual({ parts: [{ text: 'Be brief.' }] });
  });

  it('an empty case systemInstruction removes the suite one', () => {
    const body = buildGeminiBody(suite(), { ...question, systemInstruction: '' }, camel, { kind: 'none' }, 'm');
    expect(body).not.toHaveProperty('systemInstruction');
  });

  it('snake_cases protocol keys but not user text or responseSchema property names', () => {
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
          property_ordering: ['finalAnswer', 'stepList'],
        },
        thinking_config: { thinking_budget: -1, include_thoughts: true },
      },
    });
  });
});
