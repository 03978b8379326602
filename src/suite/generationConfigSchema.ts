import { z } from 'zod';
import { closedObject } from './closedObject.js';
import { positiveInt } from './fieldSchemas.js';

/**
 * The Gemini `GenerationConfig` fields a suite may set. Listing them catches typos before any
 * request is paid for; `thinkingConfig` is owned by the sweep, so it gets its own explanation.
 */
export const generationConfigSchema = closedObject(
  {
    temperature: z.number().min(0).max(2).exactOptional(),
    topP: z.number().min(0).max(1).exactOptional(),
    topK: positiveInt.exactOptional(),
    maxOutputTokens: positiveInt.exactOptional(),
    candidateCount: positiveInt.exactOptional(),
    stopSequences: z.array(z.string()).max(5).exactOptional(),
    seed: z.number().int().exactOptional(),
    presencePenalty: z.number().exactOptional(),
    frequencyPenalty: z.number().exactOptional(),
    responseMimeType: z.string().exactOptional(),
    responseSchema: z.record(z.string(), z.unknown()).exactOptional(),
    responseJsonSchema: z.record(z.string(), z.unknown()).exactOptional(),
    responseModalities: z.array(z.enum(['TEXT', 'IMAGE', 'AUDIO'])).exactOptional(),
    responseLogprobs: z.boolean().exactOptional(),
    logprobs: z.number().int().min(0).exactOptional(),
    mediaResolution: z.enum(['MEDIA_RESOLUTION_UNSPECIFIED', 'MEDIA_RESOLUTION_LOW', 'MEDIA_RESOLUTION_MEDIUM', 'MEDIA_RESOLUTION_HIGH']).exactOptional(),
    enableEnhancedCivicAnswers: z.boolean().exactOptional(),
    speechConfig: z.record(z.string(), z.unknown()).exactOptional(),
    // Vertex AI's GenerationConfig field; gptproto's documented body sends it.
    audioTimestamp: z.boolean().exactOptional(),
  },
  {
    thinkingConfig: {
      message: 'thinkingConfig is set by relaybench for each job',
      hint: 'Use thinkingBudgets or thinkingLevels and includeThoughts at the top level of the suite',
    },
  },
);
