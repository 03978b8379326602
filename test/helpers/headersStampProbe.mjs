// Run as its own process by test/e2e/headersStamp.test.ts: one process, one clock
// (performance.now()), a loopback server and relaybench's own client (dist/), so no clock offset
// between processes can enter the comparison. Prints JSON: per request, when the server flushed
// the headers, when the response's first bytes became readable on the client's socket (a
// 'readable' listener put ahead of undici's own), and when relaybench stamped the headers.
// Usage: node headersStampProbe.mjs primed|unprimed <requests>
import { subscribe } from 'node:diagnostics_channel';
import { createServer } from 'node:http';
import { sendAttempt } from '../../dist/client/attempt.js';
import { createDispatcher } from '../../dist/client/dispatcher.js';
import { primeHttpParser } from '../../dist/client/primeParser.js';

const [mode = 'primed', countText = '8'] = process.argv.slice(2);
const count = Number(countText);
const flushedAt = new Map();
const readableAt = new Map();
// undici publishes the socket a request is written to; its next 'readable' is the response arriving.
subscribe('undici:client:sendHeaders', ({ request, socket }) => {
  const path = request.path;
  socket.prependOnceListener('readable', () => readableAt.set(path, performance.now()));
});
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.flushHeaders();
    flushedAt.set(request.url, performance.now());
    setTimeout(() => response.end('data: {"candidates":[{"content":{"parts":[{"text":"hi"}]},"finishReason":"STOP"}]}\r\n\r\n'), 20);
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;
if (mode === 'primed') await primeHttpParser();
const timeouts = { connectMs: 5000, firstByteMs: 10000, idleMs: 10000, totalMs: 20000 };
const results = await Promise.all(
  Array.from({ length: count }, async (_, index) => {
    const dispatcher = createDispatcher({ connectTimeoutMs: 5000, proxy: undefined, connections: 1 });
    let headersAtMs;
    const url = `/r${index}/v1beta/models/m:streamGenerateContent?alt=sse`;
    await sendAttempt(
      { method: 'POST', url: base + url, headers: { 'content-type': 'application/json' }, body: '{}' },
      {
        framing: 'sse',
        timeouts,
        maxBodyBytes: 1 << 20,
        dispatcher,
        clock: () => performance.now(),
        signal: undefined,
        redact: (text) => text,
        onStart: () => undefined,
        onEvent: (event) => {
          if (event.type === 'headers') headersAtMs = event.atMs;
        },
      },
    );
    await dispatcher.close();
    return { flushedAtMs: flushedAt.get(url), readableAtMs: readableAt.get(url), headersAtMs };
  }),
);
server.close();
process.stdout.write(JSON.stringify(results));
