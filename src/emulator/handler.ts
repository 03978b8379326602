import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkAuth } from './auth.js';
import { findModel } from '../suite/modelCatalog.js';
import { invalidArgument, modelNotFound, notFound, rateLimited } from './errors.js';
import type { Admission } from './capacity.js';
import { epochUs, type GroundTruthLog } from './groundTruth.js';
import type { AnswerKey } from './model.js';
import type { JudgeKeyEntry } from './judge.js';
import { errorPlan, planResponse, type ResponsePlan, type Step } from './plan.js';
import { createRandom, hashString, seedFrom } from './random.js';
import type { RelayRuntime } from './relays.js';
import { replay, type Replay } from './replay.js';
import { parseGenerateRequest } from './request.js';
import { resolveThinking } from './thinking.js';
import type { ImplicitCache } from './implicitCache.js';

/** Everything a request needs from the server that hosts it. */
export interface EmulatorState {
  relays: ReadonlyMap<string, RelayRuntime>;
  answerKey: AnswerKey;
  /** Rubrics and their facts: judge requests are answered from them (judge.ts). */
  judgeKey?: readonly JudgeKeyEntry[];
  seed: number;
  log: GroundTruthLog | undefined;
  /** Responses in flight, so that close() can end them (stalls included). */
  active: Set<Replay>;
  closing: boolean;
  /** Per (relay, model, body): how many requests came without a sample header, so repeats differ. */
  occurrences: Map<string, number>;
  /** Prompt prefixes seen, for implicit caching (absent: no caching). */
  implicitCache?: ImplicitCache;
  /** Captured responses by relay name (`emulate --replay`): served as recorded to every request. */
  captures?: ReadonlyMap<string, Step[]>;
}

// The model segment may be empty: gptproto's documented URL names the model in the body instead.
const ROUTE = /^\/([^/]+)\/v1(?:beta)?\/models\/([^/:]*):(streamGenerateContent|generateContent)$/;
const SAMPLE_HEADER = 'x-relaybench-sample';
/** Google's own request size limit. */
const MAX_BODY_BYTES = 20 * 1024 * 1024;

/** Resolves null when the body is over the limit (the rest is drained, not buffered). */
function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    request.on('data', (part: Buffer) => {
      size += part.length;
      if (size <= MAX_BODY_BYTES) parts.push(part);
    });
    request.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(parts).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * Seeded from the server seed, the relay, the model and the body, plus the harness's sample
 * header: the same sample replays byte for byte, different samples of one request differ.
 */
function requestSeed(state: EmulatorState, relay: string, model: string, body: string, sample: string | null): number {
  const bodyHash = hashString(body);
  if (sample !== null) return seedFrom(state.seed, relay, model, bodyHash, sample);
  const key = `${relay}\u0000${model}\u0000${bodyHash}`;
  const occurrence = (state.occurrences.get(key) ?? 0) + 1;
  state.occurrences.set(key, occurrence);
  return seedFrom(state.seed, relay, model, bodyHash, `#${occurrence}`);
}

function planFor(
  state: EmulatorState,
  relay: RelayRuntime,
  route: { model: string; method: string },
  request: IncomingMessage,
  url: URL,
  body: string | null,
  sample: string | null,
): ResponsePlan & { served?: true } {
  const authError = checkAuth(relay, request.headers, url.searchParams);
  if (authError !== null) return errorPlan(authError);
  const spec = findModel(route.model);
  if (spec === undefined) return errorPlan(modelNotFound(route.model, 'generateContent'));
  if (body === null) return errorPlan(invalidArgument(`Request payload size exceeds the limit: ${MAX_BODY_BYTES} bytes.`));
  const parsed = parseGenerateRequest(body);
  if (!parsed.ok) return errorPlan(parsed.error);
  const thinking = resolveThinking(route.model, spec, parsed.request.thinking);
  if ('code' in thinking) return errorPlan(thinking);
  const random = createRandom(requestSeed(state, relay.name, route.model, body, sample));
  const served = planResponse(
    {
      profile: relay.profile,
      model: spec,
      stream: route.method === 'streamGenerateContent',
      framing: url.searchParams.get('alt') === 'sse' ? 'sse' : 'json-array',
      request: parsed.request,
      thinking,
      answerKey: state.answerKey,
      ...(state.judgeKey === undefined ? {} : { judgeKey: state.judgeKey }),
      ...(state.implicitCache === undefined ? {} : { cache: state.implicitCache.lookup(relay.name, route.model, parsed.request.promptKey ?? '', parsed.request.promptTokens) }),
    },
    random,
  );
  // Only a request the model would serve takes a place in the relay's capacity (capacity.ts).
  return { ...served, served: true };
}

/**
 * The HTTP handler of an emulator: routes `/<relay>/v1beta/models/<model>:streamGenerateContent`
 * (and `:generateContent`) to the relay's profile, checks auth and the request as Google does,
 * then plays the planned response (chunks at their planned times, faults) and logs its ground
 * truth. Errors are answered in Google's JSON shape; nothing is thrown.
 */
export function createRequestHandler(state: EmulatorState) {
  const handle = (request: IncomingMessage, response: ServerResponse, body: string | null, receivedMs: number, receivedEpochUs: number): void => {
    if (state.closing || response.destroyed) {
      response.destroy();
      return;
    }
    const url = new URL(request.url ?? '/', 'http://emulator.invalid');
    const match = ROUTE.exec(url.pathname);
    const relayName = match?.[1] ?? url.pathname.split('/')[1] ?? '';
    const relay = state.relays.get(relayName);
    const sampleHeader = request.headers[SAMPLE_HEADER];
    const sample = typeof sampleHeader === 'string' ? sampleHeader : null;
    const model = match?.[2] === '' ? modelInBody(body) : (match?.[2] ?? null);
    const method = match?.[3];

    let plan: ResponsePlan & { served?: true };
    const captured = state.captures?.get(relayName);
    if (captured !== undefined) {
      plan = { steps: captured, fault: null, promptTokens: 0, thoughtTokens: 0, answerTokens: 0, correct: null };
    } else if (relay === undefined) {
      plan = errorPlan(notFound(`No emulated relay at /${relayName}. This emulator serves: ${[...state.relays.keys()].join(', ')}.`));
    } else if (model === null || method === undefined || request.method !== 'POST') {
      plan = errorPlan(notFound('Method not found.'));
    } else {
      plan = planFor(state, relay, { model, method }, request, url, body, sample);
    }

    const play = (steps: ResponsePlan, startMs: number, admission: Admission | undefined): void => {
      let finished = false;
      let inFlight: Replay | undefined;
      inFlight = replay(steps.steps, response, startMs, (times) => {
        finished = true;
        admission?.release();
        if (inFlight !== undefined) state.active.delete(inFlight);
        state.log?.append({
          relay: relay?.name ?? null,
          profile: relay?.profileName ?? null,
          sample,
          model,
          status: times.status,
          fault: steps.fault,
          receivedEpochUs,
          headersEpochUs: times.headersEpochUs,
          chunkEpochUs: times.chunkEpochUs,
          endEpochUs: times.endEpochUs,
          thoughtTokens: steps.thoughtTokens,
          answerTokens: steps.answerTokens,
          promptTokens: steps.promptTokens,
          correct: steps.correct,
        });
      });
      if (!finished) state.active.add(inFlight);
    };

    const gate = relay?.gate;
    if (gate === undefined || plan.served !== true || relay === undefined) {
      play(plan, receivedMs, undefined);
      return;
    }
    // A capacity-limited relay: served now, queued (its plan starts when a slot frees), or 429.
    let gone = false;
    const placeholder: Replay = { abort: () => response.destroy() };
    response.once('close', () => {
      gone = true;
      state.active.delete(placeholder);
    });
    state.active.add(placeholder);
    const served = plan;
    const admitted = gate.admit(
      (admission) => {
        state.active.delete(placeholder);
        if (gone || state.closing) {
          admission.release();
          return;
        }
        play(served, performance.now(), admission);
      },
      () => gone || state.closing,
    );
    if (!admitted) {
      state.active.delete(placeholder);
      play({ ...errorPlan(rateLimited(relay.profile.retryAfterS)), fault: '429' }, receivedMs, undefined);
    }
  };

  return (request: IncomingMessage, response: ServerResponse): void => {
    const receivedMs = performance.now();
    const receivedEpochUs = epochUs();
    readBody(request).then(
      (body) => handle(request, response, body, receivedMs, receivedEpochUs),
      () => response.destroy(),
    );
  };
}

/** The `model` a request body names (`gemini-2.0-flash` or `models/gemini-2.0-flash`), for a path without one. */
function modelInBody(body: string | null): string | null {
  if (body === null) return null;
  try {
    const parsed: unknown = JSON.parse(body);
    const model = parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>).model : undefined;
    return typeof model === 'string' && model !== '' ? model.replace(/^models\//, '') : null;
  } catch {
    return null;
  }
}
