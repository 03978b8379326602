import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FailureRates } from '../../src/emulator/profiles.js';
import { geminiBody, KEY, readLog, streamUrl, withEmulator } from './helpers.js';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'emulator-faults-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const BODY = geminiBody('Describe a lighthouse.', { thinkingConfig: { includeThoughts: true, thinkingBudget: 512 } });

/** A flaky relay (fast, so faults are all that matters) failing every request one way. */
function flakyConfig(failures: Partial<FailureRates>, stallMs = 200) {
  return {
    relays: [
      {
        name: 'flaky',
        profile: 'flaky' as const,
        overrides: {
          headersMs: { medianMs: 0 },
          prefillMs: { medianMs: 0 },
          thinkingTokensPerS: Number.POSITIVE_INFINITY,
          answerTokensPerS: 5000,
          stallMs,
          failures: { rateLimited: 0, serverError: 0, unavailable: 0, errorAfter200: 0, stall: 0, drop: 0, html: 0, ...failures },
        },
      },
    ],
  };
}

async function failWith(failures: Partial<FailureRates>, sse = true) {
  const logFile = join(folder, 'log.jsonl');
  const outcome = await withEmulator({ seed: 5, logFile, config: flakyConfig(failures) }, async (emulator) => {
    const response = await fetch(streamUrl(emulator.url, 'flaky', 'gemini-2.5-flash', sse), {
      method: 'POST',
      headers: { 'x-goog-api-key': KEY },
      body: JSON.stringify(BODY),
    });
    const text = await response.text().then(
      (body) => ({ body, error: undefined }),
      (error: unknown) => ({ body: undefined, error }),
    );
    return { status: response.status, headers: response.headers, ...text };
  });
  const [record] = await readLog(logFile);
  return { ...outcome, record };
}

describe('flaky faults at rate 1.0', () => {
  it('429 carries Retry-After and RetryInfo', async () => {
    const outcome = await failWith({ rateLimited: 1 });
    expect(outcome.status).toBe(429);
    expect(outcome.headers.get('retry-after')).toBe('2');
    expect(JSON.parse(outcome.body ?? '')).toMatchObject({
      error: {
        code: 429,
        status: 'RESOURCE_EXHAUSTED',
        details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '2s' }],
      },
    });
    expect(outcome.record?.fault).toBe('429');
  });

  it.each([
    [{ serverError: 1 }, 500, 'INTERNAL', '500'],
    [{ unavailable: 1 }, 503, 'UNAVAILABLE', '503'],
  ] as const)('%j answers %i %s', async (failures, status, name, fault) => {
    const outcome = await failWith(failures);
    expect(outcome.status).toBe(status);
    expect(JSON.parse(outcome.body ?? '')).toMatchObject({ error: { code: status, status: name } });
    expect(outcome.record?.fault).toBe(fault);
  });

  it('html answers a proxy 502 page', async () => {
    const outcome = await failWith({ html: 1 });
    expect(outcome.status).toBe(502);
    expect(outcome.headers.get('content-type')).toBe('text/html');
    expect(outcome.body).toContain('<title>502 Bad Gateway</title>');
  });

  it('error-after-200 sends chunks, then a bare error object (SSE)', async () => {
    const outcome = await failWith({ errorAfter200: 1 });
    expect(outcome.status).toBe(200);
    const events = (outcome.body ?? '').split('\r\n\r\n');
    const tail = events.at(-1) ?? '';
    expect(events.length).toBeGreaterThan(1);
    expect(events.slice(0, -1).every((event) => event.startsWith('data: '))).toBe(true);
    expect(JSON.parse(tail)).toMatchObject({ error: { code: 500, status: 'INTERNAL' } });
    expect(outcome.record?.chunkEpochUs.length).toBe(events.length - 1);
  });

  it("error-after-200 in the array framing is the array's last element", async () => {
    const outcome = await failWith({ errorAfter200: 1 }, false);
    const elements = JSON.parse(outcome.body ?? '') as Array<Record<string, unknown>>;
    expect(elements.length).toBeGreaterThan(1);
    expect(elements.at(-1)).toMatchObject({ error: { status: 'INTERNAL' } });
  });

  it('drop destroys the connection mid-body', async () => {
    const outcome = await failWith({ drop: 1 });
    expect(outcome.status).toBe(200);
    expect(outcome.error).toBeInstanceOf(Error);
    expect(outcome.record?.fault).toBe('drop');
    expect(outcome.record?.chunkEpochUs.length).toBeGreaterThan(0);
  });

  it('stall goes silent mid-stream for stallMs, then resumes', async () => {
    const outcome = await failWith({ stall: 1 });
    expect(outcome.status).toBe(200);
    expect(outcome.body?.endsWith('\r\n\r\n')).toBe(true);
    const chunkUs = outcome.record?.chunkEpochUs ?? [];
    const gapsMs = chunkUs.slice(1).map((atUs, index) => (atUs - (chunkUs[index] ?? 0)) / 1000);
    expect(Math.max(...gapsMs)).toBeGreaterThanOrEqual(199);
    expect(outcome.record?.fault).toBe('stall');
  });
});
