import { createRequire } from 'node:module';
import type * as Undici from 'undici';

/**
 * The few undici classes relaybench sends with, loaded from undici's own files instead of its
 * `index.js`. Why: `import 'undici'` evaluates the whole package (fetch, WebSocket, cookies, the
 * mock agents, the cache stores, every interceptor: ~250 CommonJS files), about 100 ms of CPU
 * before the first request, of which a run uses only the dispatchers and `request()`. These files
 * are the ones `index.js` itself requires (undici 7's `index.js`, which has no `exports` map, so
 * deep paths resolve); the objects are the same ones `import 'undici'` returns, so `instanceof`
 * and types agree wherever both are loaded.
 */
const load = createRequire(import.meta.url);

/** undici's `Agent`: one pool per origin (undici docs, "Class: Agent"). */
export const Agent: typeof Undici.Agent = load('undici/lib/dispatcher/agent.js');
/** undici's `Client`: one connection to one origin (undici docs, "Class: Client"). */
export const Client: typeof Undici.Client = load('undici/lib/dispatcher/client.js');
/** undici's `Pool`: several `Client`s to one origin (undici docs, "Class: Pool"). */
export const Pool: typeof Undici.Pool = load('undici/lib/dispatcher/pool.js');
/** undici's `buildConnector`: the TCP/TLS connect function a pool uses (undici docs, "buildConnector"). */
export const buildConnector: typeof Undici.buildConnector = load('undici/lib/core/connect.js');

// What `index.js` does once: give every dispatcher its `request()`, `stream()`, ... methods.
const dispatcherClass: typeof Undici.Dispatcher = load('undici/lib/dispatcher/dispatcher.js');
Object.assign(dispatcherClass.prototype, load('undici/lib/api/index.js'));
const parseUrl: (url: string | URL) => URL = load('undici/lib/core/util.js').parseURL;

/** undici's `ProxyAgent`, loaded on first use: only a relay with `proxy:` needs it. */
export function proxyAgentClass(): typeof Undici.ProxyAgent {
  return load('undici/lib/dispatcher/proxy-agent.js');
}

/** undici's `EnvHttpProxyAgent`, loaded on first use: only when HTTP(S)_PROXY is set. */
export function envHttpProxyAgentClass(): typeof Undici.EnvHttpProxyAgent {
  return load('undici/lib/dispatcher/env-http-proxy-agent.js');
}

/**
 * undici's top-level `request(url, options)` for a request given its dispatcher: the same steps
 * as `makeDispatcher(api.request)` in undici's `index.js` (parse the URL, split origin and path,
 * method GET, or PUT with a body, when unset), then `Dispatcher#request`. Resolves to the
 * response data; rejects with undici's errors, as `request()` does.
 */
export function request(
  url: string | URL,
  options: Omit<Undici.Dispatcher.RequestOptions, 'origin' | 'path' | 'method'> & Partial<Pick<Undici.Dispatcher.RequestOptions, 'method'>> & { dispatcher: Undici.Dispatcher },
): Promise<Undici.Dispatcher.ResponseData> {
  const parsed = parseUrl(url);
  const { dispatcher, ...rest } = options;
  return dispatcher.request({
    ...rest,
    origin: parsed.origin,
    path: parsed.search ? `${parsed.pathname}${parsed.search}` : parsed.pathname,
    method: options.method || (options.body ? 'PUT' : 'GET'),
  });
}
