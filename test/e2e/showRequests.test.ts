import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/** `relaybench validate --show-requests`: each relay's first request as it would be sent, keys redacted, nothing sent. */
const SUITES = fileURLToPath(new URL('../fixtures/seed-requests/suites/', import.meta.url));
const KEY = 'sk-show-0123456789abcdef';
// Nothing listens on port 9 (discard): a request sent by mistake would fail the run, not pass.
const ENV = { SEED_BASE_URL: 'http://127.0.0.1:9', SEED_API_KEY: KEY };

describe('validate --show-requests', () => {
  it('prints method, URL, headers and body of the first job, keys redacted', async () => {
    const result = await runCli(['validate', `${SUITES}gptplus5.yaml`, '--show-requests'], { env: ENV });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain(KEY);
    expect(result.stdout).toMatch(/── gptplus5: job [0-9a-f]{16} \(case sum-1-999, thinking budget 26240, repeat 1\)\n/);
    expect(result.stdout).toContain(
      'POST http://127.0.0.1:9/gptplus5/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse&key=[REDACTED]\n' +
        'content-type: application/json\n' +
        'authorization: Bearer [REDACTED]\n',
    );
    const body = /\n(\{\n[\s\S]*\n\})\n\(sent as compact JSON, (\d+) bytes\)/.exec(result.stdout);
    expect(body).not.toBeNull();
    expect(JSON.parse(body![1]!)).toMatchObject({ tools: [], systemInstruction: { role: 'user', parts: [{ text: 'hi' }] } });
    expect(Number(body![2])).toBe(JSON.stringify(JSON.parse(body![1]!)).length);
  });

  it('says which body: fields are sent unchecked, and shows them in the snake_case body', async () => {
    const result = await runCli(['validate', `${SUITES}gptproto.yaml`, '--show-requests'], { env: ENV });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain(KEY);
    expect(result.stdout).toContain('note: relay gptproto body: adds stream, generation_config as written; relaybench does not check these fields');
    expect(result.stdout).toContain('POST http://127.0.0.1:9/gptproto/v1beta/models/:streamGenerateContent?key=[REDACTED]\n');
    expect(result.stdout).toContain('"stream": false');
    expect(result.stdout).toContain('"cached_content": "cached content"');
  });

  it('without the flag prints the plan only', async () => {
    const result = await runCli(['validate', `${SUITES}apigo.yaml`], { env: ENV });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('POST ');
  });
});
