import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_PATH, runCli } from '../helpers/cli.js';

/**
 * A capture is reproducible evidence: `relaybench emulate --replay` serves it as recorded, and a run
 * against that emulator measures the same chunks, text and tokens, with timings close to the
 * original's (the tolerance here is loose because the test machine is shared; the README shows the
 * differences measured on a quiet machine).
 */
let emulator: ChildProcess | undefined;

afterAll(() => {
  emulator?.kill('SIGTERM');
});

function startReplay(file: string): Promise<string> {
  emulator = spawn(process.execPath, [CLI_PATH, 'emulate', '--port', '0', '--replay', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    createInterface({ input: emulator!.stdout! }).on('line', (line) => {
      const url = /listening on (\S+)/.exec(line)?.[1];
      if (url !== undefined) resolve(url);
    });
    emulator!.once('exit', (code) => reject(new Error(`emulator exited ${code}`)));
  });
}

const suiteText = (relay: string): string =>
  `name: replay\nmodel: gemini-2.5-flash\nthinkingBudgets: [1024]\nrelays:\n  - ${relay}\ncases:\n  - { id: sum, prompt: "What is 137 * 24?", expect: { number: 3288 } }\n`;

type Row = Record<string, string>;
const rowOf = (out: string): Row => (parse(readFileSync(join(out, 'requests.csv')), { columns: true }) as Row[])[0]!;
const captureOf = (out: string): { path: string; lines: Array<Record<string, unknown>> } => {
  const name = readdirSync(join(out, 'captures'))[0]!;
  const path = join(out, 'captures', name);
  return {
    path,
    lines: readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
};

describe('replaying a capture', () => {
  it('measures the same chunks, text and tokens again, with close timings', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'relaybench-replay-'));
    writeFileSync(join(folder, 'original.yaml'), suiteText('{ name: honest, emulator: honest }'));
    const original = await runCli(['run', join(folder, 'original.yaml'), '--out', join(folder, 'original'), '--capture', 'all']);
    expect(original.code, original.stderr).toBe(0);
    const recorded = captureOf(join(folder, 'original'));

    const url = await startReplay(recorded.path);
    writeFileSync(join(folder, 'replayed.yaml'), suiteText(`{ name: honest, baseUrl: "${url}/honest", apiKey: any-key-1234 }`));
    const replayed = await runCli(['run', join(folder, 'replayed.yaml'), '--out', join(folder, 'replayed'), '--capture', 'all']);
    expect(replayed.code, replayed.stderr).toBe(0);

    const before = rowOf(join(folder, 'original'));
    const after = rowOf(join(folder, 'replayed'));
    for (const column of [
      'status',
      'chunks',
      'thought_chunks',
      'answer_chunks',
      'prompt_tokens',
      'thought_tokens',
      'answer_tokens',
      'total_tokens',
      'answer',
      'pass',
      'model_version',
      'finish_reason',
    ]) {
      expect(after[column], column).toBe(before[column]);
    }
    const again = captureOf(join(folder, 'replayed'));
    const text = (lines: Array<Record<string, unknown>>): string =>
      lines
        .slice(1)
        .map((line) => String(line.text))
        .join('');
    expect(text(again.lines)).toBe(text(recorded.lines));
    for (const column of ['ttft_ms', 'first_answer_ms', 'total_ms']) {
      const difference = Math.abs(Number(after[column]) - Number(before[column]));
      expect(difference, `${column}: ${before[column]} then ${after[column]}`).toBeLessThan(Math.max(100, Number(before[column]) * 0.25));
    }
  }, 60_000);

  it('a file that is not a capture is exit 2 with file:line', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'relaybench-replay-'));
    const file = join(folder, 'bad.jsonl');
    writeFileSync(file, '{"format":"relaybench-capture/1","relay":"r"}\n{"at_ms":"soon"}\n');
    const result = await runCli(['emulate', '--port', '0', '--replay', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}:2:1  a chunk line needs at_ms (a number) and text (a string)`);
  });
});
