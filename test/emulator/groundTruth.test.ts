import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/server.js';
import { ARITHMETIC_KEY, decodeArray, decodeSse, geminiBody, KEY, post, readLog, streamUrl, withEmulator } from './helpers.js';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'emulator-log-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const FAST = { headersMs: { medianMs: 5 }, prefillMs: { medianMs: 10 }, answerTokensPerS: 4000 };

describe('ground-truth log', () => {
  it('writes one line per request, with chunk times that match what was sent', async () => {
    const logFile = join(folder, 'truth.jsonl');
    const config = { answerKey: ARITHMETIC_KEY, relays: [{ name: 'r', profile: 'honest' as const, overrides: FAST }] };
    const sent = await withEmulator({ seed: 11, logFile, config }, async (emulator) => {
      const thinking = geminiBody('Describe a lighthouse.', { thinkingConfig: { includeThoughts: true, thinkingBudget: 1024 } });
      const sse = await post(streamUrl(emulator.url, 'r'), thinking, { 'x-goog-api-key': KEY, 'x-relaybench-sample': 'job-a/1' });
      const array = await post(streamUrl(emulator.url, 'r', 'gemini-2.5-flash', false), geminiBody('What is 17*23?'));
      const missing = await post(streamUrl(emulator.url, 'r', 'no-such-model'), thinking);
      return [decodeSse(sse.text), decodeArray(array.text), missing.status] as const;
    });
    const [sseChunks, arrayChunks, missingStatus] = sent;
    const records = await readLog(logFile);
    expect(records).toHaveLength(3);
    const [sseRecord, arrayRecord, missingRecord] = records;

    expect(sseRecord).toMatchObject({ relay: 'r', profile: 'honest', sample: 'job-a/1', model: 'gemini-2.5-flash', status: 200, fault: null });
    expect(sseRecord?.chunkEpochUs).toHaveLength(sseChunks.length);
    expect(arrayRecord?.chunkEpochUs).toHaveLength(arrayChunks.length);
    expect(arrayRecord?.sample).toBeNull();
    expect(typeof arrayRecord?.correct).toBe('boolean');
    expect(sseRecord?.correct).toBeNull();

    for (const record of [sseRecord, arrayRecord]) {
      if (record === undefined) throw new Error('missing record');
      const times = [record.receivedEpochUs, record.headersEpochUs ?? 0, ...record.chunkEpochUs, record.endEpochUs];
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(Number.isInteger(record.receivedEpochUs)).toBe(true);
      expect(Math.abs(record.receivedEpochUs / 1000 - Date.now())).toBeLessThan(60_000);
    }
    const lastUsage = sseChunks.at(-1)?.usageMetadata;
    expect(sseRecord?.thoughtTokens).toBe(lastUsage?.thoughtsTokenCount);
    expect(sseRecord?.answerTokens).toBe(lastUsage?.candidatesTokenCount);
    expect(sseRecord?.promptTokens).toBe(lastUsage?.promptTokenCount);

    expect(missingStatus).toBe(404);
    expect(missingRecord).toMatchObject({ status: 404, chunkEpochUs: [], model: 'no-such-model', correct: null });
  });

  it('close() ends a stalled stream promptly and logs it', async () => {
    const logFile = join(folder, 'stall.jsonl');
    const stalling = {
      relays: [
        {
          name: 'stuck',
          profile: 'flaky' as const,
          overrides: { ...FAST, failures: { stall: 1, rateLimited: 0, serverError: 0, unavailable: 0, errorAfter200: 0, drop: 0, html: 0 } },
        },
      ],
    };
    const emulator = await startEmulator({ seed: 2, logFile, config: stalling });
    const response = await fetch(streamUrl(emulator.url, 'stuck'), {
      method: 'POST',
      headers: { 'x-goog-api-key': KEY },
      body: JSON.stringify(geminiBody('Describe a lighthouse.')),
    });
    const reader = response.body?.getReader();
    const first = await reader?.read();
    expect(first?.done).toBe(false);

    const closeStartedMs = performance.now();
    await emulator.close();
    expect(performance.now() - closeStartedMs).toBeLessThan(1000);
    await expect(reader?.read()).rejects.toThrow();

    const [record] = await readLog(logFile);
    expect(record).toMatchObject({ relay: 'stuck', status: 200, fault: 'stall' });
    expect(record?.chunkEpochUs.length).toBeGreaterThan(0);
  });
});
