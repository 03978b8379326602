import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/client/redact.js';
import { describeRequests } from '../../src/plan/describeRequests.js';
import { expandPlan } from '../../src/plan/expand.js';
import { relay, suite } from './fixtures.js';

describe('describeRequests', () => {
  it("shows each relay's first job, hiding keys and headers whose name says they hold a secret", () => {
    const relays = [
      relay({
        name: 'custom',
        baseUrl: 'https://relay.example',
        apiKey: 'sk-live-abcdef',
        auth: ['query', 'header'],
        headers: { 'X-Api-Token': 'tok-other-secret', 'X-Team': 'bench' },
      }),
      relay({ name: 'proto', preset: 'gptproto', apiKey: 'sk-live-abcdef', body: { stream: false } }),
    ];
    const target = suite({ relays, repeats: 2 });
    const text = describeRequests(target, expandPlan(target), createRedactor(relays.map((entry) => entry.apiKey)));
    expect(text).not.toMatch(/sk-live|tok-other/);
    expect(text.split('── ')).toHaveLength(3);
    expect(text).toContain('POST https://relay.example/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse&key=[REDACTED]\n');
    expect(text).toContain('x-goog-api-key: [REDACTED]\nx-api-token: [REDACTED]\nx-team: bench\n');
    expect(text).toContain('(case sum-1-999, thinking budget 1024, repeat 1)');
    expect(text).toContain('"stream": false');
  });
});
