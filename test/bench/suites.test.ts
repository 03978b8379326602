import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCAL_SERVER_KEY_VARIABLE, writeLocalServerSuite, writeValidateSuite } from '../../src/bench/suites.js';
import { loadSuite } from '../../src/suite/index.js';

/** The bench's generated suites must load as a user's would: a suite the CLI refuses would time an error path. */
describe('bench suites', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'bench-suites-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('writes a validate suite of the given size with unique ids and every grader kind it cycles through', async () => {
    const suite = await loadSuite(writeValidateSuite(folder, 60));
    expect(suite.cases).toHaveLength(60);
    expect(new Set(suite.cases.map((testCase) => testCase.id)).size).toBe(60);
    const kinds = new Set(
      suite.cases.map((testCase) =>
        Object.keys(testCase.expect ?? {})
          .filter((key) => key !== 'ignoreCase')
          .join('+'),
      ),
    );
    expect([...kinds].sort()).toEqual(['all', 'contains', 'equals', 'number', 'oneOf', 'regex']);
  });

  it('points the local-server suite at the given URL, with its key read from the environment', async () => {
    const file = writeLocalServerSuite(folder, 'bench-local', 'http://127.0.0.1:5999/instant');
    const suite = await loadSuite(file, { env: { [LOCAL_SERVER_KEY_VARIABLE]: 'k-123' } });
    expect(suite.relays).toHaveLength(1);
    expect(suite.relays[0]).toMatchObject({ name: 'instant', baseUrl: 'http://127.0.0.1:5999/instant', apiKey: 'k-123' });
    expect(suite.relays[0]?.emulator).toBeUndefined();
    await expect(loadSuite(file, { env: {} })).rejects.toThrow();
  });
});
