import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseEmulatorConfig, type EmulatorConfig } from './config.js';
import { openGroundTruthLog } from './groundTruth.js';
import { createRequestHandler, type EmulatorState } from './handler.js';
import type { AnswerKeyEntry } from './model.js';
import type { Step } from './plan.js';
import { resolveRelays } from './relays.js';
import { createImplicitCache } from './implicitCache.js';

export { loadEmulatorConfig } from './config.js';
export type { EmulatedRelay, EmulatorConfig } from './config.js';

/** How to start an emulator in-process: host, port, seed, config, ground-truth log file and captures to replay. */
export interface EmulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Takes precedence over the config's seed; default 0. */
  seed?: number;
  config?: EmulatorConfig;
  /** Append one ground-truth JSON line per finished request to this file. */
  logFile?: string;
  /** Captured responses to serve by relay name (`emulate --replay`). */
  captures?: ReadonlyMap<string, Step[]>;
}

/** A listening emulator: its base URL and port, and `close`. */
export interface RunningEmulator {
  /** `http://HOST:PORT`, without trailing slash; relays live at `${url}/<relay>`. */
  url: string;
  port: number;
  /** Stops listening, ends every response in flight (stalls too) and flushes the log. */
  close(): Promise<void>;
}

/**
 * Connection reuse matters when a harness pushes hundreds of concurrent streams: keep idle
 * connections longer than any client's pool keeps them, and let headersTimeout exceed it as
 * Node requires.
 */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;
const HEADERS_TIMEOUT_MS = 66_000;
const MAX_CONNECTIONS = 4096;

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/**
 * Starts an emulator HTTP server hosting the configured relays under `/<relay>/`.
 * @throws EmulatorConfigError for an invalid config; rejects with the listen error (EADDRINUSE…).
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const config = parseEmulatorConfig(options.config ?? {});
  const answerKey = new Map<string, AnswerKeyEntry>((config.answerKey ?? []).map((entry) => [entry.prompt.trim(), { correct: entry.correct, wrong: entry.wrong }]));
  const state: EmulatorState = {
    relays: resolveRelays(config),
    answerKey,
    judgeKey: config.judgeKey ?? [],
    seed: options.seed ?? config.seed ?? 0,
    log: options.logFile === undefined ? undefined : openGroundTruthLog(options.logFile),
    active: new Set(),
    closing: false,
    occurrences: new Map(),
    implicitCache: createImplicitCache(),
    ...(options.captures === undefined ? {} : { captures: options.captures }),
  };

  const server = createServer({ noDelay: true, keepAlive: true }, createRequestHandler(state));
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.maxConnections = MAX_CONNECTIONS;

  const host = options.host ?? '127.0.0.1';
  let address: AddressInfo;
  try {
    address = await listen(server, options.port ?? 0, host);
  } catch (error) {
    await state.log?.close();
    throw error;
  }
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  let closed: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    close() {
      closed ??= (async () => {
        state.closing = true;
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        for (const response of [...state.active]) response.abort();
        server.closeAllConnections();
        await stopped;
        await state.log?.close();
      })();
      return closed;
    },
  };
}
