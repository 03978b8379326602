import { describe, expect, it } from 'vitest';
import { expandPlan } from '../../src/plan/expand.js';
import { buildHttpRequest } from '../../src/plan/request.js';
import type { HttpRequest } from '../../src/plan/types.js';
import type { ResolvedRelay } from '../../src/suite/types.js';
import { relay, suite } from './fixtures.js';

/** The one request a one-case, one-budget suite sends through `target`. */
function requestFor(target: ResolvedRelay): HttpRequest {
  const [job] = expandPlan(suite({ relays: [target] }));
  if (job === undefined) throw new Error('no job planned');
  return buildHttpRequest(target, job);
}

const CAMEL_BODY =
  '{"contents":[{"role":"user","parts":[{"text":"1+2+3+4+5+....+999?"}]}],' +
  '"systemInstruction":{"parts":[{"text":"Answer with the number only."}]},' +
  '"generationConfig":{"temperature":0,"thinkingConfig":{"thinkingBudget":1024,"includeThoughts":true}}}';

describe('requests as each preset documents them', () => {
  it('google: x-goog-api-key header, alt=sse, camelCase body', () => {
    expect(requestFor(relay({ name: 'google', preset: 'google', apiKey: 'KEY' }))).toEqual({
      method: 'POST',
      url: 'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
      headers: { 'content-type': 'application/json', 'x-goog-api-key': 'KEY' },
      body: CAMEL_BODY,
    });
  });

  it.each([
    ['gptplus5', 'https://az.gptplus5.com'],
    ['quickrouter', 'https://api.quickrouter.ai'],
    ['kkiai', 'https://www.kkiai.com'],
  ] as const)('%s: Bearer header and ?key=, alt=sse, camelCase body', (preset, baseUrl) => {
    expect(requestFor(relay({ name: preset, preset, apiKey: 'sk-123' }))).toEqual({
      method: 'POST',
      url: `${baseUrl}/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse&key=sk-123`,
      headers: { 'content-type': 'application/json', authorization: 'Bearer sk-123' },
      body: CAMEL_BODY,
    });
  });

  it('gptproto: ?key= only, no alt (JSON array), snake_case body naming the model, which the path leaves out', () => {
    expect(requestFor(relay({ name: 'gptproto', preset: 'gptproto', apiKey: 'sk-123' }))).toEqual({
      method: 'POST',
      url: 'https://gptproto.com/v1beta/models/:streamGenerateContent?key=sk-123',
      headers: { 'content-type': 'application/json' },
      body:
        '{"model":"gemini-2.5-flash",' +
        '"contents":[{"role":"user","parts":[{"text":"1+2+3+4+5+....+999?"}]}],' +
        '"system_instruction":{"parts":[{"text":"Answer with the number only."}]},' +
        '"generation_config":{"temperature":0,"thinking_config":{"thinking_budget":1024,"include_thoughts":true}}}',
    });
  });

  it('apigo: x-goog-api-key header, alt=sse, camelCase body', () => {
    expect(requestFor(relay({ name: 'apigo', preset: 'apigo', apiKey: 'KEY' }))).toEqual({
      method: 'POST',
      url: 'https://maas.apigo.ai/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
      headers: { 'content-type': 'application/json', 'x-goog-api-key': 'KEY' },
      body: CAMEL_BODY,
    });
  });
});

describe('relay overrides in the request', () => {
  it('uses the relay model, URL-encodes the key and merges extra headers lower-cased', () => {
    const target = relay({
      name: 'custom',
      baseUrl: 'https://relay.example/',
      apiKey: 'a&b=c',
      auth: ['query', 'header'],
      model: 'gemini-2.5-pro',
      headers: { 'X-Team': 'bench', 'Content-Type': 'application/json; charset=utf-8' },
    });
    const request = requestFor(target);
    expect(request.url).toBe('https://relay.example/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse&key=a%26b%3Dc');
    expect(request.headers).toEqual({
      'content-type': 'application/json; charset=utf-8',
      'x-goog-api-key': 'a&b=c',
      'x-team': 'bench',
    });
  });
});
