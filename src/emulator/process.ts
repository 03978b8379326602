import type { Readable } from 'node:stream';
import { loadEmulatorConfig, type EmulatorConfig } from './config.js';
import { startEmulator } from './server.js';
import { capturesByRelay } from './captureReplay.js';

/** The `relaybench emulate` flags: where to listen, the config file, seed, ground-truth log, capture files to replay, and whether to stop with stdin. */
export interface EmulatorProcessOptions {
  host: string;
  port: number;
  configFile?: string;
  seed: number;
  logFile?: string;
  /** Capture files (`captures/<job_id>.jsonl`) to serve, each at `/<its relay>`. */
  replayFiles?: string[];
  /**
   * Also stop when stdin ends. A parent that spawns the emulator with a stdin pipe gets it
   * stopped even if the parent is SIGKILLed: the pipe closes when its last writer dies.
   */
  exitWithStdin?: boolean;
}

/** The process-level hooks, injectable so the lifecycle can be tested in-process. */
export interface ProcessIo {
  stdout: NodeJS.WritableStream;
  stdin: Readable;
  signals: Pick<NodeJS.Process, 'once' | 'off'>;
}

const defaultIo = (): ProcessIo => ({ stdout: process.stdout, stdin: process.stdin, signals: process });

/**
 * `relaybench emulate`: serves until SIGINT, SIGTERM or (optionally) the end of stdin, then
 * closes cleanly, ending open streams and flushing the ground-truth log. Prints exactly one line,
 * `listening on http://HOST:PORT`, which a parent process waits for.
 */
export async function runEmulatorProcess(options: EmulatorProcessOptions, io: ProcessIo = defaultIo()): Promise<void> {
  const config: EmulatorConfig = options.configFile === undefined ? {} : await loadEmulatorConfig(options.configFile);
  const emulator = await startEmulator({
    host: options.host,
    port: options.port,
    seed: options.seed,
    config,
    ...(options.logFile === undefined ? {} : { logFile: options.logFile }),
    ...(options.replayFiles === undefined || options.replayFiles.length === 0 ? {} : { captures: capturesByRelay(options.replayFiles) }),
  });
  io.stdout.write(`listening on ${emulator.url}\n`);

  await new Promise<void>((resolve) => {
    const stop = (): void => {
      io.signals.off('SIGINT', stop);
      io.signals.off('SIGTERM', stop);
      io.stdin.off('end', stop);
      io.stdin.off('close', stop);
      resolve();
    };
    io.signals.once('SIGINT', stop);
    io.signals.once('SIGTERM', stop);
    if (options.exitWithStdin === true) {
      io.stdin.once('end', stop);
      io.stdin.once('close', stop);
      io.stdin.resume();
    }
  });
  // A resumed stdin holds the event loop open; the process must be able to exit once closed.
  if (options.exitWithStdin === true) io.stdin.destroy();
  await emulator.close();
}
