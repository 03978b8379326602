import { EventEmitter } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmulatorConfigError, loadEmulatorConfig } from '../../src/emulator/config.js';
import { runEmulatorProcess } from '../../src/emulator/process.js';
import { startEmulator } from '../../src/emulator/server.js';
import { geminiBody, post, readLog } from './helpers.js';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'emulator-process-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function configFile(text: string, name = 'emulator.yaml'): Promise<string> {
  const file = join(folder, name);
  await writeFile(file, text);
  return file;
}

describe('loadEmulatorConfig', () => {
  it('reads YAML with relays, nested overrides and .inf rates', async () => {
    const file = await configFile(
      [
        'seed: 9',
        'relays:',
        '  - name: fast-proto',
        '    profile: honest',
        '    preset: gptproto',
        '    apiKey: secret',
        '    overrides: { answerTokensPerS: .inf, failures: { drop: 0.1 } }',
        'answerKey:',
        '  - { prompt: "1+1?", correct: "2", wrong: "3" }',
      ].join('\n'),
    );
    const config = await loadEmulatorConfig(file);
    expect(config.seed).toBe(9);
    expect(config.relays?.[0]).toMatchObject({ name: 'fast-proto', preset: 'gptproto', overrides: { failures: { drop: 0.1 } } });
    expect(config.relays?.[0]?.overrides?.answerTokensPerS).toBe(Number.POSITIVE_INFINITY);
    expect(config.answerKey).toEqual([{ prompt: '1+1?', correct: '2', wrong: '3' }]);
  });

  it('reads JSON too', async () => {
    const file = await configFile(JSON.stringify({ relays: [{ name: 'a', profile: 'slow' }] }), 'emulator.json');
    expect((await loadEmulatorConfig(file)).relays).toEqual([{ name: 'a', profile: 'slow' }]);
  });

  it.each([
    ['relays: [{ name: a, profile: speedy }]', 'relays[0].profile'],
    ['relays: [{ name: a, profile: honest, colour: red }]', 'colour'],
    ['relays: [{ name: a, profile: honest }, { name: a, profile: slow }]', 'unique'],
    ['relays: [{ name: "a/b", profile: honest }]', 'URL path segment'],
    ['relays: [{ name: a, profile: honest, overrides: { failures: { drop: 2 } } }]', 'failures.drop'],
    ['relays: [ { name: a', 'not valid YAML'],
  ])('rejects %s with a clear message', async (text, fragment) => {
    const file = await configFile(text);
    const error = await loadEmulatorConfig(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EmulatorConfigError);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toContain(fragment);
  });

  it('refuses failure rates that add up to more than 1', async () => {
    const config = { relays: [{ name: 'a', profile: 'flaky' as const, overrides: { failures: { drop: 0.6, stall: 0.6 } } }] };
    await expect(startEmulator({ config })).rejects.toThrow(/add up to 1\.\d+/);
  });
});

describe('runEmulatorProcess', () => {
  it('prints one listening line, serves, and closes (flushing the log) when stdin ends', async () => {
    const logFile = join(folder, 'truth.jsonl');
    const file = await configFile('relays: [{ name: demo, profile: instant }]');
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    let printed = '';
    stdout.on('data', (data: Buffer) => {
      printed += data.toString();
    });
    const signals = new EventEmitter();
    const running = runEmulatorProcess(
      { host: '127.0.0.1', port: 0, seed: 1, configFile: file, logFile, exitWithStdin: true },
      { stdin, stdout, signals: signals as unknown as NodeJS.Process },
    );
    while (!printed.includes('\n')) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(printed).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+\n$/);

    const url = printed.trim().slice('listening on '.length);
    const response = await post(`${url}/demo/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse`, geminiBody('hi'));
    expect(response.status).toBe(200);

    stdin.end();
    await running;
    expect(await readLog(logFile)).toHaveLength(1);
    await expect(fetch(url)).rejects.toThrow();
  });

  it('closes on SIGTERM', async () => {
    const signals = new EventEmitter();
    const stdout = new PassThrough();
    let printed = '';
    stdout.on('data', (data: Buffer) => {
      printed += data.toString();
    });
    const running = runEmulatorProcess({ host: '127.0.0.1', port: 0, seed: 1 }, { stdin: new PassThrough(), stdout, signals: signals as unknown as NodeJS.Process });
    while (!printed.includes('\n')) await new Promise((resolve) => setTimeout(resolve, 5));
    signals.emit('SIGTERM');
    await running;
    expect(signals.listenerCount('SIGINT') + signals.listenerCount('SIGTERM')).toBe(0);
  });
});
