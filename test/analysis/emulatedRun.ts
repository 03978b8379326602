import type { RunManifest } from '../../src/analysis/index.js';
import { createStreamDecoder } from '../../src/client/decode/index.js';
import { findModel } from '../../src/suite/modelCatalog.js';
import { planResponse } from '../../src/emulator/plan.js';
import { PROFILES, applyOverrides, type ProfileName, type ProfileOverrides } from '../../src/emulator/profiles.js';
import { createRandom, hashString, seedFrom } from '../../src/emulator/random.js';
import { parseGenerateRequest } from '../../src/emulator/request.js';
import { resolveThinking } from '../../src/emulator/thinking.js';
import { createMetricsFold } from '../../src/metrics/fold.js';
import { createHonestySignals } from '../../src/metrics/honestySignals.js';
import type { RequestRow } from '../../src/runfolder/columns.js';
import { toRequestRow } from '../../src/run/toRow.js';
import type { JobDetail } from '../../src/runfolder/details.js';
import type { StreamFraming } from '../../src/suite/types.js';

/**
 * A whole run against emulated relays, in process and without sockets: each request goes through
 * the emulator's planner, its planned bytes through the real decoder, metrics fold and honesty
 * signals at their planned times, into the rows and details a real run writes. So the verdicts
 * are tested on exactly what the profiles produce, purely and fast.
 */
export interface EmulatedRelay {
  name: string;
  profile: ProfileName;
  overrides?: ProfileOverrides;
  framing?: StreamFraming;
  reference?: boolean;
}

export const MODEL = 'gemini-2.5-flash';
export const CASES = [
  { id: 'sum', prompt: '1+2+...+999?', correct: '499500', wrong: '500500' },
  { id: 'product', prompt: 'What is 137 * 24?', correct: '3288', wrong: '3188' },
  { id: 'squares', prompt: 'Sum of the squares of 1 to 10?', correct: '385', wrong: '386' },
  { id: 'paragraph', prompt: 'Explain what an API relay does.', correct: undefined, wrong: undefined },
] as const;

export interface EmulatedRunOptions {
  relays: EmulatedRelay[];
  budgets?: number[];
  repeats?: number;
  generationConfig?: Record<string, unknown>;
  seed?: number;
}

export function emulatedRun(options: EmulatedRunOptions): { rows: RequestRow[]; details: JobDetail[]; manifest: RunManifest } {
  const budgets = options.budgets ?? [0, 1024];
  const repeats = options.repeats ?? 3;
  const generationConfig = options.generationConfig ?? { maxOutputTokens: 4096, stopSequences: ['\n\n'] };
  const answerKey = new Map(
    CASES.flatMap((testCase) => (testCase.correct === undefined ? [] : [[testCase.prompt, { correct: testCase.correct, wrong: testCase.wrong }] as const])),
  );
  const spec = findModel(MODEL);
  if (spec === undefined) throw new Error('model missing from the catalog');
  const rows: RequestRow[] = [];
  const details: JobDetail[] = [];
  for (const relay of options.relays) {
    const profile = applyOverrides(PROFILES[relay.profile], relay.overrides);
    const framing = relay.framing ?? 'sse';
    for (const testCase of CASES) {
      for (const budget of budgets) {
        for (let repeat = 1; repeat <= repeats; repeat++) {
          const body = JSON.stringify({
            contents: [{ role: 'user', parts: [{ text: testCase.prompt }] }],
            generationConfig: { ...generationConfig, thinkingConfig: { thinkingBudget: budget, includeThoughts: true } },
          });
          const parsed = parseGenerateRequest(body);
          if (!parsed.ok) throw new Error(parsed.error.message);
          const thinking = resolveThinking(MODEL, spec, parsed.request.thinking);
          if ('code' in thinking) throw new Error(thinking.message);
          const random = createRandom(seedFrom(options.seed ?? 1, relay.name, MODEL, hashString(body), String(repeat)));
          const plan = planResponse({ profile, model: spec, stream: true, framing, request: parsed.request, thinking, answerKey }, random);
          const jobId = `${relay.name}-${testCase.id}-${budget}-${repeat}`;
          const fold = createMetricsFold(0);
          const honesty = createHonestySignals(framing);
          let atMs = 0;
          const decoder = createStreamDecoder({
            framing,
            onItem: (item) => {
              if (item.type === 'chunk') {
                fold.add({ type: 'chunk', atMs, chunk: item.chunk });
                honesty.add({ type: 'chunk', atMs, chunk: item.chunk });
              }
            },
            onProblem: () => undefined,
          });
          for (const step of plan.steps) {
            atMs = step.atMs;
            if (step.kind === 'info') honesty.addInfoStatus(step.status);
            else if (step.kind === 'headers') fold.add({ type: 'headers', atMs, status: step.status, contentType: step.headers['content-type'] });
            else if ((step.kind === 'chunk' || step.kind === 'end') && step.bytes !== undefined) {
              const bytes = new TextEncoder().encode(step.bytes);
              honesty.addBytes(bytes);
              decoder.feed(bytes);
            }
          }
          decoder.end();
          fold.add({ type: 'end', atMs });
          const metrics = fold.result();
          const signals = honesty.result();
          const pass = testCase.correct === undefined ? undefined : metrics.answerText.trim() === testCase.correct;
          const row = toRequestRow({
            runId: 'emulated',
            suite: 'emulated',
            job: { jobId, caseId: testCase.id, relay: relay.name, model: MODEL, thinking: { kind: 'budget', budget }, repeat, body: {} },
            startedAtIso: '2026-01-01T00:00:00.000Z',
            metrics,
            failure: undefined,
            httpStatus: 200,
            attempts: 1,
            retryNote: undefined,
            grade: pass === undefined ? undefined : { pass, score: pass ? 1 : 0, reason: pass ? 'correct' : 'wrong' },
          });
          rows.push(row);
          details.push({
            job_id: jobId,
            relay: relay.name,
            error_shape: undefined,
            timeout: undefined,
            mid_stream: undefined,
            retry_wait_ms: 0,
            usage_present: metrics.usagePresent,
            thought_text: undefined,
            t0_epoch_ms: 0,
            text_chunks: signals.textChunks,
            piece_chars_median: signals.pieceCharsMedian,
            piece_gap_ms_median: signals.pieceGapMsMedian,
            usage_static: signals.usageStatic,
            restarts: signals.restarts,
            framing_faults: signals.framingFaults,
          });
        }
      }
    }
  }
  const manifest: RunManifest = {
    config: {
      model: MODEL,
      includeThoughts: true,
      generationConfig,
      relays: options.relays.map((relay) => ({ name: relay.name, emulator: relay.profile, reference: relay.reference ?? false })),
    },
  };
  return { rows, details, manifest };
}
