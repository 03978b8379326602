import { createWriteStream } from 'node:fs';
import type { Fault } from './faults.js';

/**
 * The emulator's own record of each request: when it really sent headers and each chunk. A
 * harness's measurements are checked against it, so times are epoch microseconds taken right
 * AFTER each write call returned (the bytes were handed to the socket or its buffer).
 */
export interface GroundTruthRecord {
  /** Null when the path named no relay this server hosts. */
  relay: string | null;
  profile: string | null;
  /** The `x-relaybench-sample` header, or null. */
  sample: string | null;
  model: string | null;
  /** The status sent; null when the connection ended before any headers. */
  status: number | null;
  fault: Fault | null;
  /** When Node had parsed the request line and headers (before the body was read). */
  receivedEpochUs: number;
  headersEpochUs: number | null;
  chunkEpochUs: number[];
  endEpochUs: number;
  thoughtTokens: number;
  answerTokens: number;
  promptTokens: number;
  correct: boolean | null;
}

/**
 * Epoch time in µs from the monotonic clock: `performance.timeOrigin + performance.now()`, so
 * gaps between stamps are exact even if the wall clock is adjusted while the server runs.
 */
export function epochUs(): number {
  return Math.round((performance.timeOrigin + performance.now()) * 1000);
}

/** The ground-truth log file (`emulate --log FILE`): one {@link GroundTruthRecord} JSON line per finished request. */
export interface GroundTruthLog {
  append(record: GroundTruthRecord): void;
  /** Flushes every line appended so far; rejects if any write failed. */
  close(): Promise<void>;
}

/** Appends JSON lines through one stream: writes are queued, never blocking the event loop. */
export function openGroundTruthLog(file: string): GroundTruthLog {
  const stream = createWriteStream(file, { flags: 'a' });
  let failure: Error | undefined;
  stream.on('error', (error) => {
    failure ??= error;
  });
  return {
    append(record) {
      if (failure === undefined) stream.write(`${JSON.stringify(record)}\n`);
    },
    close() {
      return new Promise((resolve, reject) => {
        const settle = () => (failure === undefined ? resolve() : reject(failure));
        if (stream.closed) settle();
        else {
          stream.once('close', settle);
          stream.end();
        }
      });
    },
  };
}
