import { describe, expect, it } from 'vitest';
import type { EmulatorConfig } from '../../src/emulator/config.js';
import { geminiBody, post, withEmulator } from './helpers.js';

const SECRET = 'right-key';

const CONFIG: EmulatorConfig = {
  relays: [
    { name: 'google', profile: 'instant', preset: 'google', apiKey: SECRET },
    { name: 'plus', profile: 'instant', preset: 'gptplus5', apiKey: SECRET },
    { name: 'proto', profile: 'instant', preset: 'gptproto', apiKey: SECRET },
    { name: 'open', profile: 'instant' },
    { name: 'custom', profile: 'instant', preset: 'google', auth: ['bearer'] },
  ],
};

const url = (base: string, relay: string, query = '') => `${base}/${relay}/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse${query}`;

async function statusOf(relay: string, headers: Record<string, string>, query = ''): Promise<{ status: number; error: unknown }> {
  return withEmulator({ config: CONFIG }, async (emulator) => {
    const response = await post(url(emulator.url, relay, query), geminiBody('hi'), headers);
    const error = response.status === 200 ? undefined : (JSON.parse(response.text) as { error: unknown }).error;
    return { status: response.status, error };
  });
}

describe('auth per preset shape', () => {
  it('google: x-goog-api-key works, a wrong key is 403, none is 401', async () => {
    expect((await statusOf('google', { 'x-goog-api-key': SECRET })).status).toBe(200);
    const wrong = await statusOf('google', { 'x-goog-api-key': 'nope' });
    expect(wrong.status).toBe(403);
    expect(wrong.error).toMatchObject({ code: 403, status: 'PERMISSION_DENIED' });
    const missing = await statusOf('google', {});
    expect(missing.status).toBe(401);
    expect(missing.error).toMatchObject({ code: 401, status: 'UNAUTHENTICATED' });
  });

  it('google: an API key sent as Bearer is rejected with 401, as the real API does', async () => {
    const bearer = await statusOf('google', { authorization: `Bearer ${SECRET}` });
    expect(bearer.status).toBe(401);
    expect(JSON.stringify(bearer.error)).toContain('Expected OAuth 2 access token');
    const both = await statusOf('google', { authorization: `Bearer ${SECRET}`, 'x-goog-api-key': SECRET });
    expect(both.status).toBe(401);
  });

  it('google: a key only in the query is where the preset does not send it, so it counts as missing', async () => {
    expect((await statusOf('google', {}, `&key=${SECRET}`)).status).toBe(401);
  });

  it('gptplus5: Bearer and ?key= are accepted, x-goog-api-key is not', async () => {
    expect((await statusOf('plus', { authorization: `Bearer ${SECRET}` }, `&key=${SECRET}`)).status).toBe(200);
    expect((await statusOf('plus', { authorization: `Bearer ${SECRET}` })).status).toBe(200);
    expect((await statusOf('plus', {}, `&key=${SECRET}`)).status).toBe(200);
    expect((await statusOf('plus', { authorization: 'Bearer nope' }, `&key=${SECRET}`)).status).toBe(403);
    expect((await statusOf('plus', { 'x-goog-api-key': SECRET })).status).toBe(401);
  });

  it('gptproto: only ?key=', async () => {
    expect((await statusOf('proto', {}, `&key=${SECRET}`)).status).toBe(200);
    expect((await statusOf('proto', {}, '&key=nope')).status).toBe(403);
    expect((await statusOf('proto', { authorization: `Bearer ${SECRET}` })).status).toBe(401);
  });

  it('without apiKey any non-empty key is accepted, an empty one is not', async () => {
    expect((await statusOf('open', { 'x-goog-api-key': 'anything' })).status).toBe(200);
    expect((await statusOf('open', { 'x-goog-api-key': '' })).status).toBe(401);
  });

  it('an auth override replaces the preset channels', async () => {
    expect((await statusOf('custom', { authorization: 'Bearer anything' })).status).toBe(200);
    expect((await statusOf('custom', { 'x-goog-api-key': 'anything' })).status).toBe(401);
  });
});
