import { readFile } from 'node:fs/promises';
import type { GeminiChunk } from '../../src/client/types.js';
import type { GroundTruthRecord } from '../../src/emulator/groundTruth.js';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/server.js';

export const KEY = 'test-key';

/** Starts an emulator on 127.0.0.1:0 for one test and always closes it. */
export async function withEmulator<T>(options: EmulatorOptions, use: (emulator: RunningEmulator) => Promise<T>): Promise<T> {
  const emulator = await startEmulator({ host: '127.0.0.1', port: 0, ...options });
  try {
    return await use(emulator);
  } finally {
    await emulator.close();
  }
}

export function geminiBody(prompt: string, generationConfig: Record<string, unknown> = {}): Record<string, unknown> {
  return { contents: [{ role: 'user', parts: [{ text: prompt }] }], generationConfig };
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
}

export async function post(url: string, body: unknown, headers: Record<string, string> = { 'x-goog-api-key': KEY }): Promise<RawResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

export const streamUrl = (base: string, relay: string, model = 'gemini-2.5-flash', sse = true): string =>
  `${base}/${relay}/v1beta/models/${model}:streamGenerateContent${sse ? '?alt=sse' : ''}`;

/** A minimal SSE decoder for Google's framing (`data: <json>` events separated by CRLF CRLF). */
export function decodeSse(text: string): GeminiChunk[] {
  return text
    .split('\r\n\r\n')
    .filter((event) => event.trim() !== '')
    .map((event) => {
      if (!event.startsWith('data: ')) throw new Error(`not an SSE data event: ${event.slice(0, 40)}`);
      return JSON.parse(event.slice('data: '.length)) as GeminiChunk;
    });
}

export const decodeArray = (text: string): GeminiChunk[] => JSON.parse(text) as GeminiChunk[];

export const partsOf = (chunk: GeminiChunk) => chunk.candidates?.[0]?.content?.parts ?? [];

export const thoughtText = (chunks: GeminiChunk[]): string =>
  chunks
    .flatMap(partsOf)
    .filter((part) => part.thought === true)
    .map((part) => part.text ?? '')
    .join('');

export const answerText = (chunks: GeminiChunk[]): string =>
  chunks
    .flatMap(partsOf)
    .filter((part) => part.thought !== true)
    .map((part) => part.text ?? '')
    .join('');

export async function readLog(file: string): Promise<GroundTruthRecord[]> {
  const text = await readFile(file, 'utf8');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as GroundTruthRecord);
}

/** An answer key where the correct and wrong answers are easy to tell apart. */
export const ARITHMETIC_KEY = [
  { prompt: '1+2+3+4+5+....+999?', correct: '499500', wrong: '500500' },
  { prompt: 'What is 17*23?', correct: '391', wrong: '381' },
];
