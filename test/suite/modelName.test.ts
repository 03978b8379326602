import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpRequest, expandPlan } from '../../src/plan/index.js';
import { streamUrl } from '../../src/plan/request.js';
import { SuiteError, loadSuite } from '../../src/suite/index.js';
import { modelName } from '../../src/suite/modelName.js';
import { makeTempFolder, type TempFolder } from './tempFiles.js';

describe('model names', () => {
  it.each([
    ['gemini-2.5-flash', 'gemini-2.5-flash'],
    ['models/gemini-2.5-flash', 'gemini-2.5-flash'],
    ['gemini-2.5-flash-preview-05-20', 'gemini-2.5-flash-preview-05-20'],
    ['gemini-2.0-flash-001', 'gemini-2.0-flash-001'],
    ['gemma-3-27b-it', 'gemma-3-27b-it'],
    ['gemini-flash-latest', 'gemini-flash-latest'],
    ['Relay_Custom.v2', 'Relay_Custom.v2'],
    ['g'.repeat(128), 'g'.repeat(128)],
  ])('accepts %s as %s', (written, id) => {
    expect(modelName.parse(written)).toBe(id);
  });

  it.each([
    ['../../admin', '"." at character 1'],
    ['..', '"." at character 1'],
    ['.hidden', '"." at character 1'],
    ['-flag', '"-" at character 1'],
    ['gemini/../../admin', '"/" at character 7'],
    ['models/../x', '"." at character 1'],
    ['models/', 'model is empty'],
    ['gemini?alt=json', '"?" at character 7'],
    ['gemini#x', '"#" at character 7'],
    ['%2e%2e', '"%" at character 1'],
    ['gemini%2fx', '"%" at character 7'],
    ['gemini:generateContent', '":" at character 7'],
    ['gemini 2.5', 'U+0020 at character 7'],
    [' gemini-2.5-flash', 'U+0020 at character 1'],
    ['gemini-2.5-flash\n', 'U+000A at character 17'],
    ['gemini\u20112.5', 'U+2011 at character 7'],
    ['ｇｅｍｉｎｉ', 'U+FF47 at character 1'],
    ['gemini-2.5-flash\u200B', 'U+200B at character 17'],
    ['', 'model is empty'],
    ['tunedModels/my-model-abc', 'tuned models (tunedModels/...) are not supported'],
    ['${MODEL}', 'is not a model id'],
    ['g'.repeat(129), 'model id is 129 characters long'],
  ])('refuses %j (%s)', (written, message) => {
    const result = modelName.safeParse(written);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(message);
  });
});

describe('request URLs', () => {
  it.each([
    ['http://127.0.0.1:9', 'gemini-2.5-flash', 'http://127.0.0.1:9/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse&key=k%26x%3D1%23y'],
    ['http://127.0.0.1:9/base/', 'gemini-2.5-flash', 'http://127.0.0.1:9/base/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse&key=k%26x%3D1%23y'],
    ['http://127.0.0.1:9/base?tenant=a', 'm', 'http://127.0.0.1:9/base/v1beta/models/m:streamGenerateContent?tenant=a&alt=sse&key=k%26x%3D1%23y'],
    ['http://127.0.0.1:9/a b', 'm', 'http://127.0.0.1:9/a%20b/v1beta/models/m:streamGenerateContent?alt=sse&key=k%26x%3D1%23y'],
    // Defence in depth: were a bad id ever to reach here, it stays one encoded segment.
    ['http://127.0.0.1:9/base', 'a/b?c#d', 'http://127.0.0.1:9/base/v1beta/models/a%2Fb%3Fc%23d:streamGenerateContent?alt=sse&key=k%26x%3D1%23y'],
  ])('%s + %s', (baseUrl, model, url) => {
    expect(streamUrl(baseUrl, model, new URLSearchParams({ alt: 'sse', key: 'k&x=1#y' }))).toBe(url);
  });
});

describe('loadSuite: model names with file:line:col, suite and relay override', () => {
  let folder: TempFolder;
  beforeAll(async () => {
    folder = await makeTempFolder();
  });
  afterAll(async () => {
    await folder.remove();
  });
  const suite = (model: string, relayModel?: string): string =>
    `name: m\nmodel: ${JSON.stringify(model)}\nrelays:\n  - { name: r, baseUrl: "http://127.0.0.1:9/base", apiKey: k${relayModel === undefined ? '' : `, model: ${JSON.stringify(relayModel)}`} }\ncases:\n  - { id: x, prompt: hi }\n`;

  it('refuses ../../admin in the suite and in a relay override, where it was written', async () => {
    for (const [name, text, where] of [
      ['suite.yaml', suite('../../admin'), '2:8 model'],
      ['relay.yaml', suite('gemini-2.5-flash', '../../admin'), '4:70 relays[0].model'],
    ] as const) {
      const file = await folder.write(name, text);
      const error = await loadSuite(file, { env: {} }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SuiteError);
      const issue = (error as SuiteError).issues[0];
      expect(`${issue?.line}:${issue?.col} ${issue?.path}`).toBe(where);
      expect(issue?.message).toContain('would change the request URL');
    }
  });

  it('builds /base/v1beta/models/<id> from a models/ prefixed name', async () => {
    const loaded = await loadSuite(await folder.write('ok.yaml', suite('models/gemini-2.5-flash')), { env: {} });
    const [job] = expandPlan(loaded);
    expect(job?.model).toBe('gemini-2.5-flash');
    expect(buildHttpRequest(loaded.relays[0]!, job!).url).toBe('http://127.0.0.1:9/base/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
  });

  it('refuses a baseUrl with a #fragment', async () => {
    const text = suite('gemini-2.5-flash').replace('/base"', '/base#x"');
    const error = await loadSuite(await folder.write('frag.yaml', text), { env: {} }).catch((caught: unknown) => caught);
    expect((error as SuiteError).issues.map((issue) => issue.message)).toEqual(['a baseUrl cannot hold a #fragment: it is never sent to the server']);
  });
});
