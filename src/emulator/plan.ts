import type { StreamFraming } from '../suite/types.js';
import type { ModelSpec } from '../suite/modelCatalog.js';
import { mergedResponse, planChunks, type ChunkOptions, type ResponseIdentity } from './chunks.js';
import { BAD_GATEWAY_HTML, googleErrorBody, googleErrorObject, internalError, rateLimited, unavailable, type GoogleError } from './errors.js';
import { functionCallPart } from './functionCall.js';
import { faultChunkIndex, isMidStream, pickFault, type Fault } from './faults.js';
import { CONTENT_TYPE, frameChunks, frameMidStreamError, prettyJson } from './framing.js';
import { runModel, type AnswerKey } from './model.js';
import type { JudgeKeyEntry } from './judge.js';
import { inflateUsage, repace, repeatFinalUsage, splice, type TimedChunks } from './misbehaviour.js';
import { OVERRIDE_MAX_OUTPUT_TOKENS, type Profile } from './profiles.js';
import type { Random } from './random.js';
import { tokensIn } from './text.js';
import type { GenerateRequest } from './request.js';
import type { ThinkingMode } from './thinking.js';
import { planTiming, type TimingPlan } from './timing.js';
import type { CacheOutcome } from './implicitCache.js';

/**
 * A whole response decided before its first byte: what to write and when, in ms after the request
 * was received. The server only replays the steps, so everything a seed reproduces lives here.
 */
export type Step =
  | { kind: 'headers'; atMs: number; status: number; headers: Readonly<Record<string, string>> }
  | { kind: 'chunk'; atMs: number; bytes: string }
  | { kind: 'end'; atMs: number; bytes: string | undefined }
  | { kind: 'drop'; atMs: number }
  /** An informational status (102 Processing) before the response's own. */
  | { kind: 'info'; atMs: number; status: number };

/** Everything a response will do on the wire, as timed steps, plus its fault and token counts for the ground-truth log. */
export interface ResponsePlan {
  steps: Step[];
  fault: Fault | null;
  promptTokens: number;
  thoughtTokens: number;
  answerTokens: number;
  correct: boolean | null;
}

/** What a response is planned from: the relay's profile, the model, the framing, the parsed request, the thinking mode and the answer/judge keys. */
export interface PlanInput {
  profile: Profile;
  model: ModelSpec;
  stream: boolean;
  framing: StreamFraming;
  request: GenerateRequest;
  thinking: ThinkingMode;
  answerKey: AnswerKey;
  /** Rubrics the emulator can judge (judge.ts); absent: none. */
  judgeKey?: readonly JudgeKeyEntry[];
  /** The implicit cache's verdict on this prompt; absent = no caching. */
  cache?: CacheOutcome;
}

/** Headers Google's front end adds to every response. */
const FRONT_END_HEADERS = {
  vary: 'Origin, X-Origin, Referer',
  server: 'scaffolding on HTTPServer2',
  'x-xss-protection': '0',
  'x-frame-options': 'SAMEORIGIN',
  'x-content-type-options': 'nosniff',
} as const;

const SUCCESS_HEADERS: Readonly<Record<StreamFraming, Readonly<Record<string, string>>>> = {
  sse: { 'content-type': CONTENT_TYPE.sse, 'content-disposition': 'attachment', ...FRONT_END_HEADERS },
  'json-array': { 'content-type': CONTENT_TYPE['json-array'], ...FRONT_END_HEADERS },
};

const SIGNATURE_BYTES = 180;
const RESPONSE_ID_BYTES = 17;

const NGINX_HEADERS = { 'content-type': 'text/html', server: 'nginx' } as const;

function headersStep(atMs: number, status: number, base: Readonly<Record<string, string>>, body: string): Step {
  return { kind: 'headers', atMs, status, headers: { ...base, 'content-length': String(Buffer.byteLength(body)) } };
}

function errorSteps(error: GoogleError, atMs: number): Step[] {
  const body = googleErrorBody(error);
  const base = { 'content-type': CONTENT_TYPE['json-array'], ...FRONT_END_HEADERS, ...error.headers };
  return [headersStep(atMs, error.code, base, body), { kind: 'end', atMs, bytes: body }];
}

/** A request refused before the model runs (auth, routing, validation). */
export function errorPlan(error: GoogleError): ResponsePlan {
  return { steps: errorSteps(error, 0), fault: null, promptTokens: 0, thoughtTokens: 0, answerTokens: 0, correct: null };
}

function streamSteps(input: PlanInput, bodies: readonly unknown[], timing: TimingPlan, fault: Fault | null, faultAt: number): Step[] {
  const frames = frameChunks(bodies, input.framing);
  const chunkAtMs = timing.chunkAtMs.map((atMs, index) => (fault === 'stall' && index >= faultAt ? atMs + input.profile.stallMs : atMs));
  const cutAt = fault === 'error-after-200' || fault === 'drop' ? faultAt : frames.length;
  const steps: Step[] = [{ kind: 'headers', atMs: timing.headersAtMs, status: 200, headers: SUCCESS_HEADERS[input.framing] }];
  for (let index = 0; index < cutAt; index++) {
    steps.push({ kind: 'chunk', atMs: chunkAtMs[index] ?? timing.headersAtMs, bytes: frames[index] ?? '' });
  }
  const endAtMs = chunkAtMs[Math.min(cutAt, chunkAtMs.length - 1)] ?? timing.headersAtMs;
  if (fault === 'drop') steps.push({ kind: 'drop', atMs: endAtMs });
  else if (fault === 'error-after-200') {
    steps.push({ kind: 'end', atMs: endAtMs, bytes: frameMidStreamError(googleErrorObject(internalError()), input.framing, cutAt) });
  } else steps.push({ kind: 'end', atMs: endAtMs, bytes: undefined });
  return steps;
}

/** `generateContent`: nothing is sent until the whole response exists. */
function unarySteps(body: unknown, timing: TimingPlan, fault: Fault | null, stallMs: number): Step[] {
  const endAtMs = (timing.chunkAtMs.at(-1) ?? timing.headersAtMs) + (fault === 'stall' ? stallMs : 0);
  if (fault === 'drop') return [{ kind: 'drop', atMs: endAtMs }];
  const bytes = `${prettyJson(fault === 'error-after-200' ? googleErrorObject(internalError()) : body)}\n`;
  return [headersStep(endAtMs, 200, SUCCESS_HEADERS['json-array'], bytes), { kind: 'chunk', atMs: endAtMs, bytes }, { kind: 'end', atMs: endAtMs, bytes: undefined }];
}

/** The request as the relay forwards it: its channel's system prompt and generationConfig override applied. */
function forwardedRequest(request: GenerateRequest, profile: Profile): GenerateRequest {
  if (profile.injectedSystemPrompt === '' && !profile.overridesGenerationConfig) return request;
  return {
    ...request,
    promptTokens: request.promptTokens + (profile.injectedSystemPrompt === '' ? 0 : tokensIn(profile.injectedSystemPrompt)),
    ...(profile.overridesGenerationConfig ? { maxOutputTokens: OVERRIDE_MAX_OUTPUT_TOKENS, stopSequences: [] } : {}),
  };
}

/** One upstream attempt: the model's output, its chunks and when each is due. */
function generate(input: PlanInput, request: GenerateRequest, showThoughts: boolean, random: Random) {
  const { profile } = input;
  const modelOutput = runModel(
    {
      promptText: request.promptText,
      thinking: input.thinking,
      maxOutputTokens: request.maxOutputTokens,
      stopSequences: request.stopSequences ?? [],
      answerKey: input.answerKey,
      ...(request.jsonAnswer === true && input.judgeKey !== undefined ? { judgeKey: input.judgeKey } : {}),
      skill: input.model.skill - profile.accuracyPenalty,
      honoursBudget: profile.honoursBudget,
      budgetOverrun: profile.budgetOverrun,
      wrongOn: profile.wrongOn,
      withSummaries: showThoughts,
    },
    random,
  );
  // A request declaring function tools gets its answer as a function call carrying it.
  const functionCall = request.declaredFunction === undefined ? undefined : functionCallPart(request.declaredFunction, modelOutput.answerText);
  const output = functionCall === undefined ? modelOutput : { ...modelOutput, answerTokens: tokensIn(JSON.stringify(functionCall.functionCall)) };
  const identity: ResponseIdentity = {
    modelVersion: profile.reportedModel ?? input.model.version,
    responseId: Buffer.from(random.bytes(RESPONSE_ID_BYTES)).toString('base64url'),
    thoughtSignature: output.thoughtTokens > 0 ? Buffer.from(random.bytes(SIGNATURE_BYTES)).toString('base64') : undefined,
  };
  const options: ChunkOptions = {
    promptTokens: request.promptTokens,
    cachedTokens: input.cache?.cachedTokens ?? 0,
    showThoughts,
    omitUsage: profile.omitUsage,
    tokensPerChunk: profile.tokensPerChunk,
    ...(functionCall === undefined ? {} : { functionCall }),
  };
  const chunks = planChunks(output, identity, options);
  const timing = planTiming(profile, chunks, random, input.cache?.prefillMs ?? 0);
  return { output, identity, options, chunks, timing };
}

/** The relay's usage rewriting, applied to one upstream attempt's chunks. */
function relayUsage(profile: Profile, timed: TimedChunks): TimedChunks {
  let bodies = timed.bodies;
  if (profile.usageInflation !== 1) bodies = inflateUsage(bodies, profile.usageInflation);
  if (profile.usageRepeated) bodies = repeatFinalUsage(bodies);
  return { bodies, atMs: timed.atMs };
}

function misbehaves(profile: Profile): boolean {
  return profile.repace !== null || profile.usageInflation !== 1 || profile.usageRepeated || profile.hiddenRetry > 0;
}

/** A `data: [DONE]` after the stream and a 102 keep-alive before it, when the profile sends them. */
function driftFraming(steps: Step[], profile: Profile, framing: StreamFraming): Step[] {
  let out = steps;
  if (profile.doneMarker && framing === 'sse') {
    out = out.map((step) => (step.kind === 'end' && step.bytes === undefined ? { ...step, bytes: 'data: [DONE]\r\n\r\n' } : step));
  }
  if (profile.keepAlive102) out = [{ kind: 'info', atMs: 0, status: 102 }, ...out];
  return out;
}

/**
 * Plans one response: the model's output, cut into chunks, paced by the profile's latencies and
 * token rates, with the profile's misbehaviours (fake streaming, re-pacing, dropped thoughts,
 * swapped model, faults such as 429, 5xx, errors after 200, stalls and drops). Pure given `random`.
 */
export function planResponse(plannedInput: PlanInput, random: Random): ResponsePlan {
  const { profile } = plannedInput;
  const input = profile.sseWhenArray && plannedInput.stream ? { ...plannedInput, framing: 'sse' as const } : plannedInput;
  const request = forwardedRequest(input.request, profile);
  const showThoughts = request.thinking.includeThoughts && !profile.stripsThoughts;
  const first = generate(input, request, showThoughts, random);
  let { output } = first;
  const { identity, options, chunks, timing } = first;
  const fault = pickFault(profile.failures, random);
  let faultAt = faultChunkIndex(chunks.length, random);

  let streamed: TimedChunks = { bodies: chunks.map((chunk) => chunk.body), atMs: timing.chunkAtMs };
  if (input.stream && misbehaves(profile)) {
    streamed = relayUsage(profile, streamed);
    if (profile.hiddenRetry > 0 && random.chance(profile.hiddenRetry) && fault === null) {
      const piecesSent = random.int(1, Math.max(1, streamed.bodies.length - 1));
      const second = generate(input, request, showThoughts, random);
      output = second.output;
      streamed = splice(streamed, piecesSent, relayUsage(profile, { bodies: second.chunks.map((chunk) => chunk.body), atMs: second.timing.chunkAtMs }));
    }
    if (profile.repace !== null) streamed = repace(streamed, profile.repace);
    faultAt = Math.min(faultAt, Math.max(0, streamed.bodies.length - 1));
  }

  let steps: Step[];
  if (fault === '429') steps = errorSteps(rateLimited(profile.retryAfterS), timing.headersAtMs);
  else if (fault === '500') steps = errorSteps(internalError(), timing.headersAtMs);
  else if (fault === '503') steps = errorSteps(unavailable(), timing.headersAtMs);
  else if (fault === 'html') {
    steps = [headersStep(timing.headersAtMs, 502, NGINX_HEADERS, BAD_GATEWAY_HTML), { kind: 'end', atMs: timing.headersAtMs, bytes: BAD_GATEWAY_HTML }];
  } else if (input.stream) steps = streamSteps(input, streamed.bodies, { headersAtMs: timing.headersAtMs, chunkAtMs: streamed.atMs }, fault, faultAt);
  else steps = unarySteps(mergedResponse(output, identity, options), timing, fault, profile.stallMs);

  // A refused request produced nothing; a stream that failed midway was still generated.
  const delivered = fault === null || isMidStream(fault);
  return {
    steps: driftFraming(steps, profile, input.framing),
    fault,
    promptTokens: request.promptTokens,
    thoughtTokens: delivered ? output.thoughtTokens : 0,
    answerTokens: delivered ? output.answerTokens : 0,
    correct: delivered ? output.correct : null,
  };
}
