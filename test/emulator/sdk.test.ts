import { ApiError, GoogleGenAI } from '@google/genai';
import { describe, expect, it } from 'vitest';
import { KEY, withEmulator } from './helpers.js';

/** Google's own SDK is the strictest judge of "speaks the protocol faithfully". */
describe('emulator against @google/genai', () => {
  it('streams thought parts, answer, usage that adds up and modelVersion', async () => {
    await withEmulator({ seed: 7 }, async (emulator) => {
      const ai = new GoogleGenAI({ apiKey: KEY, httpOptions: { baseUrl: `${emulator.url}/honest` } });
      const stream = await ai.models.generateContentStream({
        model: 'gemini-2.5-flash',
        contents: 'Explain why the sky is blue.',
        config: { thinkingConfig: { includeThoughts: true, thinkingBudget: 1024 } },
      });
      const chunks = [];
      for await (const chunk of stream) chunks.push(chunk);

      const parts = chunks.flatMap((chunk) => chunk.candidates?.[0]?.content?.parts ?? []);
      const thoughts = parts.filter((part) => part.thought === true);
      const answers = parts.filter((part) => part.thought !== true);
      expect(thoughts.length).toBeGreaterThan(0);
      expect(answers.map((part) => part.text).join('').length).toBeGreaterThan(200);
      expect(answers[0]?.thoughtSignature).toMatch(/^[A-Za-z0-9+/]+=*$/);

      for (const chunk of chunks) {
        expect(chunk.modelVersion).toBe('gemini-2.5-flash');
        const usage = chunk.usageMetadata;
        expect(usage).toBeDefined();
        expect((usage?.promptTokenCount ?? 0) + (usage?.candidatesTokenCount ?? 0) + (usage?.thoughtsTokenCount ?? 0)).toBe(usage?.totalTokenCount);
      }
      const last = chunks.at(-1);
      expect(last?.candidates?.[0]?.finishReason).toBe('STOP');
      expect(last?.usageMetadata?.thoughtsTokenCount).toBeGreaterThan(0);
      expect(last?.usageMetadata?.thoughtsTokenCount).toBeLessThanOrEqual(1024);
    });
  });

  it('gets a 400 INVALID_ARGUMENT for budget 0 on gemini-2.5-pro', async () => {
    await withEmulator({ seed: 7 }, async (emulator) => {
      const ai = new GoogleGenAI({ apiKey: KEY, httpOptions: { baseUrl: `${emulator.url}/honest` } });
      const attempt = ai.models.generateContentStream({
        model: 'gemini-2.5-pro',
        contents: 'hello',
        config: { thinkingConfig: { thinkingBudget: 0 } },
      });
      const error = await attempt.then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(400);
      expect((error as ApiError).message).toContain('Budget 0 is invalid');
    });
  });

  it('answers the unary generateContent with one merged response', async () => {
    await withEmulator({ seed: 7 }, async (emulator) => {
      const ai = new GoogleGenAI({ apiKey: KEY, httpOptions: { baseUrl: `${emulator.url}/honest` } });
      const response = await ai.models.generateContent({
        model: 'gemini-2.5-flash',
        contents: 'Write about rivers.',
        config: { thinkingConfig: { includeThoughts: true, thinkingBudget: 512 } },
      });
      const parts = response.candidates?.[0]?.content?.parts ?? [];
      expect(parts.map((part) => part.thought === true)).toEqual([true, false]);
      expect(response.text?.length).toBeGreaterThan(200);
      expect(response.candidates?.[0]?.finishReason).toBe('STOP');
    });
  });
});

describe('relaybench decodes what the SDK decodes', () => {
  it('gets identical answer text, thought text and token counts as @google/genai for the same sample', async () => {
    const { Agent } = await import('undici');
    const { sendAttempt } = await import('../../src/client/attempt.js');
    const { createRedactor } = await import('../../src/client/redact.js');
    const { createMetricsFold } = await import('../../src/metrics/index.js');
    const { DEFAULT_TIMEOUTS } = await import('../../src/suite/index.js');
    type Fold = ReturnType<typeof createMetricsFold>;

    await withEmulator({ seed: 11 }, async (emulator) => {
      const sample = { 'x-relaybench-sample': 'same-sample/1' };
      const config = { thinkingConfig: { includeThoughts: true, thinkingBudget: 512 } };
      const ai = new GoogleGenAI({ apiKey: KEY, httpOptions: { baseUrl: `${emulator.url}/honest`, headers: sample } });
      // The emulator seeds each response from the request body: capture the SDK's exact bytes so
      // relaybench sends the same request and must get the same response.
      let sdkBody = '';
      const realFetch = globalThis.fetch;
      globalThis.fetch = (input, init) => {
        if (typeof init?.body === 'string') sdkBody = init.body;
        return realFetch(input, init);
      };
      const chunks = [];
      try {
        const stream = await ai.models.generateContentStream({ model: 'gemini-2.5-flash', contents: 'Why do rivers meander?', config });
        for await (const chunk of stream) chunks.push(chunk);
      } finally {
        globalThis.fetch = realFetch;
      }
      expect(sdkBody).toContain('Why do rivers meander?');
      const parts = chunks.flatMap((chunk) => chunk.candidates?.[0]?.content?.parts ?? []);
      const sdkUsage = chunks.at(-1)?.usageMetadata;

      const dispatcher = new Agent();
      let fold: Fold | undefined;
      const outcome = await sendAttempt(
        {
          method: 'POST',
          url: `${emulator.url}/honest/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse`,
          headers: { 'content-type': 'application/json', 'x-goog-api-key': KEY, ...sample },
          body: sdkBody,
        },
        {
          framing: 'sse',
          timeouts: DEFAULT_TIMEOUTS,
          maxBodyBytes: 1 << 24,
          dispatcher,
          clock: () => performance.now(),
          signal: undefined,
          redact: createRedactor([]),
          onStart: (t0Ms) => {
            fold = createMetricsFold(t0Ms);
          },
          onEvent: (event) => fold?.add(event),
        },
      );
      await dispatcher.close();
      expect(outcome.failure).toBeUndefined();
      const metrics = fold?.result();
      expect(metrics?.answerText).toBe(
        parts
          .filter((part) => part.thought !== true)
          .map((part) => part.text ?? '')
          .join(''),
      );
      expect(metrics?.thoughtText).toBe(
        parts
          .filter((part) => part.thought === true)
          .map((part) => part.text ?? '')
          .join(''),
      );
      expect(metrics?.answerText.length).toBeGreaterThan(100);
      expect([metrics?.promptTokens, metrics?.thoughtTokens, metrics?.answerTokens, metrics?.totalTokens]).toEqual([
        sdkUsage?.promptTokenCount,
        sdkUsage?.thoughtsTokenCount,
        sdkUsage?.candidatesTokenCount,
        sdkUsage?.totalTokenCount,
      ]);
      expect(metrics?.chunks).toBe(chunks.length);
    });
  });
});
