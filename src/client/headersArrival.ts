import type { Dispatcher } from 'undici';

/**
 * Stamps the moment a response's status line and headers are parsed, inside undici's dispatch
 * (`onResponseStart`, undici ≥ 7 handler API), rather than when `request()`'s promise resolves.
 * Between the two lie a promise hop and whatever else the event loop runs first: at concurrency 32
 * that was 5–12 ms on the first request of each connection (issue #17, item 8).
 *
 * `onArrival` is called once, with the clock's time, for the first final (non-1xx) response.
 */
export function stampHeadersArrival(dispatcher: Dispatcher, clock: () => number, onArrival: (atMs: number) => void): Dispatcher {
  let stamped = false;
  const stamp = (statusCode: number): void => {
    if (stamped || statusCode < 200) return;
    stamped = true;
    onArrival(clock());
  };
  return dispatcher.compose((dispatch) => (options, handler) => dispatch(options, new HeadersStampHandler(handler, stamp)));
}

/** Forwards every call of undici's handler API to the request's own handler, stamping headers first. */
class HeadersStampHandler implements Dispatcher.DispatchHandler {
  constructor(
    private readonly handler: Dispatcher.DispatchHandler,
    private readonly stamp: (statusCode: number) => void,
  ) {}

  onRequestStart(controller: Dispatcher.DispatchController, context: unknown): void {
    this.handler.onRequestStart?.(controller, context);
  }

  onRequestUpgrade(
    controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Parameters<NonNullable<Dispatcher.DispatchHandler['onRequestUpgrade']>>[2],
    socket: import('node:stream').Duplex,
  ): void {
    this.handler.onRequestUpgrade?.(controller, statusCode, headers, socket);
  }

  onResponseStart(
    controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Parameters<NonNullable<Dispatcher.DispatchHandler['onResponseStart']>>[2],
    statusMessage?: string,
  ): void {
    this.stamp(statusCode);
    this.handler.onResponseStart?.(controller, statusCode, headers, statusMessage);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.handler.onResponseData?.(controller, chunk);
  }

  onResponseEnd(controller: Dispatcher.DispatchController, trailers: Parameters<NonNullable<Dispatcher.DispatchHandler['onResponseEnd']>>[1]): void {
    this.handler.onResponseEnd?.(controller, trailers);
  }

  onResponseError(controller: Dispatcher.DispatchController, error: Error): void {
    this.handler.onResponseError?.(controller, error);
  }
}
