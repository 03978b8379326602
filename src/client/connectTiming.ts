import { subscribe } from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import type { buildConnector as BuildConnector, Dispatcher, Pool as PoolTypes } from 'undici';
import { buildConnector, Client, Pool } from './undici.js';

/**
 * `connect_ms` (docs/metrics.md): the TCP (+TLS) set-up time of the connection a request
 * was sent on, when that connection was opened for it; undefined when a pooled connection was
 * reused. How:
 *
 * 1. Every pool relaybench creates gets a connector wrapped by {@link timedPoolFactory}, which
 *    stamps each new socket with the time its connector was called and the time it returned the
 *    socket (TCP connect, plus the TLS handshake for https, plus the proxy's CONNECT when tunnelled).
 * 2. undici publishes `undici:request:create` synchronously inside `dispatch()` (undici docs,
 *    "Diagnostics Channel"): {@link timeConnect} claims the request object created while its
 *    callback runs, so a request is tied to the attempt that made it without any header.
 * 3. `undici:client:sendHeaders` says which socket a request is written to: the first request
 *    written to a stamped socket gets its set-up time; every later one on it gets nothing (reused).
 *
 * A connection opened for one request but taken by another (a pool race) is charged to the one that
 * used it first. All times are `performance.now()` milliseconds.
 */

interface SocketStamp {
  startMs: number;
  endMs: number;
}

type ConnectCallback = (connectMs: number) => void;

const stamps = new WeakMap<Socket, SocketStamp>();
const usedSockets = new WeakSet<Socket>();
const waiting = new WeakMap<object, ConnectCallback>();
/** The callback of the attempt whose `dispatch()` is running right now, if any (see step 2). */
let claiming: ConnectCallback | undefined;
let subscribed = false;

function subscribeOnce(): void {
  if (subscribed) return;
  subscribed = true;
  subscribe('undici:request:create', (message) => {
    if (claiming === undefined) return;
    waiting.set((message as { request: object }).request, claiming);
    claiming = undefined;
  });
  subscribe('undici:client:sendHeaders', (message) => {
    const { request, socket } = message as { request: object; socket: Socket };
    const callback = waiting.get(request);
    if (callback === undefined) return;
    waiting.delete(request);
    if (usedSockets.has(socket)) return;
    usedSockets.add(socket);
    const stamp = stamps.get(socket);
    if (stamp !== undefined) callback(stamp.endMs - stamp.startMs);
  });
}

/**
 * Runs `send` (which must call undici's `request()` or `dispatch()` synchronously) and reports, via
 * `onConnect`, the set-up time of a connection opened for it. Without `onConnect` it just calls `send`.
 */
export function timeConnect<T>(onConnect: ConnectCallback | undefined, send: () => T): T {
  if (onConnect === undefined) return send();
  subscribeOnce();
  claiming = onConnect;
  try {
    return send();
  } finally {
    claiming = undefined;
  }
}

type Connector = BuildConnector.connector;

/** A connector that stamps every socket it makes with its set-up start and end. */
function timedConnector(base: Connector): Connector {
  return (options, callback) => {
    const startMs = performance.now();
    base(options, (error, socket) => {
      if (socket !== null && error === null) stamps.set(socket as Socket, { startMs, endMs: performance.now() });
      (callback as (error: Error | null, socket: unknown) => void)(error, socket);
    });
  };
}

/**
 * An `Agent`/`ProxyAgent` `factory` that makes undici's usual per-origin dispatcher (a `Client`
 * when `connections` is 1, else a `Pool`) with a timed connector. Behind a `ProxyAgent`, `options.connect`
 * is the tunnelling connector, so the time includes the proxy's TCP set-up and CONNECT round trip.
 */
export function timedPoolFactory(origin: string | URL, options: PoolTypes.Options): Dispatcher {
  const connect = options.connect;
  const base = typeof connect === 'function' ? (connect as Connector) : buildConnector({ ...(options as { tls?: object }).tls, ...(connect ?? {}) } as BuildConnector.BuildOptions);
  const timed = { ...options, connect: timedConnector(base) };
  return options.connections === 1 ? new Client(origin, timed) : new Pool(origin, timed);
}
