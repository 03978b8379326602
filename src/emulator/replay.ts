import type { ServerResponse } from 'node:http';
import { epochUs } from './groundTruth.js';
import type { Step } from './plan.js';

/** What actually happened on the wire, stamped as it happened. */
export interface WireTimes {
  status: number | null;
  headersEpochUs: number | null;
  chunkEpochUs: number[];
  endEpochUs: number;
}

/** A response being played on a socket, step by step at its planned times. */
export interface Replay {
  /** Ends the response now (server shutdown): clears its timer and destroys the connection. */
  abort(): void;
}

/**
 * A step is performed when it is due within this margin: Node's timer clock has millisecond
 * granularity, and re-arming for a sub-millisecond remainder would double the timers per chunk.
 * The ground-truth log records the real times, so the margin never makes it lie.
 */
const DUE_MARGIN_MS = 1;

/**
 * Plays a response plan onto a response: steps due now are written at once (a burst is a burst),
 * otherwise a single timer waits for the next one. Honours backpressure by waiting for `drain`.
 */
export function replay(steps: readonly Step[], response: ServerResponse, startMs: number, onFinish: (times: WireTimes) => void): Replay {
  const times: WireTimes = { status: null, headersEpochUs: null, chunkEpochUs: [], endEpochUs: 0 };
  let next = 0;
  let timer: NodeJS.Timeout | undefined;
  let finished = false;

  const finish = (): void => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    times.endEpochUs = epochUs();
    onFinish(times);
  };

  /** Returns false when the socket's buffer is full and writing must wait for `drain`. */
  const perform = (step: Step): boolean => {
    switch (step.kind) {
      case 'info':
        response.writeProcessing();
        return true;
      case 'headers':
        response.writeHead(step.status, step.headers);
        response.flushHeaders();
        times.status = step.status;
        times.headersEpochUs = epochUs();
        return true;
      case 'chunk': {
        const flowing = response.write(step.bytes);
        times.chunkEpochUs.push(epochUs());
        return flowing;
      }
      case 'end':
        response.end(step.bytes);
        finish();
        return true;
      case 'drop':
        response.destroy();
        finish();
        return true;
    }
  };

  const run = (): void => {
    timer = undefined;
    while (!finished) {
      const step = steps[next];
      if (step === undefined) return;
      const waitMs = startMs + step.atMs - performance.now();
      if (waitMs > DUE_MARGIN_MS) {
        timer = setTimeout(run, Math.ceil(waitMs));
        return;
      }
      next++;
      if (!perform(step)) {
        response.once('drain', run);
        return;
      }
    }
  };

  // The client went away (or the server destroyed the socket) before the plan was done.
  response.once('close', finish);
  run();
  return {
    abort() {
      if (finished) return;
      response.destroy();
      finish();
    },
  };
}
