import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReplayRoute {
  /** Path prefix, e.g. `/pro`: requests to `/pro/v1beta/...` get this body. */
  prefix: string;
  status?: number;
  contentType: string;
  /** The body, split where the server pauses. */
  pieces: Uint8Array[];
  gapMs: number;
  /** Extra response headers (e.g. `content-encoding`). */
  headers?: Record<string, string>;
}

export interface ReplayServer {
  url: string;
  /** Requests received, with their path and headers, for asserting what the client sent. */
  requests: Array<{ url: string; headers: Record<string, string | string[] | undefined>; body: string }>;
  /** performance.timeOrigin-based epoch ms at which each piece of each request was written. */
  writes: Map<string, number[]>;
  /** Per route, the epoch ms at which each request's headers were flushed, in arrival order. */
  headerWrites: Map<string, number[]>;
  /** Per route, the epoch ms at which each request arrived (its headers parsed), in arrival order. */
  requestArrivals: Map<string, number[]>;
  /**
   * Per route, the epoch ms taken just before each response's headers were written: with
   * `headerWrites` (taken just after) it brackets the write, since a busy machine can pause this
   * process between the write and either stamp.
   */
  headerWritesBefore: Map<string, number[]>;
  close(): Promise<void>;
}

/** A local server that replays recorded bodies piece by piece with a fixed pause between pieces. */
export async function startReplayServer(routes: ReplayRoute[]): Promise<ReplayServer> {
  const requests: ReplayServer['requests'] = [];
  const writes = new Map<string, number[]>();
  const headerWrites = new Map<string, number[]>();
  const requestArrivals = new Map<string, number[]>();
  const headerWritesBefore = new Map<string, number[]>();
  const server: Server = createServer((request, response) => {
    const arrivedAt = performance.timeOrigin + performance.now();
    let body = '';
    request.on('data', (data: Buffer) => (body += data.toString()));
    request.on('end', () => {
      requests.push({ url: request.url ?? '', headers: request.headers, body });
      const route = routes.find((candidate) => request.url?.startsWith(`${candidate.prefix}/`));
      if (route === undefined) {
        response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"code":404,"message":"no route","status":"NOT_FOUND"}}');
        return;
      }
      const times: number[] = [];
      writes.set(route.prefix, times);
      requestArrivals.set(route.prefix, [...(requestArrivals.get(route.prefix) ?? []), arrivedAt]);
      headerWritesBefore.set(route.prefix, [...(headerWritesBefore.get(route.prefix) ?? []), performance.timeOrigin + performance.now()]);
      response.writeHead(route.status ?? 200, { 'content-type': route.contentType, ...route.headers });
      response.flushHeaders();
      const headerTimes = headerWrites.get(route.prefix) ?? [];
      headerTimes.push(performance.timeOrigin + performance.now());
      headerWrites.set(route.prefix, headerTimes);
      let index = 0;
      const next = (): void => {
        const piece = route.pieces[index];
        if (piece === undefined) {
          response.end();
          return;
        }
        response.write(piece);
        times.push(performance.timeOrigin + performance.now());
        index += 1;
        setTimeout(next, route.gapMs);
      };
      setTimeout(next, route.gapMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    writes,
    headerWrites,
    requestArrivals,
    headerWritesBefore,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Splits a recorded body at event boundaries: SSE blank lines, or the array framing's `\n,\r\n`. */
export function splitEvents(body: Uint8Array, framing: 'sse' | 'json-array'): Uint8Array[] {
  const text = Buffer.from(body).toString('latin1');
  const separator = framing === 'sse' ? /(?<=\r?\n\r?\n)/ : /(?<=\n,\r\n)/;
  return text
    .split(separator)
    .filter((piece) => piece !== '')
    .map((piece) => new Uint8Array(Buffer.from(piece, 'latin1')));
}
