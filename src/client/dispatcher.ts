import type { Dispatcher } from 'undici';
import { Agent, envHttpProxyAgentClass, proxyAgentClass } from './undici.js';
import { timedPoolFactory } from './connectTiming.js';

/** One relay's connection pool settings: connect timeout in ms, proxy URL, and the most sockets per origin. */
export interface DispatcherOptions {
  connectTimeoutMs: number;
  /** Explicit proxy URL for this relay; when absent, HTTPS_PROXY / HTTP_PROXY / NO_PROXY are honoured. */
  proxy: string | undefined;
  /** Upper bound on sockets per origin: the relay's concurrency cap. */
  connections: number | undefined;
}

/**
 * One connection pool per relay, so keep-alive sockets are reused across its jobs and one relay's
 * connect timeout or proxy never applies to another.
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const common = {
    connect: { timeout: options.connectTimeoutMs },
    // Streams can be long; per-request timeouts are set on each request instead.
    keepAliveTimeout: 30_000,
    // Stamps each new connection with its set-up time, for connect_ms (see connectTiming.ts).
    factory: timedPoolFactory,
    ...(options.connections === undefined ? {} : { connections: options.connections }),
  };
  if (options.proxy !== undefined) return new (proxyAgentClass())({ uri: options.proxy, ...common });
  const env = process.env;
  const hasEnvProxy = Boolean(env.HTTPS_PROXY ?? env.https_proxy ?? env.HTTP_PROXY ?? env.http_proxy);
  return hasEnvProxy ? new (envHttpProxyAgentClass())(common) : new Agent(common);
}
