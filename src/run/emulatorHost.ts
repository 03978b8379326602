import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { stringify as stringifyYaml } from 'yaml';
import { exemplarAnswer, wrongAnswer } from '../grade/exemplar.js';
import { judgeNodesOf, rubricOf } from '../grade/judge/judge.js';
import type { Job } from '../plan/types.js';
import type { ResolvedRelay, Suite } from '../suite/types.js';

/** The built CLI, from src/run or dist/run alike: the emulator always runs from the build. */
const CLI_PATH = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/**
 * The running emulator child process of a run: its base `url` (the `http://…` it printed on
 * listening; each emulated relay is served under `/<relay name>`) and `stop()`, which sends SIGTERM (SIGKILL after
 * 3 s) and removes its temporary config folder. README.md#the-emulator.
 */
export interface EmulatorHost {
  url: string;
  stop(): Promise<void>;
}

/** The header the emulator seeds each sample from, so repeats differ and a job replays identically. */
export function emulatorSampleHeaders(relay: ResolvedRelay): ((job: Job, attempt: number) => Record<string, string>) | undefined {
  if (relay.emulator === undefined) return undefined;
  return (job, attempt) => ({ 'x-relaybench-sample': `${job.jobId}/${attempt}` });
}

/** The emulator's answer key: for each case it can grade, a right and a wrong answer. */
export function answerKeyOf(suite: Suite): Array<{ prompt: string; correct: string; wrong: string }> {
  const key: Array<{ prompt: string; correct: string; wrong: string }> = [];
  suite.cases.forEach((testCase, index) => {
    if (testCase.prompt === undefined || testCase.expect === undefined) return;
    const correct = exemplarAnswer(testCase.expect);
    if (correct === undefined) return;
    key.push({ prompt: testCase.prompt, correct, wrong: wrongAnswer(testCase.expect, suite.seed + index) });
  });
  return key;
}

/**
 * The emulator's judge key: each judged case's question and rubric with the facts a passing answer
 * holds (`facts:`), so an emulated judge relay can grade without a model (emulator/judge.ts).
 */
export function judgeKeyOf(suite: Suite): Array<{ question: string; rubric: string; facts?: string[] }> {
  return suite.cases.flatMap((testCase) =>
    judgeNodesOf(testCase.expect).map((node) => {
      const rubric = rubricOf(node);
      return { question: testCase.prompt ?? '', rubric: rubric.rubric, ...(rubric.facts === undefined ? {} : { facts: rubric.facts }) };
    }),
  );
}

/** Relays the run sends to: the suite's, plus a judge relay written inline under `judge:`. */
function relaysSentTo(suite: Suite): ResolvedRelay[] {
  return suite.judge?.inlineRelay === true ? [...suite.relays, suite.judge.relay] : suite.relays;
}

/**
 * Starts the built-in emulator in a child process (never in the harness's event loop, which would
 * distort what it measures) for every relay with `emulator:`, and points those relays at it.
 * The child exits with its parent: it watches its stdin, which closes when we die, even on SIGKILL.
 */
export async function startEmulatorFor(suite: Suite, options: { logFile?: string } = {}): Promise<EmulatorHost | undefined> {
  const emulated = relaysSentTo(suite).filter((relay) => relay.emulator !== undefined);
  if (emulated.length === 0) return undefined;
  const folder = mkdtempSync(join(tmpdir(), 'relaybench-emulator-'));
  // YAML, not JSON: an override may be `.inf` (no delay), which JSON cannot carry.
  const configFile = join(folder, 'emulator.yaml');
  const config = {
    seed: suite.seed,
    relays: emulated.map((relay) => ({
      name: relay.name,
      profile: relay.emulator,
      preset: relay.preset ?? 'google',
      // The relay's own key channels, which may differ from its preset's.
      auth: relay.auth,
      apiKey: relay.apiKey,
      ...(relay.emulatorOverrides === undefined ? {} : { overrides: relay.emulatorOverrides }),
    })),
    answerKey: answerKeyOf(suite),
    judgeKey: judgeKeyOf(suite),
  };
  writeFileSync(configFile, stringifyYaml(config));
  const args = [CLI_PATH, 'emulate', '--port', '0', '--config', configFile, '--seed', String(suite.seed), '--exit-with-stdin'];
  if (options.logFile !== undefined) args.push('--log', options.logFile);
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let url: string;
  try {
    url = await waitForListening(child);
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  for (const relay of emulated) relay.baseUrl = `${url}/${relay.name}`;
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

function waitForListening(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr?.on('data', (data: Buffer) => {
      stderr += data.toString();
    });
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      const match = /listening on (http:\/\/\S+)/.exec(line);
      if (match?.[1] !== undefined) {
        lines.close();
        child.stdout?.resume();
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`the emulator exited (code ${code}) before listening: ${stderr.trim()}`)));
    child.once('error', reject);
  });
}
