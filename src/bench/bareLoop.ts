/**
 * The ceiling for Node: a child process that streams the harness's own requests with undici and
 * does nothing else with the bytes. Same suite, same emulator child and profile, same request
 * bodies and sample headers (so the same responses), same concurrency. Prints one JSON line.
 *
 *   node dist/bench/bareLoop.js <suite file> <repeats> <concurrency>
 */
import { Agent, request, type Dispatcher } from 'undici';
import { expandPlan } from '../plan/expand.js';
import { buildHttpRequest } from '../plan/request.js';
import type { HttpRequest } from '../plan/types.js';
import { emulatorSampleHeaders, startEmulatorFor } from '../run/emulatorHost.js';
import { loadSuite } from '../suite/index.js';
import { streamsPerSecond, type StreamSpan } from './throughput.js';
import type { BareLoopResult } from './types.js';

function drain(body: Dispatcher.ResponseData['body']): Promise<number> {
  return new Promise((resolve, reject) => {
    let bytes = 0;
    body.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    body.once('end', () => resolve(bytes));
    body.once('error', reject);
  });
}

async function streamAll(requests: readonly HttpRequest[], concurrency: number, dispatcher: Dispatcher): Promise<BareLoopResult> {
  const spans: StreamSpan[] = [];
  let next = 0;
  let bytes = 0;
  let failures = 0;
  const worker = async (): Promise<void> => {
    for (let current = requests[next++]; current !== undefined; current = requests[next++]) {
      const startEpochMs = performance.timeOrigin + performance.now();
      const response = await request(current.url, { method: current.method, headers: current.headers, body: current.body, dispatcher });
      bytes += await drain(response.body);
      if (response.statusCode !== 200) failures += 1;
      spans.push({ startEpochMs, endEpochMs: performance.timeOrigin + performance.now() });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { streams: spans.length, streams_per_s: streamsPerSecond(spans) ?? null, bytes, failures };
}

async function main(args: readonly string[]): Promise<void> {
  const [suiteFile, repeats, concurrency] = args;
  if (suiteFile === undefined || repeats === undefined || concurrency === undefined) throw new Error('usage: bareLoop.js <suite file> <repeats> <concurrency>');
  const suite = await loadSuite(suiteFile);
  suite.repeats = Number(repeats);
  const jobs = expandPlan(suite);
  const emulator = await startEmulatorFor(suite);
  try {
    const relaysByName = new Map(suite.relays.map((relay) => [relay.name, relay]));
    const requests = jobs.map((job) => {
      const relay = relaysByName.get(job.relay);
      if (relay === undefined) throw new Error(`job ${job.jobId} names unknown relay ${job.relay}`);
      const wire = buildHttpRequest(relay, job);
      return { ...wire, headers: { ...wire.headers, ...emulatorSampleHeaders(relay)?.(job, 1) } };
    });
    const dispatcher = new Agent({ keepAliveTimeout: 30_000 });
    const result = await streamAll(requests, Number(concurrency), dispatcher);
    await dispatcher.close();
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await emulator?.stop();
  }
}

await main(process.argv.slice(2));
