import { readFileSync } from 'node:fs';
import { RelaybenchError, fileSystemError } from '../errors/index.js';
import type { Step } from './plan.js';

/** A capture file turned back into the emulator's response steps, served at `/<relay>`. */
export interface CapturedResponse {
  relay: string;
  steps: Step[];
}

const FORMAT = 'relaybench-capture/1';

function bad(file: string, line: number, message: string): RelaybenchError {
  return new RelaybenchError(`${file}:${line}:1  ${message}`, 'flag');
}

/**
 * Reads a capture written by `relaybench run` (`captures/<job_id>.jsonl`, see run/captures.ts) as
 * emulator steps: the status and content type at `headers_at_ms`, each transport chunk's text at its
 * `at_ms`, and the end with the last chunk. Times were measured from the client's t0; the emulator
 * plays them from the moment it has read the request, so a replay measured again differs by the
 * request's upload time (well under a millisecond on 127.0.0.1). Throws a usage error naming
 * file:line for anything that is not a capture.
 */
export function readCapture(file: string): CapturedResponse {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw fileSystemError(error, 'read', file);
  }
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const parsed = lines.map((line, index) => {
    try {
      return JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw bad(file, index + 1, 'not JSON: a capture holds one JSON object per line');
    }
  });
  const header = parsed[0];
  if (header?.format !== FORMAT || typeof header.relay !== 'string') throw bad(file, 1, `not a relaybench capture: the first line needs "format": "${FORMAT}" and a relay`);
  const chunks = parsed.slice(1).map((chunk, index) => {
    if (typeof chunk.at_ms !== 'number' || typeof chunk.text !== 'string') throw bad(file, index + 2, 'a chunk line needs at_ms (a number) and text (a string)');
    return { atMs: Math.max(0, chunk.at_ms), text: chunk.text };
  });
  const status = typeof header.http_status === 'number' ? header.http_status : 200;
  const contentType = typeof header.content_type === 'string' ? header.content_type : 'text/event-stream';
  const firstChunkMs = chunks[0]?.atMs ?? 0;
  const headersMs = typeof header.headers_at_ms === 'number' ? Math.min(Math.max(0, header.headers_at_ms), firstChunkMs) : firstChunkMs;
  const steps: Step[] = [{ kind: 'headers', atMs: headersMs, status, headers: { 'content-type': contentType } }];
  for (const chunk of chunks) steps.push({ kind: 'chunk', atMs: Math.max(chunk.atMs, headersMs), bytes: chunk.text });
  steps.push({ kind: 'end', atMs: Math.max(headersMs, chunks.at(-1)?.atMs ?? headersMs), bytes: undefined });
  return { relay: header.relay, steps };
}

/** Captures by relay name; two captures of one relay are a usage error (which would it serve?). */
export function capturesByRelay(files: readonly string[]): Map<string, Step[]> {
  const byRelay = new Map<string, Step[]>();
  for (const file of files) {
    const capture = readCapture(file);
    if (byRelay.has(capture.relay)) throw new RelaybenchError(`--replay: two captures of relay "${capture.relay}"; give one capture per relay`, 'flag');
    byRelay.set(capture.relay, capture.steps);
  }
  return byRelay;
}
