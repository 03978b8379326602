import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GroundTruthRecord } from '../../src/emulator/groundTruth.js';
import type { ProfileName } from '../../src/emulator/profiles.js';
import { decodeSse, geminiBody, post, readLog, streamUrl, thoughtText, withEmulator } from './helpers.js';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'emulator-profiles-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** maxOutputTokens keeps the filler answer (and the test) short: thinking counts against it. */
const THINKING = { maxOutputTokens: 400, thinkingConfig: { includeThoughts: true, thinkingBudget: 256 } };

/** One streamed request to a built-in profile, with the chunks and the server's own record. */
async function streamFrom(profile: ProfileName, generationConfig: Record<string, unknown> = THINKING) {
  const logFile = join(folder, `${profile}.jsonl`);
  const text = await withEmulator(
    { seed: 3, logFile },
    async (emulator) => (await post(streamUrl(emulator.url, profile), geminiBody('Describe a lighthouse.', generationConfig))).text,
  );
  const [record] = await readLog(logFile);
  if (record === undefined) throw new Error('no ground-truth record');
  return { chunks: decodeSse(text), record };
}

const firstChunkMs = (record: GroundTruthRecord) => ((record.chunkEpochUs[0] ?? 0) - record.receivedEpochUs) / 1000;
const totalMs = (record: GroundTruthRecord) => (record.endEpochUs - record.receivedEpochUs) / 1000;
const burstMs = (record: GroundTruthRecord) => ((record.chunkEpochUs.at(-1) ?? 0) - (record.chunkEpochUs[0] ?? 0)) / 1000;

describe('profile signatures', () => {
  it('honest streams over time; fake-stream sends every chunk in one burst at the end', async () => {
    const honest = await streamFrom('honest');
    expect(burstMs(honest.record)).toBeGreaterThan(100);
    expect(firstChunkMs(honest.record)).toBeLessThan(totalMs(honest.record) * 0.6);

    const fake = await streamFrom('fake-stream');
    expect(fake.chunks.length).toBeGreaterThan(5);
    expect(burstMs(fake.record)).toBeLessThan(5);
    expect(firstChunkMs(fake.record)).toBeGreaterThan(totalMs(fake.record) * 0.95);
  });

  it('slow has a first token well after honest', async () => {
    const slow = await streamFrom('slow', { maxOutputTokens: 50, thinkingConfig: { thinkingBudget: 0 } });
    expect(firstChunkMs(slow.record)).toBeGreaterThan(700);
  });

  it('instant has no latency but realistic chunking', async () => {
    const instant = await streamFrom('instant', { thinkingConfig: { thinkingBudget: 0 } });
    expect(instant.chunks.length).toBeGreaterThan(5);
    expect(totalMs(instant.record)).toBeLessThan(50);
  });

  it('budget-ignorer thinks past a fixed budget; honest stays within it', async () => {
    const honest = await streamFrom('honest');
    expect(honest.chunks.at(-1)?.usageMetadata?.thoughtsTokenCount).toBeLessThanOrEqual(256);
    const ignorer = await streamFrom('budget-ignorer');
    expect(ignorer.chunks.at(-1)?.usageMetadata?.thoughtsTokenCount).toBeGreaterThan(256);
    expect(ignorer.record.thoughtTokens).toBeGreaterThan(256);
  });

  it('thoughts-stripped sends no thought parts but still bills thought tokens', async () => {
    const stripped = await streamFrom('thoughts-stripped');
    expect(thoughtText(stripped.chunks)).toBe('');
    expect(stripped.chunks.at(-1)?.usageMetadata?.thoughtsTokenCount).toBeGreaterThan(0);
  });

  it('model-swap reports another modelVersion', async () => {
    const swapped = await streamFrom('model-swap');
    const versions = new Set(swapped.chunks.map((chunk) => chunk.modelVersion));
    expect([...versions]).toEqual(['gemini-2.0-flash-lite']);
  });

  it('no-usage leaves usageMetadata out of every chunk', async () => {
    const bare = await streamFrom('no-usage');
    expect(bare.chunks.length).toBeGreaterThan(3);
    expect(bare.chunks.filter((chunk) => 'usageMetadata' in chunk)).toEqual([]);
  });
});
