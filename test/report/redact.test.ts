import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/client/redact.js';

describe('createRedactor', () => {
  const redact = createRedactor(['sk-live-123456', 'key with space&=', undefined, 'abc']);

  it('replaces every configured key, raw and URL-encoded', () => {
    expect(redact('echo sk-live-123456 and sk-live-123456')).toBe('echo [REDACTED] and [REDACTED]');
    expect(redact('url ?x=key%20with%20space%26%3D')).toBe('url ?x=[REDACTED]');
  });

  it('ignores keys too short to redact safely', () => {
    expect(redact('abc def')).toBe('abc def');
  });

  it('catches keys it was never told about, by their shape', () => {
    expect(redact('GET /v1beta/models/x?alt=sse&key=unknownKey123')).toBe('GET /v1beta/models/x?alt=sse&key=[REDACTED]');
    expect(redact('Authorization: Bearer abcdefgh12345678')).toBe('Authorization: Bearer [REDACTED]');
    expect(redact('{"x-goog-api-key":"someOtherKey"}')).toBe('{"x-goog-api-key":"[REDACTED]"}');
    expect(redact(`leaked AIza${'a'.repeat(35)} here`)).toBe('leaked AIza[REDACTED] here');
  });
});
