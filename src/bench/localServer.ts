import { startEmulatorFor, type EmulatorHost } from '../run/emulatorHost.js';
import { loadSuite } from '../suite/index.js';

/**
 * The "local server" of issue 18's timings: the emulator's instant profile, started by the bench in
 * its own child process (never in the bench's event loop) before `relaybench run` is spawned, with
 * its ground-truth log (`--log`), so the run meets a server that is already up, as a user's relay
 * is. The log's receive and end times are what start-up and post-run are measured against.
 */
export interface LocalServer {
  /** The emulated relay's base URL, e.g. `http://127.0.0.1:PORT/instant`. */
  relayBaseUrl: string;
  /** Stops the server and flushes its log (the emulator closes the log before it exits). */
  stop(): Promise<void>;
}

/**
 * Starts the emulator for `emulatedSuiteFile` (the bench's instant suite: one relay named
 * `instant`), appending one ground-truth line per request to `logFile`. Throws when the suite does
 * not load or the emulator does not start.
 */
export async function startLocalServer(emulatedSuiteFile: string, logFile: string): Promise<LocalServer> {
  const suite = await loadSuite(emulatedSuiteFile);
  const host: EmulatorHost | undefined = await startEmulatorFor(suite, { logFile });
  const relay = suite.relays[0];
  if (host === undefined || relay === undefined) throw new Error(`${emulatedSuiteFile}: no emulated relay to serve`);
  return { relayBaseUrl: relay.baseUrl, stop: () => host.stop() };
}
