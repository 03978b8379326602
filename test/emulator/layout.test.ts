import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { geminiBody, post, streamUrl, withEmulator } from './helpers.js';

const fixture = (name: string) => readFile(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** The JSON layout with every value blanked: what must match Google byte for byte. */
const skeleton = (json: string): string =>
  json.replace(/("(?:[^"\\]|\\.)*")(\s*:)?|-?\d+(?:\.\d+)?/g, (token: string, text?: string, colon?: string) => (colon !== undefined ? token : text !== undefined ? '"S"' : 'N'));

const THOUGHTS = geminiBody('Describe a lighthouse.', { thinkingConfig: { includeThoughts: true, thinkingBudget: 1024 } });

describe('layout matches recorded Google streams', () => {
  it('SSE: thought and answer events have the recorded one-line layout', async () => {
    const recorded = (await fixture('2.5-pro-thought-summaries.sse')).split('\r\n\r\n');
    const emulated = await withEmulator({ seed: 1 }, async (emulator) => (await post(streamUrl(emulator.url, 'instant', 'gemini-2.5-pro'), THOUGHTS)).text.split('\r\n\r\n'));
    const firstAnswer = (events: string[]) => events.find((event) => event.includes('"thoughtSignature"')) ?? '';
    expect(skeleton(emulated[0] ?? '')).toBe(skeleton(recorded[0] ?? ''));
    expect(skeleton(firstAnswer(emulated))).toBe(skeleton(firstAnswer(recorded)));
    expect(emulated.at(-1)).toBe('');
  });

  it('JSON array: the recorded indentation and separators', async () => {
    const recorded = await fixture('flash-latest-thoughts.json-array');
    const emulated = await withEmulator({ seed: 1 }, async (emulator) => (await post(streamUrl(emulator.url, 'instant', 'gemini-2.5-flash', false), THOUGHTS)).text);
    // The recording is of a Gemini 3 model, which adds `serviceTier` and reports thought tokens
    // only from its second chunk on; everything else is laid out the same.
    const firstObject = (text: string) =>
      skeleton(text.split('\n,\r\n')[0] ?? '')
        .replace(/\n *"(serviceTier|thoughtsTokenCount)": [^\n]*/g, '')
        .replace(/,(\n *[}\]])/g, '$1');
    expect(firstObject(emulated)).toBe(firstObject(recorded));
    expect(emulated.endsWith('\n}\n]')).toBe(recorded.endsWith('\n}\n]'));
  });
});
